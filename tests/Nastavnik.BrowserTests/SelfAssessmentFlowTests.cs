using Microsoft.Playwright;

namespace Nastavnik.BrowserTests;

[Collection("browser")]
public sealed class SelfAssessmentFlowTests(AppServer app)
{
    [Fact]
    public async Task Teacher_fills_the_self_assessment_on_a_phone_and_submits_it()
    {
        // The curator makes sure a diagnostics round is open (the demo may already have one).
        var curator = await app.NewPageAsync();
        await app.LoginAsync(curator, "curator", "curator2026");
        await curator.GotoAsync("/Diagnostics");
        if (await curator.Locator("[data-testid=no-program]").CountAsync() > 0)
        {
            await AddProgramAsync();
            await curator.GotoAsync("/Diagnostics");
        }
        if (await curator.Locator("[data-testid=open-form]").CountAsync() > 0)
        {
            await curator.GetByLabel("Название").FillAsync("Самодиагностика педагогов, браузерный тест");
            await curator.GetByRole(AriaRole.Button, new() { Name = "Открыть тур" }).ClickAsync();
            (await curator.Locator(".alert-success").InnerTextAsync()).ShouldContain("открыт.");
        }
        (await curator.Locator("[data-testid=counts]").InnerTextAsync()).ShouldContain("Ответили");
        await app.ShotAsync(curator, "diagnostics-1440");
        await ViewShotAsync(curator, "diagnostics-1440-top");

        // The teacher on a 375 px phone.
        var phone = await app.NewPageAsync(375, 800);
        await app.LoginAsync(phone, "teacher", "teacher2026");
        await phone.GotoAsync("/Diagnostics/Answer");
        await phone.Locator("form.topic-card").First.WaitForAsync();
        await app.ShotAsync(phone, "answer-375");
        await ViewShotAsync(phone, "answer-375-top");
        (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);

        var offerTopic = await phone.Locator("form.topic-card:has(input[name=offer]:not(:checked))").First.GetAttributeAsync("data-topic");
        var offerCard = phone.Locator($"form.topic-card[data-topic='{offerTopic}']");
        await offerCard.GetByText("Могу быть наставником").ClickAsync();
        await offerCard.Locator("label.choice", new() { HasText = "уверенно применяю" }).ClickAsync();
        await offerCard.GetByLabel("Ваш опыт в одной строке").FillAsync("Веду школьный кружок, провожу открытые уроки");
        await offerCard.Locator(".save-state", new() { HasText = "Сохранено" }).WaitForAsync();
        (await offerCard.BoundingBoxAsync())!.Width.ShouldBeLessThanOrEqualTo(375);

        var needTopic = await phone.Locator("form.topic-card:has(input[name=need]:not(:checked))").Last.GetAttributeAsync("data-topic");
        var needCard = phone.Locator($"form.topic-card[data-topic='{needTopic}']");
        await needCard.GetByText("Нужна помощь").ClickAsync();
        await needCard.Locator("label.choice", new() { HasText = "срочно" }).ClickAsync();
        await needCard.Locator(".save-state", new() { HasText = "Сохранено" }).WaitForAsync();
        await app.ShotAsync(phone, "answer-375-filled");
        await offerCard.ScrollIntoViewIfNeededAsync();
        await ViewShotAsync(phone, "answer-375-card");
        (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        // The comment is typed and the sheet sent straight away, before the delayed save: the comment must not be lost.
        await needCard.GetByLabel("Что именно вызывает затруднение").FillAsync("Не знаю, с чего начать");

        await phone.Locator("[data-testid=submit]").ClickAsync();
        await phone.Locator(".alert-success").WaitForAsync();
        (await phone.Locator("[data-testid=sheet-state]").InnerTextAsync()).ShouldContain("анкета отправлена");
        (await phone.Locator(".alert-success").InnerTextAsync()).ShouldContain("Ваши ответы отправлены");
        // What was saved comes back on a fresh load.
        (await phone.Locator($"#o-{offerTopic}").IsCheckedAsync()).ShouldBeTrue();
        (await phone.Locator($"#c-{needTopic}").InputValueAsync()).ShouldBe("Не знаю, с чего начать");
        await app.ShotAsync(phone, "answer-375-done");
        await ViewShotAsync(phone, "answer-375-done-top");

        var wide = await app.NewPageAsync();
        await app.LoginAsync(wide, "teacher", "teacher2026");
        await wide.GotoAsync("/Diagnostics/Answer");
        await app.ShotAsync(wide, "answer-1440");
        await ViewShotAsync(wide, "answer-1440-top");

        var curatorPhone = await app.NewPageAsync(375, 800);
        await app.LoginAsync(curatorPhone, "curator", "curator2026");
        await curatorPhone.GotoAsync("/Diagnostics?show=answered");
        (await curatorPhone.Locator("[data-testid=answers-table]").InnerTextAsync()).ShouldContain("ответил(а)");
        await app.ShotAsync(curatorPhone, "diagnostics-375");
        await ViewShotAsync(curatorPhone, "diagnostics-375-top");
        await curatorPhone.GotoAsync("/Diagnostics");
        (await curatorPhone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        app.ExternalRequests.ShouldBeEmpty();
    }

    /// <summary>What the user sees on the screen (the full-page shots of long lists are too tall to read).</summary>
    private Task ViewShotAsync(IPage page, string name) => page.ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotDir, name + ".png") });

    /// <summary>There is no program page in this branch yet: the test puts an active program into the app's own SQLite file.</summary>
    private async Task AddProgramAsync()
    {
        await using var conn = new TestDatabase(Path.Combine(app.DataDirectory, "data", "nastavnik.db"));
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = """
            INSERT INTO "Programs" ("SchoolId", "Name", "StartDate", "EndDate", "Forms", "Status", "Version", "CreatedAt")
            SELECT "Id", 'Программа наставничества 2026/2027', '2026-09-01', '2027-06-30', 1, 'Active', 0, '2026-09-01 00:00:00'
            FROM "Organizations" WHERE "IsDemo" = 1 AND "Kind" = 'School' LIMIT 1
            """;
        (await cmd.ExecuteNonQueryAsync()).ShouldBe(1);
    }
}
