using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;

namespace Nastavnik.Tests.Diagnostics;

/// <summary>A fresh school with an active program and a diagnostics round opened by its curator through /Diagnostics.</summary>
public sealed record RoundSchool(TestSchool School, int ProgramId, int RoundId, int[] TopicIds);

public static class SelfAssessmentSetup
{
    public static async Task<int> AddProgramAsync(TestSchool school) => (await school.OpenRoundAsync(withRound: false)).ProgramId;

    public static async Task<RoundSchool> SchoolWithOpenRoundAsync(this AppFixture app, int teachers = 4, int withoutConsent = 1)
    {
        var school = await app.NewSchoolAsync(teachers, withoutConsent);
        var programId = await AddProgramAsync(school);
        var curator = await school.CuratorAsync();
        var open = await curator.PostFormAsync("/Diagnostics", "/Diagnostics?handler=Open", new()
        {
            ["Title"] = "Самодиагностика педагогов, осень", ["Deadline"] = DateTime.Today.AddDays(10).ToString("dd.MM.yyyy"),
        });
        open.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var roundId = await app.WithDb(db => db.DiagnosticsRounds.IgnoreQueryFilters().Where(r => r.SchoolId == school.Id).Select(r => r.Id).SingleAsync());
        var topics = await app.WithDb(db => db.Topics.IgnoreQueryFilters().Where(t => t.SchoolId == school.Id && !t.IsRetired)
            .OrderBy(t => t.Direction!.SortOrder).ThenBy(t => t.SortOrder).Select(t => t.Id).ToArrayAsync());
        return new RoundSchool(school, programId, roundId, topics);
    }

    /// <summary>Saves one topic card as the form does with htmx (HX-Request), or as a plain form post without it.</summary>
    public static async Task<HttpResponseMessage> SaveTopicAsync(this HttpClient client, int topicId, int? level = null, string? experience = null,
        int? priority = null, string? comment = null, int? personId = null, bool htmx = true)
    {
        var page = personId is null ? "/Diagnostics/Answer" : $"/Diagnostics/Answer?personId={personId}";
        var html = await client.GetStringAsync("/Diagnostics/Answer");
        var fields = new Dictionary<string, string> { ["topicId"] = topicId.ToString(), ["__RequestVerificationToken"] = Token(html) };
        if (level is not null) { fields["offer"] = "true"; fields["level"] = level.ToString()!; fields["experience"] = experience ?? ""; }
        if (priority is not null) { fields["need"] = "true"; fields["priority"] = priority.ToString()!; fields["comment"] = comment ?? ""; }
        var request = new HttpRequestMessage(HttpMethod.Post, page.Contains('?') ? page + "&handler=Topic" : page + "?handler=Topic") { Content = new FormUrlEncodedContent(fields) };
        if (htmx) request.Headers.Add("HX-Request", "true");
        return await client.SendAsync(request);
    }

    /// <summary>The antiforgery token every page carries for htmx (the layout's hx-headers), so pages without a form work too.</summary>
    public static string Token(string html)
    {
        var m = System.Text.RegularExpressions.Regex.Match(html, "\"RequestVerificationToken\": \"([^\"]+)\"");
        m.Success.ShouldBeTrue("no antiforgery token on the page");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    public static Task<string> BodyAsync(this HttpResponseMessage response) => response.Content.ReadAsStringAsync().ContinueWith(t => WebUtility.HtmlDecode(t.Result));
}
