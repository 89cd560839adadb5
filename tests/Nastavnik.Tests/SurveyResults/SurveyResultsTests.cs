using System.IO.Compression;
using System.Net;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Surveys;
using Results = Nastavnik.Web.Features.Surveys.SurveyResults;

namespace Nastavnik.Tests.SurveyResults;

/// <summary>The curator's results of a survey: each question's aggregate, the page with its bars, a named survey's answers per person, the .xlsx.</summary>
[Collection("sqlite")]
public sealed class SurveyResultsTests(SqliteApp app)
{
    internal static async Task<SurveyData> FiveAnswersAsync(TestSchool school, bool anonymous)
    {
        var survey = await SurveyData.CreateAsync(school, anonymous);
        await survey.AnswerAsync(0, 5, 0, [0, 1], "Больше открытых уроков", 3);
        await survey.AnswerAsync(1, 4, 0, [0], "Встречаться чаще", 4);
        await survey.AnswerAsync(2, 4, 1, [2], "Меньше бумаг", 5);
        await survey.AnswerAsync(3, 3, 2, [0, 2], "Свободное время для встреч", 2);
        await survey.AnswerAsync(4, 2, 0, [], "Наставник из своей параллели", 1);
        return survey;
    }

    [Fact]
    public async Task Each_question_is_aggregated_as_the_curator_counts_it_by_hand()
    {
        var school = await app.NewSchoolAsync(teachers: 6);
        var survey = await FiveAnswersAsync(school, anonymous: true);
        SurveyResultsReport report;
        await using (var s = SignedInScope.Curator(school))
            report = (await Results.ForSurveyAsync(s.Get<AppDbContext>(), survey.SurveyId, default))!;

        (report.Survey.Recipients, report.Survey.Answered, report.Responses, report.Hidden).ShouldBe((6, 5, 5, false));
        report.Survey.ResponseRate.ShouldBe(0.8333m);
        var scale = report.Questions[0];
        (scale.Answered, scale.Mean, scale.SatisfiedFrom, scale.SatisfiedShare).ShouldBe((5, 3.6m, 4, 0.6m));
        scale.Bars.Select(b => (b.Label, b.Count)).ShouldBe([("1", 0), ("2", 1), ("3", 1), ("4", 2), ("5", 1)]);
        report.Questions[1].Bars.Select(b => (b.Label, b.Count)).ShouldBe([("Раз в неделю", 3), ("Раз в месяц", 1), ("Реже", 1)]);
        var multiple = report.Questions[2];
        multiple.Answered.ShouldBe(4);
        multiple.Bars.Select(b => (b.Label, b.Count, b.Share)).ShouldBe([("Встречи", 3, 0.75m), ("Посещение уроков", 1, 0.25m), ("Материалы", 2, 0.5m)]);
        report.Questions[3].Texts.ShouldBe(["Больше открытых уроков", "Встречаться чаще", "Меньше бумаг", "Свободное время для встреч", "Наставник из своей параллели"], ignoreOrder: true);
        var topic = report.Questions[4];
        (topic.Mean, topic.Topic).ShouldBe((3m, await app.WithDb(db => Task.FromResult(db.Topics.Where(t => t.SchoolId == school.Id).OrderBy(t => t.Id).First().Name))));
        report.People.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_page_shows_the_rate_the_bars_and_for_a_named_survey_who_answered_what()
    {
        var school = await app.NewSchoolAsync(teachers: 6);
        var survey = await FiveAnswersAsync(school, anonymous: false);
        var curator = await school.CuratorAsync();
        var doc = Html.Parse(await curator.GetStringAsync($"/Surveys/{survey.SurveyId}/Results"));
        doc.QuerySelector("[data-testid=results-rate]")!.TextContent.ShouldBe("83,3 %");
        doc.QuerySelector("[data-testid=result-mean]")!.TextContent.ShouldBe("3,6");
        doc.QuerySelector("[data-testid=result-satisfied]")!.TextContent.ShouldBe("60 %");
        doc.QuerySelectorAll("[data-testid=result-bar]").Length.ShouldBe(5 + 3 + 3 + 5);
        var rows = doc.QuerySelectorAll("[data-testid=results-people] tbody tr");
        rows.Length.ShouldBe(5);
        var elkina = rows.Single(r => r.TextContent.Contains(school.Teachers[0].FullName, StringComparison.Ordinal));
        elkina.TextContent.ShouldContain("Встречи; Посещение уроков");
        elkina.TextContent.ShouldContain("Больше открытых уроков");
        elkina.TextContent.ShouldContain("10.05.2027");

        var export = await curator.GetAsync($"/Surveys/{survey.SurveyId}/Results?handler=Export");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var xlsx = XlsxText(await export.Content.ReadAsByteArrayAsync());
        xlsx.ShouldContain("Насколько вы довольны наставничеством?");
        xlsx.ShouldContain("Раз в неделю");
        xlsx.ShouldContain(school.Teachers[0].FullName);
        xlsx.ShouldContain("Больше открытых уроков");
        (await app.WithDb(db => Task.FromResult(db.AuditEntries.Count(a => a.SchoolId == school.Id && a.EntityType == "Export"
            && a.Changes.Contains($"/Surveys/{survey.SurveyId}/Results"))))).ShouldBe(1);
    }

    /// <summary>Every text of every sheet of an .xlsx (the writers put strings inline), to look for what must or must not be there.</summary>
    internal static string XlsxText(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes));
        return string.Join("\n", zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => { using var r = new StreamReader(e.Open()); return r.ReadToEnd(); }));
    }
}
