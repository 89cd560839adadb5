namespace Nastavnik.BrowserTests;

/// <summary>
/// The curator reads an anonymous SWOT survey's results (bars, shuffled texts, the .xlsx) and, on the program's SWOT page, turns an
/// answer into an item, corrects its count and sees the four quadrants, two by two on a desktop and one column on a phone.
/// </summary>
[Collection("browser")]
public sealed class SurveyResultsFlowTests(AppServer app)
{
    private const string Title = "SWOT-анкета программы (проверка итогов)";

    [Fact]
    public async Task The_curator_reads_the_results_downloads_them_and_gathers_the_swot()
    {
        var (surveyId, programId) = Arrange(app.DatabasePath);
        try
        {
            var curator = await app.NewPageAsync();
            await app.LoginAsync(curator, "curator", "curator2026");
            await curator.GotoAsync($"/Surveys/{surveyId}/Results");
            await Expect(curator.Locator("[data-testid=result-mean]")).ToHaveTextAsync("3,6");
            await Expect(curator.Locator("[data-testid=result-text]")).ToHaveCountAsync(10);
            await app.ShotAsync(curator, "survey-results-1440");
            var download = await curator.RunAndWaitForDownloadAsync(() => curator.Locator("[data-testid=results-export]").ClickAsync());
            download.SuggestedFilename.ShouldStartWith("Итоги анкеты");
            download.SuggestedFilename.ShouldEndWith(".xlsx");

            await curator.Locator("text=SWOT-анализ программы").ClickAsync();
            var strengths = curator.Locator("[data-testid=swot-source-Strength]");
            await Expect(strengths.Locator("[data-testid=swot-source-text]")).ToHaveCountAsync(5);
            await strengths.Locator("li", new() { HasText = "Сильные наставники" }).GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "В пункт" }).ClickAsync();
            var quadrant = curator.Locator("[data-testid=swot-quadrant-Strength]");
            await Expect(quadrant.Locator("[data-testid=swot-item-text]")).ToHaveTextAsync("Сильные наставники");
            await quadrant.Locator("summary", new() { HasText = "Изменить" }).ClickAsync();
            await quadrant.GetByLabel("Ответов").First.FillAsync("3");
            await quadrant.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
            await Expect(quadrant.Locator("[data-testid=swot-total]")).ToHaveTextAsync("3");
            var threats = curator.Locator("[data-testid=swot-quadrant-Threat]");
            await threats.GetByPlaceholder("Новый пункт").FillAsync("Нехватка времени у наставников");
            await threats.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Добавить" }).ClickAsync();
            await Expect(threats.Locator("[data-testid=swot-item-count]")).ToHaveTextAsync("1");
            var boxes = await curator.EvaluateAsync<double[]>("() => ['Strength','Weakness'].map(q => document.querySelector(`[data-testid=swot-quadrant-${q}]`).getBoundingClientRect().top)");
            boxes[0].ShouldBe(boxes[1], "strengths and weaknesses side by side at 1440 px");
            await app.ShotAsync(curator, "swot-1440");

            var phone = await app.NewPageAsync(375, 800);
            await app.LoginAsync(phone, "curator", "curator2026");
            await phone.GotoAsync($"/Monitoring/{programId}/Swot");
            await phone.Locator("[data-testid=swot-quadrant-Threat] [data-testid=swot-item]").WaitForAsync();
            var tops = await phone.EvaluateAsync<double[]>("() => ['Strength','Weakness'].map(q => document.querySelector(`[data-testid=swot-quadrant-${q}]`).getBoundingClientRect().top)");
            tops[1].ShouldBeGreaterThan(tops[0], "one column on a phone");
            (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scroll at 375 px");
            await app.ShotAsync(phone, "swot-375");
            await phone.GotoAsync($"/Surveys/{surveyId}/Results");
            await phone.Locator("[data-testid=result-question]").First.WaitForAsync();
            (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scroll at 375 px");
            await app.ShotAsync(phone, "survey-results-375");
        }
        finally
        {
            Remove(app.DatabasePath, surveyId, programId);
        }
    }

