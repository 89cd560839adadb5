using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Nastavnik.BrowserTests;

[Collection("browser")]
public sealed class ChoiceStageFlowTests(AppServer app)
{
    [Fact]
    public async Task Curator_opens_the_choice_a_teacher_ranks_a_mentor_on_a_phone_and_states_capacity_the_curator_sees_it()
    {
        DemoAnswers.EnsureIn(app.DatabasePath);
        var curator = await app.NewPageAsync();
        await app.LoginAsync(curator, "curator", "curator2026");
        await curator.GotoAsync("/Matching/ChoiceStage");
        if (await curator.GetByRole(AriaRole.Button, new() { Name = "Открыть выбор" }).CountAsync() > 0)
        {
            await curator.GetByRole(AriaRole.Button, new() { Name = "Открыть выбор" }).ClickAsync();
            (await curator.Locator(".alert-success").InnerTextAsync()).ShouldContain("Выбор наставников открыт до");
        }
        (await curator.Locator("[data-testid=stage-state]").InnerTextAsync()).ShouldContain("выбор открыт");

        var phone = await app.NewPageAsync(375, 800);
        await app.LoginAsync(phone, "teacher2", "teacher2026");
        await phone.Locator("[data-testid=my-choice] a").ClickAsync();
        await Expect(phone).ToHaveURLAsync(new Regex("/Matching/ChoiceStage/Answer$"));
        (await phone.Locator("h1").InnerTextAsync()).ShouldBe("Выбор наставников");
        var card = phone.Locator("[data-testid=need-card]:has([data-testid=choice-form])").First;
        var topicId = (await card.GetAttributeAsync("id"))!;
        await card.Locator("summary").ClickAsync();
        var mentor = (await card.Locator("[data-testid=candidate] a").First.InnerTextAsync()).Trim();
        (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scroll at 375 px");
        await app.ShotAsync(phone, "choice-375-candidates");
        await card.Locator("select").First.SelectOptionAsync(new SelectOptionValue { Label = null, Index = 1 });
        await card.GetByRole(AriaRole.Button, new() { Name = "Сохранить выбор" }).ClickAsync();
        (await phone.Locator(".alert-success").InnerTextAsync()).ShouldContain("Выбор сохранён");
        (await phone.Locator($"#{topicId} [data-testid=chosen]").InnerTextAsync()).ShouldContain("1. " + mentor);

        await phone.Locator("#capacity").FillAsync("2");
        await phone.Locator("[data-testid=mentor-card] button[type=submit]").ClickAsync();
        (await phone.Locator(".alert-success").InnerTextAsync()).ShouldContain("до 2 наставляемых");
        await app.ShotAsync(phone, "choice-375-saved");

        // teacher2 has chosen, so the row has no «нет» mark.
        await curator.GotoAsync("/Matching/ChoiceStage?q=" + Uri.EscapeDataString("мельникова ольга"));
        var row = curator.Locator("[data-testid=mentees] tbody tr");
        (await row.CountAsync()).ShouldBe(1);
        (await row.InnerTextAsync()).ShouldContain("Мельникова Ольга Юрьевна");
        (await row.Locator(".status").CountAsync()).ShouldBe(0);
        await app.ShotAsync(curator, "choice-1440-summary");
        await curator.GotoAsync("/Matching/ChoiceStage?view=mentors&q=" + Uri.EscapeDataString("Мельникова Ольга"));
        (await curator.Locator("[data-testid=mentors] tbody tr").InnerTextAsync()).ShouldContain("2 наставляемых");
        var curatorPhone = await app.NewPageAsync(375, 800);
        await app.LoginAsync(curatorPhone, "curator", "curator2026");
        await curatorPhone.GotoAsync("/Matching/ChoiceStage");
        (await curatorPhone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scroll at 375 px");
        await curatorPhone.ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotDir, "choice-375-summary.png") });
        var desktop = await app.NewPageAsync();
        await app.LoginAsync(desktop, "teacher2", "teacher2026");
        // The teacher's nav fits one row at 1440 px, no item broken over two lines.
        (await desktop.EvaluateAsync<int>("() => new Set([...document.querySelectorAll('.app-navbar .navbar-nav > .nav-item > .nav-link')].map(a => Math.round(a.getBoundingClientRect().top))).size"))
            .ShouldBe(1, "one row of nav items at 1440 px");
        await desktop.GotoAsync("/Matching/ChoiceStage/Answer");
        await app.ShotAsync(desktop, "choice-1440-teacher");
        app.ExternalRequests.ShouldBeEmpty();
    }
}
