using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Nastavnik.BrowserTests;

[Collection("browser")]
public sealed class PortfolioFlowTests(AppServer app)
{
    [Fact]
    public async Task Teacher_adds_an_item_with_a_link_and_a_contact_and_a_colleague_finds_it_in_supervisor_by_another_word_form()
    {
        var page = await app.NewPageAsync();
        await app.LoginAsync(page, "teacher", "teacher2026");
        await page.GetByRole(AriaRole.Link, new() { Name = "Портфолио", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Portfolio$"));

        await page.GetByLabel("Способ связи").SelectOptionAsync(new SelectOptionValue { Label = "Электронная почта" });
        await page.GetByLabel("Контакт", new() { Exact = true }).FillAsync("video.teacher@school291.example");
        await page.GetByLabel("Кто видит").SelectOptionAsync(new SelectOptionValue { Label = "все педагоги школы" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Добавить контакт" }).ClickAsync();
        (await page.Locator(".alert-success").InnerTextAsync()).ShouldContain("Контакт добавлен.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Добавить материал" }).ClickAsync();
        await page.GetByLabel("Тема из каталога").SelectOptionAsync(new SelectOptionValue { Label = "Создание видеороликов (программы)" });
        await page.GetByLabel("Название").FillAsync("Школьная медиастудия: уроки истории на видео");
        await page.GetByLabel("Описание опыта").FillAsync("Вместе с учениками 7–9 классов снимаем короткие видеоролики к урокам истории: сценарий, съёмка на телефон, монтаж в бесплатной программе.");
        await page.GetByLabel("Достижения и результаты").FillAsync("Победители районного конкурса «Живая история», 2025.");
        // A link without http(s) is refused with an explanation, then fixed.
        await page.GetByLabel("Ссылки, по одной в строке").FillAsync("school291.example/video");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        (await page.Locator(".alert-danger").InnerTextAsync()).ShouldContain("начинающийся с http:// или https://");
        await page.GetByLabel("Ссылки, по одной в строке").FillAsync("https://school291.example/video");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Portfolio$"));
        var main = await page.Locator("main").InnerTextAsync();
        main.ShouldContain("добавлен в портфолио");
        main.ShouldContain("https://school291.example/video");
        await app.ShotAsync(page, "portfolio-1440");
        await page.SetViewportSizeAsync(375, 800);
        await page.ReloadAsync();
        await app.ShotAsync(page, "portfolio-375");
        await page.Locator("[data-testid=portfolio-item] a", new() { HasText = "Изменить" }).First.ClickAsync();
        await app.ShotAsync(page, "portfolio-edit-375");

        var colleague = await app.NewPageAsync();
        await app.LoginAsync(colleague, "teacher2", "teacher2026");
        await colleague.GetByRole(AriaRole.Link, new() { Name = "Супервизор", Exact = true }).ClickAsync();
        await Expect(colleague).ToHaveURLAsync(new Regex("/Supervisor$"));
        await colleague.GetByLabel("Слова").FillAsync("видеоролик");
        await colleague.GetByRole(AriaRole.Button, new() { Name = "Найти" }).ClickAsync();
        var hit = colleague.Locator("[data-testid=hit]", new() { HasText = "Школьная медиастудия" });
        await hit.WaitForAsync();
        (await hit.Locator("mark").First.InnerTextAsync()).ShouldBe("видеоролики");
        (await hit.Locator("a[href='mailto:video.teacher@school291.example']").CountAsync()).ShouldBe(1);
        await app.ShotAsync(colleague, "supervisor-1440");
        await colleague.SetViewportSizeAsync(375, 800);
        await colleague.ReloadAsync();
        await hit.WaitForAsync();
        await app.ShotAsync(colleague, "supervisor-375");
        (await colleague.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("the page scrolls sideways at 375 px");

        // The colleague opens the author's portfolio read-only.
        await hit.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(colleague).ToHaveURLAsync(new Regex("/Portfolio\\?personId=\\d+"));
        (await colleague.Locator("main").InnerTextAsync()).ShouldContain("Школьная медиастудия");
        (await colleague.GetByRole(AriaRole.Link, new() { Name = "Добавить материал" }).CountAsync()).ShouldBe(0);
        await app.ShotAsync(colleague, "portfolio-colleague-375");
        app.ExternalRequests.ShouldBeEmpty();
    }
}
