using Microsoft.Playwright;

namespace Nastavnik.BrowserTests;

/// <summary>
/// The plan (ИОМ) of a pair: the mentor adds a task on a desktop, the mentee marks it done with a result on a phone, the mentor
/// accepts it, and the plan's history of corrections shows both steps with who made them.
/// </summary>
[Collection("browser")]
public sealed class PlanFlowTests(AppServer app)
{
    [Fact]
    public async Task The_mentor_adds_a_task_the_mentee_does_it_on_a_phone_and_the_mentor_accepts_it()
    {
        var pairId = DemoPairs.AddTeacherMentoringTeacher2(app.DatabasePath, new DateTime(2026, 10, 1, 8, 0, 0, DateTimeKind.Utc)).PairId;
        var title = "Посетить урок наставника " + Guid.NewGuid().ToString("N")[..6];
        var due = DateTime.Now.AddDays(10);

        var mentor = await app.NewPageAsync(1440, 900);
        await app.LoginAsync(mentor, "teacher", "teacher2026");
        await mentor.GotoAsync($"/Plans/ForPair/{pairId}");
        var section = mentor.Locator($"#pair-{pairId}");
        await section.Locator("summary", new() { HasText = "Добавить задачу" }).ClickAsync();
        await section.GetByLabel("Что сделать").FillAsync(title);
        await section.GetByLabel("Срок").FillAsync(due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await section.GetByRole(AriaRole.Button, new() { Name = "Сохранить задачу" }).ClickAsync();
        var task = mentor.Locator("[data-testid=plan-task]", new() { HasText = title });
        await task.WaitForAsync();
        (await task.InnerTextAsync()).ShouldContain("выполняет наставляемый");

        var mentee = await app.NewPageAsync(375, 800);
        await app.LoginAsync(mentee, "teacher2", "teacher2026");
        await mentee.GotoAsync($"/Plans/ForPair/{pairId}");
        await mentee.Locator("[data-testid=plan-task]", new() { HasText = title }).GetByRole(AriaRole.Link, new() { Name = "Изменить" }).ClickAsync();
        await mentee.GetByLabel("Статус").SelectOptionAsync(new SelectOptionValue { Label = "выполнена" });
        await mentee.GetByLabel("Результат", new() { Exact = true }).FillAsync("Посетила урок в 7 «Б», конспект приложу.");
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        var done = mentee.Locator("[data-testid=plan-task]", new() { HasText = title });
        await done.Locator("[data-testid=awaits]").WaitForAsync();
        (await done.InnerTextAsync()).ShouldContain("Посетила урок в 7 «Б»");
        (await mentee.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scroll at 375 px");
        await app.ShotAsync(mentee, "plan-375-mentee");

        await mentor.ReloadAsync();
        await task.GetByRole(AriaRole.Button, new() { Name = "Принять" }).ClickAsync();
        await mentor.Locator("[data-testid=plan-task]", new() { HasText = title }).Locator("[data-testid=accepted]").WaitForAsync();
        var history = await mentor.Locator("[data-testid=plan-corrections]").InnerTextAsync();
        history.ShouldContain($"Статус задачи «{title}»: «выполнена» (был «запланирована»).");
        history.ShouldContain($"Задача «{title}» принята наставником.");
        await app.ShotAsync(mentor, "plan-1440-mentor");
    }
}
