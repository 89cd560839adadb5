using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Nastavnik.BrowserTests;

/// <summary>
/// Every page with axe-core (from npm, fetched at build time, see the .csproj): no serious or critical violation; and every page
/// fits a 375 px phone without sideways scrolling (docs/ui.md). One browser context per role. Each page of the list is checked
/// once, by the first role in <see cref="Roles"/> that may open it (the one that sees most of it); besides, every role checks
/// its own home, and a role whose menu is not within the menu of a role before it checks the pages of its menu and a person's
/// own pages (what a teacher sees there is not what the administrator sees). Every link of every role's menu must open. axe is served to the page by the test itself
/// from the app's own origin. The 375 px check runs on the page already open (the viewport narrows, then widens again).
/// </summary>
[Collection("browser")]
public sealed class AccessibilityTests(AppServer app, ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>A pair at work with a plan, a meeting, an activity, a report and a template, for the pages that need ids; removed after.</summary>
    private WalkPairWork _work = null!;

    public async Task InitializeAsync() => _work = await WalkPairWork.AddAsync(app);

    public Task DisposeAsync()
    {
        _work?.Remove(app.DatabasePath);
        return Task.CompletedTask;
    }

    private static readonly string Axe = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js"));

    /// <summary>In the order of how much of the app a role sees; the fewest menu links each role must have.</summary>
    private static readonly (string User, string Password, int MenuAtLeast)[] Roles =
    [
        ("admin", "admin2026", 9), ("curator", "curator2026", 8), ("teacher", "teacher2026", 8), ("teacher2", "teacher2026", 8),
        ("psychologist", "psychologist2026", 8),
    ];

    /// <summary>Pages of a person's own, not in the menu (a teacher's portfolio item, the choice of a mentor), filled in for a teacher.</summary>
    private static readonly string[] OwnPages = ["/Portfolio/Edit", "/Matching/ChoiceStage/Answer"];

    /// <summary>Pages also kept as full-page screenshots at 1440 and 375 px (for a person to look at), named by the role that checked them.</summary>
    private static readonly HashSet<string> Shots = ["/", "/Staff", "/Staff/Edit", "/Catalog", "/Staff/Import", "/Account/ChangePassword", "/Admin/Users", "/Admin/Users/Create", "/Admin/Users/Bulk", "/Admin/Users/Pending"];

    [Fact]
    public async Task Every_page_has_no_serious_or_critical_axe_violation_and_fits_a_375px_phone()
    {
        DemoAnswers.EnsureIn(app.DatabasePath);
        var failures = new List<string>();
        var anonymous = await NewPageAsync();
        foreach (var url in new[] { "/Account/Login", "/Account/Code", "/Account/Forgot" })
        {
            await anonymous.GotoAsync(url);
            failures.AddRange(await CheckAsync(anonymous, "anonymous", url));
        }
        await anonymous.Context.CloseAsync();

        List<string>? pages = null;
        var checkedPages = new HashSet<string>();
        var menus = new List<HashSet<string>>();
        var times = new List<(double Seconds, string Page)>();
        foreach (var (user, password, menuAtLeast) in Roles)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var page = await NewPageAsync();
            await app.LoginAsync(page, user, password);
            pages ??= [.. await PagesAsync(page), .. _work.Pages, .. _work.MonitoringPages];

            // The role's menu: every link opens for this role.
            var menu = (await page.Locator(".app-navbar a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")).ToHashSet();
            menu.Count.ShouldBeGreaterThanOrEqualTo(menuAtLeast, $"{user}'s menu has too few links: the walk did not sign in");
            foreach (var url in menu)
            {
                var response = await page.Context.APIRequest.GetAsync(url);
                if (!Opens(url, response.Status, response.Url)) failures.Add($"{user} {url}: the menu's link does not open ({response.Status}, {response.Url})");
                await response.DisposeAsync();
            }

            // Its own pages: the home always; the menu's pages and a person's own pages unless a role before it had the same links or more.
            var own = menus.Any(m => menu.IsSubsetOf(m)) ? ["/"] : menu.Order(StringComparer.Ordinal).Concat(OwnPages).Concat(_work.OwnPages).ToList();
            menus.Add(menu);
            var before = checkedPages.Count;
            var checkedHere = 0;
            var walk = own.Concat(pages.Where(url => !checkedPages.Contains(url))).Distinct().ToList();
            foreach (var url in walk)
            {
                var pageClock = System.Diagnostics.Stopwatch.StartNew();
                var response = await page.GotoAsync(url);
                // A page this role may not open: the access-denied page, 403 or 404 (drafts, the mentee base). Another role checks it.
                if (response is null || !Opens(url, response.Status, page.Url)) continue;
                checkedPages.Add(url);
                checkedHere++;
                failures.AddRange(await CheckAsync(page, user, url));
                if (url == "/Admin/Users")
                {
                    // The confirmation of a password reset, reached from the list (its id is the account's).
                    var reset = (await page.Locator("a[href^='/Admin/Users/Reset']").First.GetAttributeAsync("href"))!;
                    await page.GotoAsync(reset);
                    failures.AddRange(await CheckAsync(page, user, reset));
                }
                times.Add((pageClock.Elapsed.TotalSeconds, $"{user} {url}"));
            }
            await page.Context.CloseAsync();
            output.WriteLine($"{user}: {menu.Count} menu links, {checkedHere} pages checked ({checkedPages.Count - before} for the first time) of {walk.Count} tried, {clock.Elapsed.TotalSeconds:F1} s");
        }
        output.WriteLine("The slowest: " + string.Join(", ", times.OrderByDescending(t => t.Seconds).Take(8).Select(t => $"{t.Page} {t.Seconds:F1} s")));
        // Each page of the list was opened by some role: the walk did not lose its way.
        pages!.Where(url => !checkedPages.Contains(url)).ShouldBeEmpty("pages no role could open");
        failures.ShouldBeEmpty(string.Join("\n", failures));
        app.ExternalRequests.ShouldBeEmpty();
    }

    /// <summary>The page opened for this role: not 403/404, not the access-denied page or the sign-in page in its place (the access-denied page itself answers 403).</summary>
    private bool Opens(string url, int status, string finalUrl) =>
        url.StartsWith("/Account/AccessDenied", StringComparison.Ordinal)
            ? finalUrl.StartsWith(app.BaseUrl + "/Account/AccessDenied", StringComparison.Ordinal)
            : status < 400 && !finalUrl.Contains("/Account/AccessDenied", StringComparison.Ordinal) && !finalUrl.StartsWith(app.BaseUrl + "/Account/Login", StringComparison.Ordinal);

    private async Task<IPage> NewPageAsync()
    {
        var page = await app.NewPageAsync();
        // axe comes from the app's own origin (as a script the page's policy allows), answered by the test, never from a CDN.
        await page.RouteAsync(app.BaseUrl + "/__tests/axe.min.js", route => route.FulfillAsync(new() { Body = Axe, ContentType = "text/javascript" }));
        return page;
    }

    /// <summary>Every page of the app, with the ids of the demo school's current program, its first event and stage, a teacher, an account and a material of the practice bank.</summary>
    private static async Task<List<string>> PagesAsync(IPage curator)
    {
        var ids = JsonDocument.Parse(await curator.EvaluateAsync<string>("""
            async () => {
                const programs = await (await fetch('/api/v1/programs')).json();
                const program = programs[0].id;
                const events = await (await fetch(`/api/v1/programs/${program}/events`)).json();
                const staff = await (await fetch('/api/v1/staff?size=5')).json();
                const practices = await (await fetch('/api/v1/practices?size=1')).json();
                return JSON.stringify({ program, event: events[0].id, stage: events[0].stageId, person: staff.items[0].id, practice: practices.items[0].id });
            }
            """)).RootElement;
        int Id(string name) => ids.GetProperty(name).GetInt32();
        var (program, ev, stage, person, practice) = (Id("program"), Id("event"), Id("stage"), Id("person"), Id("practice"));
        return
        [
            "/", "/Programs", $"/Programs?id={program}", $"/Programs/Roadmap?id={program}", "/Programs/Edit", $"/Programs/Edit?id={program}",
            $"/Programs/Event?programId={program}&eventId={ev}", $"/Programs/Stage?programId={program}&stageId={stage}",
            "/Staff", "/Staff?status=all", $"/Staff/Details/{person}", "/Staff/Edit", $"/Staff/Edit/{person}", "/Staff/Import", "/Catalog",
            "/Diagnostics", "/Diagnostics?show=answered", "/Diagnostics/Answer", "/Diagnostics/Map", "/Diagnostics/Bases",
            "/Diagnostics/Bases?tab=mentees", "/Diagnostics/Import",
            "/Matching", "/Matching/Unserved", "/Matching/ChoiceStage", "/Matching/ChoiceStage?view=mentors", "/Matching/ChoiceStage/Answer",
            "/Portfolio", "/Portfolio/Edit", "/Supervisor", "/Supervisor?q=" + Uri.EscapeDataString("видеоролики"),
            "/Practices", "/Practices/Edit", "/Practices?q=" + Uri.EscapeDataString("наставнику"),
            "/Admin/Users", "/Admin/Users/Create", "/Account/ChangePassword", "/Account/AccessDenied",
            "/Notifications", "/Notifications/Settings", "/Admin/Letters", "/Admin/Letters?show=All",
            "/Admin/Users/Bulk", "/Admin/Users/Pending", "/Announcements", "/Announcements/New", $"/Documents/{program}", $"/Documents/Reports/{program}",
            "/Admin/School", $"/Documents/{program}/Register", "/Documents/Regulation",
            "/Documents/Templates", $"/Documents/Partners/{program}", $"/Practices/{practice}",
        ];
    }

    /// <summary>axe at 1440 px, then the same page at 375 px: nothing wider than the screen, body text 16 px.</summary>
    private async Task<List<string>> CheckAsync(IPage page, string user, string url)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
            await page.AddScriptTagAsync(new() { Url = "/__tests/axe.min.js" });
        (await page.EvaluateAsync<string>("() => axe.version")).ShouldBe("4.14.1");
        var json = await page.EvaluateAsync<string>("""
            async () => {
                const result = await axe.run(document, { resultTypes: ['violations'] });
                return JSON.stringify(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => `${v.id} (${v.impact}) × ${v.nodes.length}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join('; ')}`));
            }
            """);
        var failures = JsonSerializer.Deserialize<List<string>>(json)!.Select(v => $"{user} {url}: {v}").ToList();

        var name = user + url.Replace('/', '_');
        var shot = Shots.Contains(url) || _work.Pages.Contains(url) || _work.OwnPages.Contains(url);
        if (shot) await app.ShotAsync(page, $"{name}-1440");
        await page.SetViewportSizeAsync(375, 812);
        // On overflow, the outermost elements that reach past the screen's right edge, so the report names what to fix.
        var fit = await page.EvaluateAsync<JsonElement>("""
            () => {
                const overflow = document.documentElement.scrollWidth - window.innerWidth;
                const name = e => e.tagName.toLowerCase() + (e.dataset.testid ? `[data-testid=${e.dataset.testid}]` : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '');
                const wide = overflow <= 0 ? [] : [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                    && !(e.parentElement && e.parentElement.getBoundingClientRect().right > window.innerWidth + 1)).slice(0, 3).map(name);
                return { overflow, wide: wide.join(', '), font: getComputedStyle(document.body).fontSize };
            }
            """);
        var overflow = fit.GetProperty("overflow").GetInt32();
        if (overflow > 0) failures.Add($"{user} {url}: {overflow} px wider than a 375 px screen ({fit.GetProperty("wide").GetString()})");
        if (fit.GetProperty("font").GetString() != "16px") failures.Add($"{user} {url}: body text is {fit.GetProperty("font").GetString()} at 375 px, not 16px");
        if (shot) await app.ShotAsync(page, $"{name}-375");
        await page.SetViewportSizeAsync(1440, 900);
        return failures;
    }
}
