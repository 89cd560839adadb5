using Microsoft.Playwright;

namespace Nastavnik.BrowserTests;

/// <summary>The top menu of every role fits one row on a desktop; the diagnostics list is paged and filtered like the registry.</summary>
[Collection("browser")]
public sealed class LayoutTests(AppServer app)
{
    [Theory]
    [InlineData("admin", "admin2026")]
    [InlineData("curator", "curator2026")]
    [InlineData("teacher", "teacher2026")]
    [InlineData("psychologist", "psychologist2026")]
    public async Task The_menu_fits_one_row_at_1280_and_1440_px(string user, string password)
    {
        var page = await app.NewPageAsync(1280, 800);
        await app.LoginAsync(page, user, password);
        foreach (var width in new[] { 1280, 1440 })
        {
            await page.SetViewportSizeAsync(width, 800);
            await page.Locator("[data-testid=user-menu]").WaitForAsync();
            // One row: the vertical centres of every menu item and of the user's menu lie within a few pixels of each other.
            var spread = await page.EvaluateAsync<double>("""
                () => {
                    const centres = [...document.querySelectorAll('.app-navbar .navbar-nav > .nav-item > .nav-link, .app-navbar [data-testid=user-menu]')]
                        .map(a => { const r = a.getBoundingClientRect(); return r.top + r.height / 2; });
                    return Math.max(...centres) - Math.min(...centres);
                }
                """);
            await page.ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotDir, $"menu-{user}-{width}.png"), Clip = new() { X = 0, Y = 0, Width = width, Height = 120 } });
            spread.ShouldBeLessThan(12, $"the menu of {user} takes more than one row at {width} px");
            (await page.Locator(".app-navbar").BoundingBoxAsync())!.Height.ShouldBeLessThan(80, $"the menu of {user} at {width} px");
            var wide = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                    .slice(0, 5).map(e => e.tagName + '.' + e.className)
                """);
            wide.ShouldBeEmpty($"the page of {user} is wider than {width} px");
        }
    }

    [Fact]
    public async Task Diagnostics_on_a_phone_shows_a_page_of_teachers_filters_and_pages_on()
    {
        DemoAnswers.EnsureIn(app.DatabasePath);
        var phone = await app.NewPageAsync(375, 812);
        await app.LoginAsync(phone, "curator", "curator2026");
        await phone.GotoAsync("/Diagnostics");
        var rows = phone.Locator("[data-testid=answers-table] tbody tr");
        (await rows.CountAsync()).ShouldBe(25);
        (await phone.EvaluateAsync<int>("() => document.documentElement.scrollHeight")).ShouldBeLessThan(12000, "one page of 25 teachers, not the whole school");
        (await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth")).ShouldBeLessThanOrEqualTo(0);
        await phone.ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotDir, "diagnostics-paged-375-top.png") });
        await phone.GetByRole(AriaRole.Link, new() { Name = "Вперёд" }).ClickAsync();
        await Expect(phone.Locator("[data-testid=page]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Страница 2 из \\d+$"));

        // The filter by department swaps the list in place (htmx); those who answered are offered their answers, not a blank sheet.
        await phone.GetByLabel("Показать").SelectOptionAsync("answered");
        await Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("show=answered"));
        await phone.GetByLabel("Методическое объединение").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("dept="));
        // Wait for the swapped list itself (the address may change before the new rows are in).
        await Expect(phone.Locator("[data-testid=answers-table] a", new() { HasText = "Посмотреть ответы" }).First).ToBeVisibleAsync();
        await Expect(phone.Locator("[data-testid=answers-table] a", new() { HasText = "Заполнить за педагога" })).ToHaveCountAsync(0);
        await app.ShotAsync(phone, "diagnostics-filtered-375");

        var desktop = await app.NewPageAsync();
        await app.LoginAsync(desktop, "curator", "curator2026");
        await desktop.GotoAsync("/Diagnostics");
        await desktop.ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotDir, "diagnostics-paged-1440-top.png") });
        app.ExternalRequests.ShouldBeEmpty();
    }
}
