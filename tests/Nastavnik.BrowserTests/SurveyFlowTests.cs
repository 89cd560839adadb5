using Microsoft.Playwright;

namespace Nastavnik.BrowserTests;

/// <summary>
/// The curator makes the mentees' satisfaction survey from its template, sends it to all teachers; a teacher finds it on the home page
/// of a phone, is told it is anonymous, answers with the scale's buttons and sees it answered; the curator's list counts the answer.
/// </summary>
[Collection("browser")]
public sealed class SurveyFlowTests(AppServer app)
{
    [Fact]
    public async Task The_curator_sends_a_template_survey_and_a_teacher_answers_it_on_a_phone()
    {
        var curator = await app.NewPageAsync();
        await app.LoginAsync(curator, "curator", "curator2026");
        await curator.GotoAsync("/Surveys/New");
        await curator.GetByLabel("Удовлетворённость наставляемых").CheckAsync();
        await curator.Locator("[data-testid=create]").ClickAsync();
        await Expect(curator.Locator("h1")).ToHaveTextAsync("Удовлетворённость наставляемых");
        await curator.GetByLabel("Срок ответа").FillAsync(DateTime.Now.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await curator.GetByLabel("Все педагоги").CheckAsync();
        await curator.Locator("[data-testid=save-settings]").ClickAsync();
        await Expect(curator.Locator(".alert-success")).ToHaveTextAsync("Настройки опроса сохранены.");
        await app.ShotAsync(curator, "survey-edit-1440");
        await curator.Locator("[data-testid=send]").ClickAsync();
        await curator.Locator("dialog.confirm-dialog[open]").GetByRole(AriaRole.Button, new() { Name = "Разослать" }).ClickAsync();
        await Expect(curator.Locator("[data-testid=response-rate]")).ToContainTextAsync("Ответили 0 из ");

        var phone = await app.NewPageAsync(375, 800);
        await app.LoginAsync(phone, "teacher", "teacher2026");
        await phone.Locator("[data-testid=cabinet-waiting] a", new() { HasText = "Удовлетворённость наставляемых" }).ClickAsync();
        await Expect(phone.Locator("[data-testid=anonymity]")).ToContainTextAsync("Анонимный опрос: ответы не связываются с вашим именем");
        var scales = phone.Locator("[data-testid=question]").Filter(new() { Has = phone.Locator(".survey-scale") });
        var count = await scales.CountAsync();
        count.ShouldBe(5);
        for (var i = 0; i < count; i++) await scales.Nth(i).Locator("label.survey-scale-item").Nth(3).ClickAsync();
        await phone.Locator("[data-testid=question]").Filter(new() { HasText = "полезнее всего" }).GetByLabel("Встречи с наставником").CheckAsync();
        (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scroll at 375 px");
        await app.ShotAsync(phone, "survey-answer-375");
        await phone.Locator("[data-testid=submit]").ClickAsync();
        await Expect(phone.Locator(".alert-success")).ToHaveTextAsync("Спасибо! Ответ отправлен анонимно.");
        await Expect(phone.Locator("[data-testid=my-survey]", new() { HasText = "Удовлетворённость наставляемых" }).Locator("[data-testid=survey-state]")).ToHaveTextAsync("вы ответили");
        await app.ShotAsync(phone, "surveys-375-teacher");

        await curator.GotoAsync("/Surveys");
        // The list shows surveys being answered before closed ones (the demo has last year's, closed).
        await Expect(curator.Locator("[data-testid=survey]", new() { HasText = "Удовлетворённость наставляемых" }).First.Locator("[data-testid=response-rate]")).ToContainTextAsync("ответили 1 из ");
        await app.ShotAsync(curator, "surveys-1440-curator");
        var answerPage = await app.NewPageAsync();
        await app.LoginAsync(answerPage, "teacher", "teacher2026");
        await answerPage.GotoAsync("/Surveys");
        await answerPage.Locator("[data-testid=my-survey]").First.WaitForAsync();
        await app.ShotAsync(answerPage, "surveys-1440-teacher");
        app.ExternalRequests.ShouldBeEmpty();
    }
}
