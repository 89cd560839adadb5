using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Surveys;

namespace Nastavnik.Tests.Surveys;

/// <summary>
/// The lists of surveys over HTTP on both databases: a teacher's waiting surveys through /api/v1/surveys/mine (each with its questions in
/// the curator's order, read in a fixed number of queries), and the managers' «Опросы», where every sent or closed survey and pulse links
/// to its results.
/// </summary>
public abstract class SurveyListTests(AppFixture app)
{
    [Fact]
    public async Task A_teacher_with_three_waiting_surveys_gets_all_three_with_their_questions_in_order()
    {
        var w = await SurveyWorld.BuildAsync(app);
        var titles = new[] { "Опрос о методической неделе", "Опрос о наставничестве", "Опрос о семинаре" };
        var expected = new Dictionary<string, string[]>();
        foreach (var title in titles)
        {
            var survey = await w.DraftAsync(SurveyAudience.Mentors, anonymous: title != titles[1], title: title);
            var texts = survey.Questions.OrderBy(x => x.SortOrder).Select(x => x.Text).ToList();
            if (title == titles[1])
            {
                // The last question moved to the top: the order is the curator's, not the order of creation.
                await using var curator = SignedInScope.Curator(w.School);
                survey = (await curator.Get<SurveyCommands>().MoveQuestionAsync(survey.Id, survey.Version,
                    survey.Questions.OrderBy(x => x.SortOrder).Last().Id, up: true, default)).Value!;
                survey = (await curator.Get<SurveyCommands>().MoveQuestionAsync(survey.Id, survey.Version,
                    survey.Questions.OrderBy(x => x.SortOrder).Skip(1).First().Id, up: true, default)).Value!;
                texts = [texts[2], texts[0], texts[1]];
            }
            await w.SendAsync(survey);
            expected[title] = [.. texts];
        }

        var teacher = await w.School.TeacherAsync(0);
        var mine = await teacher.GetFromJsonAsync<JsonElement>("/api/v1/surveys/mine");
        mine.EnumerateArray().Select(s => s.GetProperty("title").GetString()).ShouldBe(titles.Reverse(), "the same deadline: the newest first");
        foreach (var s in mine.EnumerateArray())
        {
            var questions = s.GetProperty("questions").EnumerateArray().ToList();
            questions.Select(q => q.GetProperty("text").GetString()).ShouldBe(expected[s.GetProperty("title").GetString()!]);
            questions.Select(q => q.GetProperty("number").GetInt32()).ShouldBe([1, 2, 3]);
        }
        mine[1].GetProperty("anonymous").GetBoolean().ShouldBeFalse();
        mine[1].GetProperty("questions")[2].GetProperty("options").EnumerateArray().Select(o => o.GetString())
            .ShouldBe(["Открытые уроки", "Мастер-классы", "Семинар"]);
    }

    [Fact]
    public async Task The_curators_list_links_every_sent_or_closed_survey_and_pulse_to_its_results()
    {
        var w = await SurveyWorld.BuildAsync(app);
        var anonymous = await w.DraftAsync(SurveyAudience.Mentors, anonymous: true, title: "Анонимный опрос");
        await w.SendAsync(anonymous);
        var closed = await w.DraftAsync(SurveyAudience.Mentors, title: "Закрытый опрос");
        await w.SendAsync(closed);
        await using (var scope = SignedInScope.Curator(w.School))
        {
            var version = await app.WithDb(db => db.Surveys.IgnoreQueryFilters().Where(s => s.Id == closed.Id).Select(s => s.Version).SingleAsync());
            (await scope.Get<SurveyCommands>().CloseAsync(closed.Id, version, default)).Error.ShouldBeNull();
        }
        await w.DraftAsync(SurveyAudience.Mentors, title: "Черновик");
        var pulse = await w.DraftAsync(SurveyAudience.Mentors, title: "Анкета-пульс пары №1");
        await w.SendAsync(pulse);
        await app.WithDb(db => db.Surveys.IgnoreQueryFilters().Where(s => s.Id == pulse.Id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Kind, SurveyKind.Pulse).SetProperty(x => x.PairId, w.ActivePair).SetProperty(x => x.PulseNumber, 1)));

        var curator = await w.School.CuratorAsync();
        var list = Html.Parse(await curator.GetStringAsync("/Surveys"));
        string? ResultsLink(string title) => list.QuerySelectorAll("[data-testid=survey]").Single(li => li.TextContent.Contains(title))
            .QuerySelector("[data-testid=survey-results]")?.GetAttribute("href");
        ResultsLink("Анонимный опрос").ShouldBe($"/Surveys/{anonymous.Id}/Results");
        ResultsLink("Закрытый опрос").ShouldBe($"/Surveys/{closed.Id}/Results");
        ResultsLink("Черновик").ShouldBeNull("a draft has no results yet");
        var pulseRow = list.QuerySelector("[data-testid=latest-pulses] [data-testid=pulse]")!;
        pulseRow.TextContent.ShouldContain("Анкета-пульс пары №1: " + w.School.Teachers[0].FullName + " → " + w.School.Teachers[1].FullName);
        pulseRow.QuerySelector("[data-testid=survey-results]")!.GetAttribute("href").ShouldBe($"/Surveys/{pulse.Id}/Results");
        foreach (var id in new[] { anonymous.Id, closed.Id, pulse.Id })
            Html.Parse(await curator.GetStringAsync($"/Surveys/{id}/Results")).QuerySelector("h1").ShouldNotBeNull();
    }
}

[Collection("sqlite")] public sealed class SurveyListTests_Sqlite(SqliteApp app) : SurveyListTests(app);
[Collection("postgres")] public sealed class SurveyListTests_Postgres(PostgresApp app) : SurveyListTests(app);