    /// <summary>An anonymous SWOT survey of the demo program with five answers, written as the answering form would store them.</summary>
    private static (long SurveyId, long ProgramId) Arrange(string path)
    {
        using var db = new TestDatabase(path);
        db.Open();
        using var tx = db.BeginTransaction();
        long Scalar(string sql, params (string, object)[] p)
        {
            using var c = db.CreateCommand();
            c.Transaction = tx;
            c.CommandText = sql;
            foreach (var (n, v) in p) c.Parameters.AddWithValue(n, v);
            return Convert.ToInt64(c.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        var programId = Scalar("""SELECT p."Id" FROM "Programs" p JOIN "Organizations" o ON o."Id" = p."SchoolId" AND o."IsDemo" = 1 ORDER BY p."Id" LIMIT 1""");
        var school = Scalar("""SELECT "SchoolId" FROM "Programs" WHERE "Id" = @p""", ("@p", programId));
        var surveyId = Scalar("""
            INSERT INTO "Surveys" ("SchoolId", "ProgramId", "Title", "Kind", "Anonymous", "Audience", "Status", "CreatedAt", "CreatedBy", "Version")
            VALUES (@s, @p, @t, 'Swot', 1, 'AllStaff', 'Sent', '2026-11-01 09:00:00', 'curator', 1) RETURNING "Id"
            """, ("@s", school), ("@p", programId), ("@t", Title));
        long Question(int order, string type, string text, string measure) => Scalar("""
            INSERT INTO "SurveyQuestions" ("SchoolId", "SurveyId", "SortOrder", "Type", "Text", "Required", "Measure") VALUES (@s, @v, @o, @ty, @tx, 0, @m) RETURNING "Id"
            """, ("@s", school), ("@v", surveyId), ("@o", order), ("@ty", type), ("@tx", text), ("@m", measure));
        var scale = Question(1, "Scale5", "Как вы оцениваете программу в целом?", "None");
        var strong = Question(2, "LongText", "Сильные стороны наставничества в школе", "Strengths");
        var threat = Question(3, "LongText", "Что может помешать?", "Threats");
        Scalar("""INSERT INTO "SurveyRecipients" ("SchoolId", "SurveyId", "PersonId", "Answered") SELECT "SchoolId", @v, "Id", 0 FROM "People" WHERE "SchoolId" = @s AND "IsArchived" = 0 ORDER BY "Id" LIMIT 8; SELECT 0""",
            ("@s", school), ("@v", surveyId));
        string[] strengths = ["Сильные наставники", "Открытые уроки каждую четверть", "Поддержка администрации", "Методическое объединение работает", "Молодые учителя хотят учиться"];
        string[] threats = ["Перегрузка учителей", "Уход молодых специалистов", "Мало времени на встречи", "Отчётность", "Замены уроков"];
        int[] scales = [5, 4, 4, 3, 2];
        for (var i = 0; i < 5; i++)
        {
            var response = Guid.NewGuid().ToString().ToUpperInvariant();
            Scalar("""INSERT INTO "SurveyResponses" ("Id", "SchoolId", "SurveyId", "PersonId", "Day") VALUES (@id, @s, @v, NULL, '2026-11-20'); SELECT 0""",
                ("@id", response), ("@s", school), ("@v", surveyId));
            foreach (var (q, n, t) in new[] { (scale, (object)scales[i], (object)DBNull.Value), (strong, DBNull.Value, strengths[i]), (threat, DBNull.Value, threats[i]) })
                Scalar("""INSERT INTO "SurveyAnswers" ("Id", "SchoolId", "ResponseId", "QuestionId", "Number", "Text") VALUES (@id, @s, @r, @q, @n, @t); SELECT 0""",
                    ("@id", Guid.NewGuid().ToString().ToUpperInvariant()), ("@s", school), ("@r", response), ("@q", q), ("@n", n), ("@t", t));
        }
        Scalar("""UPDATE "SurveyRecipients" SET "Answered" = 1 WHERE "SurveyId" = @v AND "Id" IN (SELECT "Id" FROM "SurveyRecipients" WHERE "SurveyId" = @v ORDER BY "Id" LIMIT 5); SELECT 0""", ("@v", surveyId));
        tx.Commit();
        return (surveyId, programId);
    }

    /// <summary>Removes the flow's survey (its questions, recipients and answers go with it) and the SWOT items it made.</summary>
    private static void Remove(string path, long surveyId, long programId)
    {
        using var db = new TestDatabase(path);
        db.Open();
        using var c = db.CreateCommand();
        c.CommandText = """
            DELETE FROM "SurveyAnswers" WHERE "ResponseId" IN (SELECT "Id" FROM "SurveyResponses" WHERE "SurveyId" = @v);
            DELETE FROM "SurveyResponses" WHERE "SurveyId" = @v;
            DELETE FROM "SurveyRecipients" WHERE "SurveyId" = @v;
            DELETE FROM "SurveyQuestions" WHERE "SurveyId" = @v;
            DELETE FROM "Surveys" WHERE "Id" = @v;
            DELETE FROM "SwotItems" WHERE "ProgramId" = @p AND "Text" IN ('Сильные наставники', 'Нехватка времени у наставников');
            """;
        c.Parameters.AddWithValue("@v", surveyId);
        c.Parameters.AddWithValue("@p", programId);
        c.ExecuteNonQuery();
    }
}
