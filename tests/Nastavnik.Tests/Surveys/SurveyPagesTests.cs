using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;

namespace Nastavnik.Tests.Surveys;

/// <summary>
/// The survey pages and the answering API through HTTP: the curator creates a survey from a template and sees it; a teacher sees the
/// survey waiting on the home page, answers it on /Surveys/{id}/Answer (told that it is anonymous) and finds it answered in «Опросы»;
/// another answers through /api/v1/surveys, once.
/// </summary>
[Collection("sqlite")]
public sealed class SurveyPagesTests(SqliteApp app)
{
    [Fact]
    public async Task A_teacher_answers_on_the_answer_page_and_sees_it_answered_in_their_list()
    {
        var w = await SurveyWorld.BuildAsync(app);
        var survey = await w.DraftAsync(SurveyAudience.Mentors, anonymous: true);
        await w.SendAsync(survey);
        var q = survey.Questions.OrderBy(x => x.SortOrder).ToList();
        var link = $"/Surveys/{survey.Id}/Answer";

        var teacher = await w.School.TeacherAsync(0);
        var home = Html.Parse(await teacher.GetStringAsync("/"));
        home.QuerySelector($"[data-testid=cabinet-waiting] a[href='{link}']")!.TextContent.ShouldStartWith("Опрос «Опрос о методической неделе»: ответьте до ");
        var page = Html.Parse(await teacher.GetStringAsync(link));
        page.QuerySelector("[data-testid=anonymity]")!.TextContent.ShouldContain("Анонимный опрос: ответы не связываются с вашим именем");
        page.QuerySelectorAll($"input[type=radio][name=q{q[0].Id}]").Length.ShouldBe(5);
        page.QuerySelectorAll($"input[type=checkbox][name=q{q[1].Id}]").Length.ShouldBe(3);

        var refused = await PostAsync(teacher, link, [($"q{q[2].Id}", "Без оценки")]);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = Html.Parse(await refused.Content.ReadAsStringAsync());
        again.QuerySelector("[data-testid=error]")!.TextContent.ShouldContain("Вопрос 1 «Насколько полезной была неделя?»: это обязательный вопрос, ответьте на него.");
        again.QuerySelector($"textarea[name=q{q[2].Id}]")!.TextContent.ShouldBe("Без оценки", "what was written stays");

        var sent = await PostAsync(teacher, link, [($"q{q[0].Id}", "5"), ($"q{q[1].Id}", "0"), ($"q{q[1].Id}", "2"), ($"q{q[2].Id}", "Больше открытых уроков")]);
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        sent.Headers.Location!.ToString().ShouldBe("/Surveys");
        var list = Html.Parse(await teacher.GetStringAsync("/Surveys"));
        var item = list.QuerySelector("[data-testid=my-survey]")!;
        item.TextContent.ShouldContain("Опрос о методической неделе");
        item.QuerySelector("[data-testid=survey-state]")!.TextContent.ShouldBe("вы ответили");
        Html.Parse(await teacher.GetStringAsync(link)).QuerySelector("[data-testid=answered]").ShouldNotBeNull();
        Html.Parse(await teacher.GetStringAsync("/")).QuerySelector($"[data-testid=cabinet-waiting] a[href='{link}']").ShouldBeNull();

        // The other mentor answers through the API, once; the curator's list counts both.
        var other = await w.School.TeacherAsync(2);
        var mine = await other.GetFromJsonAsync<JsonElement>("/api/v1/surveys/mine");
        mine.GetArrayLength().ShouldBe(1);
        mine[0].GetProperty("questions").GetArrayLength().ShouldBe(3);
        var body = new { answers = new object[] { new { questionId = q[0].Id, number = 4 }, new { questionId = q[1].Id, numbers = new[] { 1 } } } };
        (await other.PostAsJsonAsync($"/api/v1/surveys/{survey.Id}/answers", body)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var twice = await other.PostAsJsonAsync($"/api/v1/surveys/{survey.Id}/answers", body);
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await twice.Content.ReadAsStringAsync()).ShouldContain("Вы уже ответили на этот опрос.");
        (await other.GetFromJsonAsync<JsonElement>("/api/v1/surveys/mine")).GetArrayLength().ShouldBe(0);

        var curator = await w.School.CuratorAsync();
        var rows = Html.Parse(await curator.GetStringAsync("/Surveys"));
        rows.QuerySelector("[data-testid=response-rate]")!.TextContent.ShouldBe("ответили 2 из 2 (100 %)");
    }

    [Fact]
    public async Task The_curator_creates_a_survey_from_a_template_and_a_teacher_cannot_open_it()
    {
        var w = await SurveyWorld.BuildAsync(app);
        var curator = await w.School.CuratorAsync();
        var created = await curator.PostFormAsync("/Surveys/New", "/Surveys/New", new()
        {
            ["Input.Kind"] = "Swot", ["Input.ProgramId"] = w.ProgramId.ToString(CultureInfo.InvariantCulture), ["Input.Title"] = "",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var link = created.Headers.Location!.ToString();
        var page = Html.Parse(await curator.GetStringAsync(link));
        page.QuerySelector("h1")!.TextContent.ShouldBe("Анкета для SWOT-анализа программы");
        page.QuerySelectorAll("[data-testid=question]").Length.ShouldBe(5);
        page.QuerySelector("[data-testid=survey-status]")!.TextContent.ShouldBe("черновик");

        var send = await curator.PostFormAsync(link, link + "?handler=Send", new() { ["version"] = page.QuerySelector("[data-testid=send-form] input[name=version]")!.GetAttribute("value")! });
        send.StatusCode.ShouldBe(HttpStatusCode.OK);
        Html.Parse(await send.Content.ReadAsStringAsync()).QuerySelector("[data-testid=error]")!.TextContent.ShouldContain("Укажите срок ответа.");

        var teacher = await w.School.TeacherAsync(0);
        (await teacher.GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the editor is the curator's (access denied)");
        (await teacher.GetAsync(link + "/Answer")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a draft is not sent to anyone");
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, (string Name, string Value)[] fields)
    {
        var token = Html.Token(await client.GetStringAsync(url));
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }
}
