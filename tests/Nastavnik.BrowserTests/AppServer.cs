using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Nastavnik.BrowserTests;

/// <summary>
/// The real executable, started as the README says (`nastavnik --demo`: SQLite file, demo school on first start),
/// in a fresh folder and on a free port, plus Debian's Chromium driven by Playwright.
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    private Process? _process;
    private string _dir = "";
    public string BaseUrl { get; private set; } = "";
    /// <summary>The app's working folder; its SQLite database is data/nastavnik.db here.</summary>
    public string DataDirectory => _dir;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string ScreenshotDir { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");
    /// <summary>The app's SQLite file (its default "data/nastavnik.db" under the folder it runs in), for tests that add data no page creates yet.</summary>
    public string DatabasePath => Path.Combine(_dir, "data", "nastavnik.db");

    public async Task InitializeAsync()
    {
        _dir = Directory.CreateTempSubdirectory("nastavnik-browser-").FullName;
        Directory.CreateDirectory(ScreenshotDir);
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var dll = Path.Combine(AppContext.BaseDirectory, "nastavnik.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--demo", "--urls", BaseUrl])
        {
            WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_CONTENTROOT"] = AppContext.BaseDirectory },
        };
        _process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        _process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient();
        // Generous: on a busy machine the first start (migrations and the demo school) can take minutes; the loop ends as soon as it answers.
        var deadline = DateTime.UtcNow.AddSeconds(300);
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException("The app exited:\n" + output);
            try
            {
                if ((await http.GetAsync(BaseUrl + "/health")).StatusCode == HttpStatusCode.OK) break;
            }
            catch (HttpRequestException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The app did not start in 300 s:\n" + output);
            await Task.Delay(250);
        }
        // The banner a newcomer reads: the URL and the demo logins.
        for (var i = 0; i < 40 && !output.ToString().Contains("admin2026"); i++) await Task.Delay(250);
        output.ToString().ShouldContain(BaseUrl);
        output.ToString().ShouldContain("curator2026");

        // Assertions wait for their condition as long as actions do: on a busy 2-core machine 5 s (the default) is not enough.
        Assertions.SetDefaultExpectTimeout(30_000);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1440, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = "ru-RU", BaseURL = BaseUrl });
        // The first request to each page compiles it; on a busy 2-core CI machine that can exceed Playwright's 30 s default.
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        // Nothing may come from outside the app: every request must go to the app itself.
        page.Request += (_, r) => { if (!r.Url.StartsWith(BaseUrl, StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal)) ExternalRequests.Add(r.Url); };
        return page;
    }

    public List<string> ExternalRequests { get; } = [];

    public async Task LoginAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Логин").FillAsync(user);
        await page.GetByLabel("Пароль").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(BaseUrl + "/");
    }

    /// <summary>
    /// Full-page screenshots are for a person to look at, not checked by any test, and cost Chromium about 0.6 s of CPU per page at
    /// 1440 and 375 px (docs/benchmarks.md «Whole test suite»): taken only when asked for, `NASTAVNIK_SCREENSHOTS=1 ./test.sh`.
    /// </summary>
    public static bool Screenshots { get; } = Environment.GetEnvironmentVariable("NASTAVNIK_SCREENSHOTS") == "1";

    public Task ShotAsync(IPage page, string name) =>
        Screenshots ? page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true }) : Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        if (_process is { HasExited: false }) { _process.Kill(entireProcessTree: true); await _process.WaitForExitAsync(); }
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<AppServer>;
