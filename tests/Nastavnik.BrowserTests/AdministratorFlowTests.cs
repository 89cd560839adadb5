using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nastavnik.Web.Files;

namespace Nastavnik.BrowserTests;

[Collection("browser")]
public sealed class AdministratorFlowTests(AppServer app)
{
    [Fact]
    public async Task Administrator_finds_a_teacher_typed_with_ye_edits_them_imports_a_staff_xlsx_and_logs_out()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await app.ShotAsync(page, "login-1440");
        await app.LoginAsync(page, "admin", "admin2026");
        await app.ShotAsync(page, "home-1440");

        await page.GetByRole(AriaRole.Link, new() { Name = "Педагоги", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Staff$"));
        (await page.Locator("[data-testid=total]").InnerTextAsync()).ShouldContain("педагог");
        await app.ShotAsync(page, "staff-1440");

        // Pick someone whose surname has «ё» and type it with «е», in lower case.
        var yoName = await page.EvaluateAsync<string>("async () => { const r = await fetch('/api/v1/staff?q=ё&size=200'); return (await r.json()).items.find(i => i.lastName.includes('ё')).lastName; }");
        yoName.ShouldContain("ё");
        await page.GetByLabel("Поиск по ФИО, почте, предмету").FillAsync(yoName.Replace('ё', 'е').ToLowerInvariant());
        await Expect(page).ToHaveURLAsync(new Regex("q="));
        var firstLink = page.Locator("table.table-staff tbody tr a").First;
        (await firstLink.InnerTextAsync()).ShouldStartWith(yoName);
        await firstLink.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Staff/Details/\\d+"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Редактировать" }).ClickAsync();
        await page.GetByLabel("Должность").FillAsync("Учитель-наставник");
        await page.GetByLabel("Педагогический стаж, лет").FillAsync("21");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Staff/Details/\\d+"));
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Изменения сохранены.");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Учитель-наставник");
        (await page.Locator("main").InnerTextAsync()).ShouldContain("21 год");
        await app.ShotAsync(page, "card-1440");

        // Import a staff sheet through the page.
        var file = Path.Combine(Path.GetTempPath(), $"staff-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, XlsxWriter.Write(new XlsxWriter.Sheet("Сотрудники", ["ФИО", "Должность", "МО", "Стаж", "Год рождения"],
        [
            ["Браузерова Светлана Игоревна", "Учитель биологии", "МО естественных наук", 9, 1990],
            ["Тестов Фёдор Петрович", "Учитель физики", "МО естественных наук", 31, 1968],
        ])));
        await page.GetByRole(AriaRole.Link, new() { Name = "Педагоги", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Загрузить из Excel" }).ClickAsync();
        await page.GetByLabel("Файл со списком педагогов").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Проверить файл" }).ClickAsync();
        await page.Locator("[data-testid=summary]").WaitForAsync();
        (await page.Locator("[data-testid=summary]").InnerTextAsync()).ShouldContain("Новых педагогов: 2");
        await app.ShotAsync(page, "import-preview-1440");
        await page.GetByRole(AriaRole.Button, new() { Name = "Загрузить", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Staff$"));
        (await page.Locator(".alert-success").InnerTextAsync()).ShouldContain("добавлено 2 педагога");
        await page.GetByLabel("Поиск по ФИО, почте, предмету").FillAsync("тестов федор");
        await page.Locator("table.table-staff tbody tr a", new() { HasText = "Тестов Фёдор Петрович" }).WaitForAsync();

        await page.Locator("[data-testid=user-menu]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Выйти" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
        await page.GotoAsync("/Staff");
        page.Url.ShouldContain("/Account/Login");
        app.ExternalRequests.ShouldBeEmpty();
    }
}
