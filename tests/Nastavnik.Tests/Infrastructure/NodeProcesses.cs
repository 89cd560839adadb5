using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Nastavnik.Web.Data;

namespace Nastavnik.Tests.Infrastructure;

/// <summary>
/// Real <c>nastavnik</c> processes on one database (issue 15): web nodes and command-line runs, each with a home folder of its
/// own as its working folder (so nothing kept on a node's disk is shared, and, as under systemd, the app's folder is elsewhere), their output gathered for a failure's message. A node can be ended with
/// SIGKILL (<see cref="Node.Kill"/>: no shutdown, no cleanup, as a crash). Disposing ends every node and deletes the folders.
/// </summary>
public sealed class NodeProcesses(DatabaseProvider provider, string connection) : IAsyncDisposable
{
    private readonly List<Process> _processes = [];
    private readonly List<string> _folders = [];
    private readonly StringBuilder _output = new();

    /// <summary>The home folders given to the processes so far.</summary>
    public IReadOnlyList<string> Homes { get { lock (_folders) return [.. _folders]; } }

    /// <summary>Everything the processes wrote so far.</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    private ProcessStartInfo Start(string home, IReadOnlyDictionary<string, string>? settings, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "nastavnik.dll"), .. args])
        {
            WorkingDirectory = home, RedirectStandardOutput = true, RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        start.Environment["HOME"] = home;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Nastavnik__Database__Provider"] = provider.ToString();
        start.Environment["Nastavnik__ConnectionStrings__Nastavnik"] = connection;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // Settings by their configuration key ("Nastavnik:Jobs:Enabled"), as environment variables.
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return start;
    }

    private string NewHome()
    {
        var home = Directory.CreateTempSubdirectory("nastavnik-node-").FullName;
        lock (_folders) _folders.Add(home);
        return home;
    }

    /// <summary>A command-line run to its end: exit code and output.</summary>
    public Task<(int Code, string Output)> RunAsync(params string[] args) => RunAsync(null, args);

    /// <summary>A command-line run to its end with settings of its own: exit code and output.</summary>
    public async Task<(int Code, string Output)> RunAsync(IReadOnlyDictionary<string, string>? settings, params string[] args)
    {
        using var p = Process.Start(Start(NewHome(), settings, args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await stdout + await stderr);
    }

    /// <summary>A node serving on a free loopback port, waited for until it answers /health.</summary>
    public async Task<Node> StartAsync(bool migrate, IReadOnlyDictionary<string, string>? settings = null)
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)socket.LocalEndpoint).Port}";
        socket.Stop();
        var start = Start(NewHome(), settings, "--urls", url);
        start.Environment["Nastavnik__Database__AutoMigrate"] = migrate ? "true" : "false";
        var process = Process.Start(start)!;
        lock (_processes) _processes.Add(process);
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient();
        // Generous for a busy machine; the loop ends as soon as the node answers.
        for (var deadline = DateTime.UtcNow.AddSeconds(180); ; await Task.Delay(200))
        {
            if (process.HasExited) throw new InvalidOperationException("A node exited:\n" + Output);
            try
            {
                if ((await http.GetAsync(url + "/health")).StatusCode == HttpStatusCode.OK) return new Node(url, process);
            }
            catch (HttpRequestException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("A node did not start in 180 s:\n" + Output);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await process.WaitForExitAsync();
            process.Dispose();
        }
        foreach (var folder in _folders)
            try { Directory.Delete(folder, true); } catch (IOException) { }
    }
}

/// <summary>A running node: its address and its process.</summary>
public sealed record Node(string Url, Process Process)
{
    /// <summary>SIGKILL, as a crash or a power cut of the node: nothing of the process runs after it.</summary>
    public void Kill()
    {
        Process.Kill();
        Process.WaitForExit();
    }

    /// <summary>A browser of this node: its own cookie jar, no redirects followed.</summary>
    public HttpClient Browser() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(Url) };

    /// <summary>A browser of this node signed in with the sign-in form, as a person does.</summary>
    public async Task<HttpClient> SignInAsync(string user, string password)
    {
        var client = Browser();
        var page = await client.GetStringAsync("/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = user, ["Input.Password"] = password, ["__RequestVerificationToken"] = Html.Token(page),
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-in of {user} failed");
        return client;
    }
}
