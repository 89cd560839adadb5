using Microsoft.Playwright;

namespace Nastavnik.BrowserTests;

/// <summary>
/// Under the Content-Security-Policy (no inline script) every page's behaviour still works, from the app's own script files, and
/// Chromium reports no blocked script; the demo installation says what it is.
/// </summary>
[Collection("browser")]
public sealed class SecurityFlowTests(AppServer app)
{
    [Fact]
    public async Task Scripts_run_under_the_content_security_policy_and_the_demo_is_marked()
    {
        var page = await app.NewPageAsync();
        var blocked = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) blocked.Add(m.Text); };
        page.PageError += (_, e) => blocked.Add(e);

        await page.GotoAsync("/Account/Login");
        (await page.Locator("[data-testid=demo-mark]").InnerTextAsync()).ShouldContain("Демонстрационная школа");
        await app.LoginAsync(page, "curator", "curator2026");
        (await page.Locator("[data-testid=demo-mark]").InnerTextAsync()).ShouldContain("Демонстрационная школа");

        // A stage's «Удалить этап» asks first (js/confirm.js, data-confirm, a <dialog>); «Отмена» keeps the stage.
        await page.GotoAsync("/Programs");
        await page.Locator("a[href*='/Programs/Roadmap?id=']").First.ClickAsync();
        await page.Locator("a[href*='/Programs/Stage?']").First.ClickAsync();
        var title = await page.GetByLabel("Название этапа").InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Удалить этап" }).ClickAsync();
        var dialog = page.Locator("dialog.confirm-dialog[open]");
        await Assertions.Expect(dialog).ToContainTextAsync("Удалить этап вместе с его мероприятиями");
        await dialog.Locator("[data-testid=confirm-cancel]").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        page.Url.ShouldContain("/Programs/Stage?");
        (await page.GetByLabel("Название этапа").InputValueAsync()).ShouldBe(title);

        // The program form's school-year buttons fill the dates (program-edit.js).
        await page.GotoAsync("/Programs/Edit");
        var year = await page.Locator("[data-school-year]").First.GetAttributeAsync("data-school-year");
        await page.Locator("[data-school-year]").First.ClickAsync();
        await Assertions.Expect(page.GetByLabel("Начало")).ToHaveValueAsync($"{year}-09-01");

        blocked.ShouldBeEmpty();
        (await page.EvaluateAsync<string>("() => document.querySelectorAll('script:not([src])').length.toString()")).ShouldBe("0");
    }
}
