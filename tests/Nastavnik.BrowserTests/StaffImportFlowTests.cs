using Microsoft.Playwright;
using Nastavnik.Web.Files;

namespace Nastavnik.BrowserTests;

/// <summary>The staff import page under a user's hands (issue 10): the «Загрузить» button works once and shows progress; a big file gets words.</summary>
[Collection("browser")]
public sealed class StaffImportFlowTests(AppServer app)
{
    private static string Unique(string stem) => stem + new string(Guid.NewGuid().ToByteArray()[..6].Select(b => (char)('а' + b % 32)).ToArray());

    [Fact]
    public async Task The_load_button_is_disabled_at_the_first_click_and_the_page_shows_progress()
    {
        var page = await app.NewPageAsync();
        await app.LoginAsync(page, "curator", "curator2026");
        var name = Unique("Кнопкина");
        var file = Path.Combine(Path.GetTempPath(), $"staff-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, XlsxWriter.Write(new XlsxWriter.Sheet("Сотрудники", ["ФИО", "Должность"], [[$"{name} Вера Ильинична", "Учитель"]])));
        await page.GotoAsync("/Staff/Import");
        await page.GetByLabel("Файл со списком педагогов").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Проверить файл" }).ClickAsync();
        await page.Locator("[data-testid=summary]").WaitForAsync();

        // The server is slow to answer the commit, and reports half of a long list done: the page says so, and the button stays disabled.
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/Staff/Import?handler=Commit", async route => { await release.Task; await route.ContinueAsync(); });
        await page.RouteAsync(url => url.Contains("handler=Progress", StringComparison.Ordinal), route => route.FulfillAsync(new() { ContentType = "application/json", Body = "{\"running\":true,\"done\":500,\"total\":1200}" }));
        var load = page.GetByRole(AriaRole.Button, new() { Name = "Загрузить", Exact = true });
        // Clicked and watched from the page's script: while the commit is held, Playwright's own locators wait for that navigation.
        var seen = await load.EvaluateAsync<string>(@"async b => {
            b.click();
            const status = document.querySelector('[data-testid=commit-status]');
            for (let i = 0; i < 300 && !(status && status.textContent.includes(' из ')); i++) await new Promise(r => setTimeout(r, 100));
            const state = (b.disabled ? 'disabled' : 'enabled') + '|' + (status ? status.textContent : '');
            b.click();
            return state;
        }");
        seen.ShouldBe("disabled|Загружаем… 500 из 1200");
        release.SetResult();

        await page.Locator(".alert-success", new() { HasText = "добавлено 1 педагог" }).WaitForAsync();
        var count = await page.EvaluateAsync<int>($"async () => (await (await fetch('/api/v1/staff?q={name}')).json()).total");
        count.ShouldBe(1);
    }

    [Fact]
    public async Task A_file_over_20_mb_gets_the_russian_message_on_the_page()
    {
        var page = await app.NewPageAsync();
        await app.LoginAsync(page, "curator", "curator2026");
        var file = Path.Combine(Path.GetTempPath(), $"big-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(file, new byte[21 * 1024 * 1024]);
        await page.GotoAsync("/Staff/Import");
        await page.GetByLabel("Файл со списком педагогов").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Проверить файл" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Файл больше 20 МБ");
        File.Delete(file);
    }
}
