using System.Text.Json;
using Microsoft.Playwright;

namespace Nastavnik.BrowserTests;

/// <summary>
/// Every page by every role with axe-core (from npm, fetched at build time, see the .csproj): no serious or critical violation.
/// One browser context per role walks the whole list; pages a role may not open are skipped (and counted), so each role is
/// checked on exactly the pages it sees. axe is served to the page by the test itself from the app's own origin.
/// </summary>
[Collection("browser")]
public sealed class AccessibilityTests(AppServer app)
{
    private static readonly string Axe = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js"));

    private static readonly (string User, string Password, int AtLeast)[] Roles =
    [
        ("curator", "curator2026", 25), ("admin", "admin2026", 28), ("teacher", "teacher2026", 10), ("teacher2", "teacher2026", 10),
        ("psychologist", "psychologist2026", 8),
    ];

    [Fact]
    public async Task Every_page_by_every_role_has_no_serious_or_critical_axe_violation()
    {
        DemoAnswers.EnsureIn(app.DatabasePath);
        var failures = new List<string>();
        var anonymous = await NewPageAsync();
        await anonymous.GotoAsync("/Account/Login");
        failures.AddRange(await CheckAsync(anonymous, "anonymous", "/Account/Login"));
        await anonymous.Context.CloseAsync();

        List<string>? pages = null;
        foreach (var (user, password, atLeast) in Roles)
        {
            var page = await NewPageAsync();
            await app.LoginAsync(page, user, password);
            pages ??= await PagesAsync(page);
            var checkedPages = 0;
            foreach (var url in pages)
            {
                var response = await page.GotoAsync(url);
                // A page this role may not open: the access-denied page, 403 or 404 (drafts, the mentee base). Not this role's page.
                if (response is null || response.Status >= 400 || page.Url.Contains("/Account/AccessDenied", StringComparison.Ordinal)) continue;
                checkedPages++;
                failures.AddRange(await CheckAsync(page, user, url));
                if (url == "/Admin/Users")
                {
                    // The confirmation of a password reset, reached from the list (its id is the account's).
                    var reset = (await page.Locator("a[href^='/Admin/Users/Reset']").First.GetAttributeAsync("href"))!;
                    await page.GotoAsync(reset);
                    checkedPages++;
                    failures.AddRange(await CheckAsync(page, user, reset));
                }
            }
            checkedPages.ShouldBeGreaterThanOrEqualTo(atLeast, $"{user} saw too few pages: the walk did not sign in or lost its way");
            await page.Context.CloseAsync();
        }
        failures.ShouldBeEmpty(string.Join("\n", failures));
        app.ExternalRequests.ShouldBeEmpty();
    }

    private async Task<IPage> NewPageAsync()
    {
        var page = await app.NewPageAsync();
        // axe comes from the app's own origin (as a script the page's policy allows), answered by the test, never from a CDN.
        await page.RouteAsync(app.BaseUrl + "/__tests/axe.min.js", route => route.FulfillAsync(new() { Body = Axe, ContentType = "text/javascript" }));
        return page;
    }

    /// <summary>Every page of the app, with the ids of the demo school's current program, its first event and stage, a teacher and an account.</summary>
    private static async Task<List<string>> PagesAsync(IPage curator)
    {
        var ids = JsonDocument.Parse(await curator.EvaluateAsync<string>("""
            async () => {
                const programs = await (await fetch('/api/v1/programs')).json();
                const program = programs[0].id;
                const events = await (await fetch(`/api/v1/programs/${program}/events`)).json();
                const staff = await (await fetch('/api/v1/staff?size=5')).json();
                return JSON.stringify({ program, event: events[0].id, stage: events[0].stageId, person: staff.items[0].id });
            }
            """)).RootElement;
        int Id(string name) => ids.GetProperty(name).GetInt32();
        var (program, ev, stage, person) = (Id("program"), Id("event"), Id("stage"), Id("person"));
        return
        [
            "/", "/Programs", $"/Programs?id={program}", $"/Programs/Roadmap?id={program}", "/Programs/Edit", $"/Programs/Edit?id={program}",
            $"/Programs/Event?programId={program}&eventId={ev}", $"/Programs/Stage?programId={program}&stageId={stage}",
            "/Staff", "/Staff?status=all", $"/Staff/Details/{person}", "/Staff/Edit", $"/Staff/Edit/{person}", "/Staff/Import", "/Catalog",
            "/Diagnostics", "/Diagnostics?show=answered", "/Diagnostics/Answer", "/Diagnostics/Map", "/Diagnostics/Bases",
            "/Diagnostics/Bases?tab=mentees", "/Diagnostics/Import",
            "/Matching", "/Matching/Unserved", "/Matching/ChoiceStage", "/Matching/ChoiceStage?view=mentors", "/Matching/ChoiceStage/Answer",
            "/Portfolio", "/Portfolio/Edit", "/Supervisor", "/Supervisor?q=" + Uri.EscapeDataString("видеоролики"),
            "/Admin/Users", "/Admin/Users/Create", "/Account/ChangePassword", "/Account/AccessDenied",
            "/Notifications", "/Notifications/Settings", "/Admin/Letters", "/Admin/Letters?show=All",
        ];
    }

    private static async Task<List<string>> CheckAsync(IPage page, string user, string url)
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
        return JsonSerializer.Deserialize<List<string>>(json)!.Select(v => $"{user} {url}: {v}").ToList();
    }
}
