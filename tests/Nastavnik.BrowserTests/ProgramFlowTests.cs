using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Nastavnik.BrowserTests;

[Collection("browser")]
public sealed class ProgramFlowTests(AppServer app)
{
    [Fact]
    public async Task Curator_creates_a_program_from_a_template_marks_an_event_done_and_sees_the_roadmap()
    {
        var page = await app.NewPageAsync();
        await app.LoginAsync(page, "curator", "curator2026");
        await page.GetByTestId("menu-program").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Программа и дорожная карта", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Programs$"));
        await app.ShotAsync(page, "programs-before-1440");

        await page.GetByRole(AriaRole.Link, new() { Name = "Новая программа" }).ClickAsync();
        var name = $"Реверсивное наставничество {Guid.NewGuid().ToString("N")[..4]}";
        await page.GetByLabel("Название").FillAsync(name);
        // The earliest school year the form offers is over by now, so its roadmap shows overdue events.
        var y = (DateTime.Today.Month >= 6 ? DateTime.Today.Year : DateTime.Today.Year - 1) - 1;
        await page.GetByRole(AriaRole.Button, new() { Name = $"{y}/{y + 1}" }).ClickAsync();
        (await page.GetByLabel("Начало").InputValueAsync()).ShouldBe($"{y}-09-01");
        (await page.GetByLabel("Окончание").InputValueAsync()).ShouldBe($"{y + 1}-08-31");
        // The default coverage targets (20/30/50/70 %) moved with the school year: the first one is for that year.
        (await page.Locator("input[name='Input.Indicators[0].Targets[0].Year']").InputValueAsync()).ShouldBe($"{y + 1}");
        await page.GetByLabel("Цель программы").FillAsync("Обмен опытом между поколениями педагогов: цифровые инструменты и методика урока");
        await page.GetByLabel("реверсивное").CheckAsync();
        // A draft, so the flow works whether or not the demo school already has an active program.
        await page.GetByLabel("Статус").SelectOptionAsync(new SelectOptionValue { Label = "черновик" });
        await page.GetByLabel("Дорожная карта").SelectOptionAsync("reverse-year");
        await app.ShotAsync(page, "program-new-1440");
        await page.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/Programs/Roadmap\\?id=\\d+"));
        var main = page.Locator("main");
        (await main.InnerTextAsync()).ShouldContain("дорожная карта заполнена по шаблону: 7 мероприятий");
        (await page.Locator("[data-testid=roadmap-counts]").InnerTextAsync()).ShouldContain("7 мероприятий");
        // The program's year is over, so every planned event is overdue and says so in words.
        (await page.Locator("[data-testid=overdue-count]").InnerTextAsync()).ShouldContain("просрочено: 7");

        var first = page.Locator("tr[data-testid=event]").Filter(new() { HasText = "Выявление потребностей педагогов" });
        await first.GetByRole(AriaRole.Button, new() { Name = "выполнено" }).ClickAsync();
        // The page reloads at the same address: wait for the new count, not for a navigation.
        await Expect(page.Locator("[data-testid=overdue-count]")).ToContainTextAsync("просрочено: 6");
        (await page.Locator("tr[data-testid=event]").First.InnerTextAsync()).ShouldContain("выполнено");
        await app.ShotAsync(page, "roadmap-1440");
        var id = Regex.Match(page.Url, "id=(\\d+)").Groups[1].Value;

        await page.GotoAsync($"/Programs/Event?programId={id}&eventId=" + await page.Locator("tr[data-testid=event]").Nth(1)
            .GetByRole(AriaRole.Link).First.GetAttributeAsync("href").ContinueWith(t => Regex.Match(t.Result!, "eventId=(\\d+)").Groups[1].Value));
        await app.ShotAsync(page, "roadmap-event-1440");

        await page.GotoAsync($"/Programs?id={id}");
        (await main.InnerTextAsync()).ShouldContain(name);
        (await page.Locator("[data-testid=program-status]").InnerTextAsync()).ShouldBe("черновик");
        await app.ShotAsync(page, "programs-1440");
        await page.GotoAsync($"/Programs/Edit?id={id}");
        await app.ShotAsync(page, "program-edit-1440");

        var phone = await app.NewPageAsync(375, 800);
        await app.LoginAsync(phone, "curator", "curator2026");
        await phone.GotoAsync($"/Programs?id={id}");
        await app.ShotAsync(phone, "programs-375");
        await phone.GotoAsync($"/Programs/Edit?id={id}");
        await app.ShotAsync(phone, "program-edit-375");
        await phone.GotoAsync($"/Programs/Roadmap?id={id}");
        (await phone.Locator("tr[data-testid=event]").First.IsVisibleAsync()).ShouldBeTrue();
        var overflow = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        overflow.ShouldBeFalse("the roadmap must not make the whole page scroll sideways at 375 px");
        await app.ShotAsync(phone, "roadmap-375");

        // A draft is the curators' work in progress: a teacher does not see it, neither in the list nor by its address.
        var teacher = await app.NewPageAsync(375, 800);
        await app.LoginAsync(teacher, "teacher", "teacher2026");
        (await teacher.GotoAsync($"/Programs/Roadmap?id={id}"))!.Status.ShouldBe(404);
        await teacher.GotoAsync("/Programs");
        (await teacher.Locator("main").InnerTextAsync()).ShouldNotContain(name);

        // The curator deletes the draft: the button asks first (a dialog, no inline script); «Отмена» keeps it.
        await page.GotoAsync($"/Programs?id={id}");
        await page.Locator("[data-testid=delete-draft]").ClickAsync();
        var dialog = page.Locator("dialog.confirm-dialog[open]");
        await Expect(dialog).ToContainTextAsync($"Удалить черновик «{name}»");
        await app.ShotAsync(page, "program-delete-confirm-1440");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Отмена" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        (await page.Locator("main").InnerTextAsync()).ShouldContain(name);
        await page.Locator("[data-testid=delete-draft]").ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Удалить черновик" }).ClickAsync();
        await Expect(page.Locator(".alert-success")).ToContainTextAsync($"Черновик «{name}» удалён.");
        (await page.Locator("main a", new() { HasText = name }).CountAsync()).ShouldBe(0);
        app.ExternalRequests.ShouldBeEmpty();
    }
}
