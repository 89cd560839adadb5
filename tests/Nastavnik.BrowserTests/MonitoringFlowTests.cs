using System.Globalization;
using Microsoft.Playwright;

namespace Nastavnik.BrowserTests;

/// <summary>
/// Issue 13's flow across its slices: the curator sends the exit survey to all teachers, three teachers answer it on phones, and the
/// program's dashboard shows the new satisfaction figure (checked against the answers counted in the database) beside last year's
/// frozen indicators, and draws the mentoring network; the A4 view prints to a PDF.
/// </summary>
[Collection("browser")]
public sealed class MonitoringFlowTests(AppServer app)
{
    [Fact]
    public async Task Three_teachers_answer_the_exit_survey_on_phones_and_the_dashboard_shows_the_new_satisfaction()
    {
        var programId = CurrentProgram();
        var curator = await app.NewPageAsync();
        await app.LoginAsync(curator, "curator", "curator2026");
        await curator.GotoAsync($"/Monitoring/{programId}");
        var satisfaction = curator.Locator("[data-testid=indicator-card][data-code=satisfaction] .indicator-value");
        var before = Percent(await satisfaction.InnerTextAsync());
        await Expect(curator.Locator("[data-testid=monitoring-comparison]")).ToBeVisibleAsync();

        await curator.GotoAsync("/Surveys/New");
        await curator.GetByLabel("Итоговая анкета участника программы").CheckAsync();
        await curator.Locator("select[name='Input.ProgramId']").SelectOptionAsync(programId.ToString(CultureInfo.InvariantCulture));
        await curator.Locator("[data-testid=create]").ClickAsync();
        await Expect(curator.Locator("h1")).ToHaveTextAsync("Итоговая анкета участника программы");
        await curator.GetByLabel("Срок ответа").FillAsync(DateTime.Now.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await curator.GetByLabel("Все педагоги").CheckAsync();
        await curator.Locator("[data-testid=save-settings]").ClickAsync();
        await Expect(curator.Locator(".alert-success")).ToHaveTextAsync("Настройки опроса сохранены.");
        await curator.Locator("[data-testid=send]").ClickAsync();
        await curator.Locator("dialog.confirm-dialog[open]").GetByRole(AriaRole.Button, new() { Name = "Разослать" }).ClickAsync();
        await Expect(curator.Locator("[data-testid=response-rate]")).ToContainTextAsync("Ответили 0 из ");
        var answerUrl = new Uri(curator.Url).AbsolutePath + "/Answer";

        foreach (var (login, password) in new[] { ("teacher", "teacher2026"), ("teacher2", "teacher2026"), ("psychologist", "psychologist2026") })
        {
            var phone = await app.NewPageAsync(375, 800);
            await app.LoginAsync(phone, login, password);
            await phone.GotoAsync(answerUrl);
            var questions = phone.Locator("[data-testid=question]");
            await questions.First.WaitForAsync();
            for (var i = 0; i < await questions.CountAsync(); i++)
            {
                var q = questions.Nth(i);
                var scale = q.Locator("label.survey-scale-item");
                if (await scale.CountAsync() > 0) await scale.Last.ClickAsync();
                else if (await q.Locator("input[type=radio]").CountAsync() > 0) await q.Locator("input[type=radio]").First.CheckAsync();
            }
            (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scroll at 375 px");
            if (login == "teacher") await app.ShotAsync(phone, "monitoring-exit-survey-375");
            await phone.Locator("[data-testid=submit]").ClickAsync();
            await Expect(phone.Locator(".alert-success")).ToContainTextAsync("Спасибо");
            await phone.Context.CloseAsync();
        }

        await curator.GotoAsync($"/Monitoring/{programId}");
        var expected = SatisfactionInDatabase(programId);
        await Expect(satisfaction).Not.ToHaveTextAsync(Format(before));
        var after = Percent(await satisfaction.InnerTextAsync());
        Math.Abs(after - expected).ShouldBeLessThanOrEqualTo(0.051m, $"the dashboard shows {after} %, the answers give {expected} %");
        after.ShouldBeGreaterThan(before);
        await app.ShotAsync(curator, "monitoring-dashboard-1440");

        // The network draws the program's pairs (cytoscape's canvas) and says how many it shows; the flow adds its own pair, as other
        // flows may have cleared the demo's.
        DemoPairs.AddTeacherMentoringTeacher2(app.DatabasePath, DateTime.UtcNow.AddDays(-40));
        await curator.GotoAsync($"/Monitoring/{programId}");
        await Expect(curator.Locator("#network-status")).ToContainTextAsync("Показано: педагогов — ");
        (await curator.Locator("#network-graph canvas").CountAsync()).ShouldBeGreaterThan(0);
        await app.ShotAsync(curator, "monitoring-network-1440");
        var phoneCurator = await app.NewPageAsync(375, 800);
        await app.LoginAsync(phoneCurator, "curator", "curator2026");
        await phoneCurator.GotoAsync($"/Monitoring/{programId}");
        await Expect(phoneCurator.Locator("#network-status")).ToContainTextAsync("Показано: педагогов — ");
        (await phoneCurator.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scroll at 375 px");
        await app.ShotAsync(phoneCurator, "monitoring-dashboard-375");

        // The A4 view for the pedagogical council, printed by Chromium.
        await curator.GotoAsync($"/Monitoring/{programId}/Print");
        await Expect(curator.Locator("[data-testid=print-indicator]").First).ToBeVisibleAsync();
        // The names beside the supply and demand chart and the comparison chart are whole and fit their axis: Chart.js clips wider ones.
        await curator.WaitForFunctionAsync("() => window.Chart && Chart.getChart('chart-balance')");
        var clipped = await curator.EvaluateAsync<string[]>("""
            () => ['chart-balance', 'chart-comparison'].map(id => Chart.getChart(id)).filter(c => c).flatMap(c => {
                const y = c.scales.y;
                c.ctx.save();
                c.ctx.font = Chart.helpers.toFont(y.options.ticks.font).string;
                const bad = y.ticks.map(t => [String(c.data.labels[t.value]), [].concat(t.label)])
                    .filter(([name, lines]) => lines.join(' ') !== name || Math.max(...lines.map(l => c.ctx.measureText(l).width)) > y.width)
                    .map(([name]) => name);
                c.ctx.restore();
                return y.ticks.length === c.data.labels.length ? bad : bad.concat([c.canvas.id + ': names skipped']);
            })
            """);
        clipped.ShouldBeEmpty("names cut short on the A4 view's charts");
        var pdfPath = Path.Combine(app.ScreenshotDir, "monitoring-print.pdf");
        var pdf = await curator.PdfAsync(new() { Format = "A4", Path = pdfPath, PrintBackground = true });
        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        pdf.Length.ShouldBeGreaterThan(10_000);
        await curator.EmulateMediaAsync(new() { Media = Media.Print });
        await app.ShotAsync(curator, "monitoring-print-emulated");
        app.ExternalRequests.ShouldBeEmpty();
    }

    private int CurrentProgram()
    {
        using var db = new TestDatabase(app.DatabasePath);
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = """SELECT "Id" FROM "Programs" WHERE "Status" = 'Active' ORDER BY "Id" LIMIT 1""";
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The share of satisfied answers counted by hand: answers at or above each satisfaction question's threshold, of all of them.</summary>
    private decimal SatisfactionInDatabase(int programId)
    {
        using var db = new TestDatabase(app.DatabasePath);
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = """
            SELECT SUM(CASE WHEN a."Number" >= COALESCE(q."SatisfiedFrom", 4) THEN 1 ELSE 0 END), COUNT(*)
            FROM "SurveyAnswers" a JOIN "SurveyQuestions" q ON q."Id" = a."QuestionId" JOIN "Surveys" s ON s."Id" = q."SurveyId"
            WHERE q."Measure" = 'Satisfaction' AND s."ProgramId" = $p AND a."Number" IS NOT NULL
            """;
        cmd.Parameters.AddWithValue("$p", programId);
        using var r = cmd.ExecuteReader();
        r.Read().ShouldBeTrue();
        return Math.Round(100m * r.GetInt64(0) / r.GetInt64(1), 1);
    }

    private static decimal Percent(string text) =>
        decimal.Parse(text.Replace("%", "", StringComparison.Ordinal).Replace('\u00A0', ' ').Replace(" ", "", StringComparison.Ordinal).Trim(), NumberStyles.Number, new CultureInfo("ru-RU"));

    private static string Format(decimal value) => value.ToString("#,0.#", new CultureInfo("ru-RU")) + " %";
}
