using System.Text.RegularExpressions;

namespace Nastavnik.BrowserTests;

[Collection("browser")]
public sealed class UnservedNeedsFlowTests(AppServer app)
{
    [Fact]
    public async Task Curator_goes_from_the_map_to_the_needs_no_mentor_can_serve_on_a_desktop_and_a_phone()
    {
        DemoAnswers.EnsureIn(app.DatabasePath);
        var page = await app.NewPageAsync();
        await app.LoginAsync(page, "curator", "curator2026");
        await page.GotoAsync("/Diagnostics/Map");
        await page.Locator("[data-testid=unserved-link]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Matching/Unserved"));
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Незакрытые дефициты");
        (await page.Locator("[data-testid=summary]").InnerTextAsync()).ShouldContain("Оптимальный подбор");
        (await page.Locator("[data-testid=unserved]").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("[data-testid=reason]").First.InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        await page.ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotDir, "unserved-1440-top.png") });

        var phone = await app.NewPageAsync(375, 800);
        await app.LoginAsync(phone, "curator", "curator2026");
        await phone.GotoAsync("/Matching/Unserved");
        (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scroll at 375 px");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotDir, "unserved-375-top.png") });
    }
}
