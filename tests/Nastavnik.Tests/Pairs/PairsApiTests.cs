using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Tests.Matching;
using Nastavnik.Web.Features.Matching;
using Nastavnik.Web.Features.Pairs;
using Nastavnik.Web.Files;

namespace Nastavnik.Tests.Pairs;

/// <summary>/api/v1/pairs: the same commands and rules as the pages, If-Match on versioned writes, downloads in the audit trail.</summary>
[Collection("sqlite")]
public sealed class PairsApiTests(SqliteApp app)
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static HttpRequestMessage Request(HttpMethod method, string url, string? etag = null, object? body = null)
    {
        var r = new HttpRequestMessage(method, url);
        if (etag is not null) r.Headers.TryAddWithoutValidation("If-Match", etag);
        if (body is not null) r.Content = JsonContent.Create(body);
        return r;
    }

    [Fact]
    public async Task The_curator_lists_starts_and_ends_a_pair_and_the_pair_keeps_its_agreement_with_If_Match()
    {
        var c = await MatchingCase.SeedAsync(app);
        await using (var s = SignedInScope.Curator(c.School))
        {
            var w = s.Get<MatchingWorkflow>();
            await w.ApproveAsync(c.ProgramId, (await w.RunAsync(c.ProgramId, false, c.School.Curator)).Value!.Id, false, c.School.Curator);
        }
        var curator = await c.School.CuratorAsync();
        var list = (await curator.GetFromJsonAsync<List<PairsApi.PairDto>>($"/api/v1/pairs?programId={c.ProgramId}&status=Approved", Json))!;
        list.Count.ShouldBe(5);
        var pair = list.Single(p => p.MentorId == c.P(0));
        (await curator.SendAsync(Request(HttpMethod.Post, $"/api/v1/pairs/{pair.Id}/start", "\"99\""))).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await curator.SendAsync(Request(HttpMethod.Post, $"/api/v1/pairs/{pair.Id}/start", $"\"{pair.Version}\""))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var end = await curator.SendAsync(Request(HttpMethod.Post, $"/api/v1/pairs/{pair.Id}/end", body: new { reason = "NeedMet" }));
        end.StatusCode.ShouldBe(HttpStatusCode.OK);
        var history = (await curator.GetFromJsonAsync<List<PairsApi.ChangeDto>>($"/api/v1/pairs/{pair.Id}/history", Json))!;
        history.Select(h => h.What).ShouldBe(["пара утверждена", "работает", "завершена досрочно: дефицит преодолён"]);
        (await curator.GetFromJsonAsync<List<PairsApi.PairDto>>($"/api/v1/pairs?programId={c.ProgramId}&status=EndedEarly", Json))!.Single().Id.ShouldBe(pair.Id);

        var refused = await curator.PostAsJsonAsync("/api/v1/pairs", new { programId = c.ProgramId, menteeId = c.P(3), topicId = c.Topics["MET-02"], mentorId = c.P(0) });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Пару создать нельзя.");

        // The reverse pair T1 → T0: the mentor makes the agreement, edits it with If-Match, the mentee accepts.
        var other = list.Single(p => p.MentorId == c.P(1) && p.MenteeId == c.P(0));
        var mentor = await c.School.TeacherAsync(1);
        var made = await mentor.PostAsync($"/api/v1/pairs/{other.Id}/agreement", null);
        made.StatusCode.ShouldBe(HttpStatusCode.OK);
        var agreement = (await made.Content.ReadFromJsonAsync<PairsApi.AgreementDto>(Json))!;
        var input = new AgreementInput
        {
            Number = "7-Н", ConcludedOn = agreement.ConcludedOn, ValidUntil = agreement.ValidUntil, Subject = agreement.Subject, Form = agreement.Form,
            MentorDuties = agreement.MentorDuties, MenteeDuties = agreement.MenteeDuties, MeetingTerms = agreement.MeetingTerms,
        };
        (await mentor.SendAsync(Request(HttpMethod.Put, $"/api/v1/pairs/{other.Id}/agreement", body: input))).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        var put = await mentor.SendAsync(Request(HttpMethod.Put, $"/api/v1/pairs/{other.Id}/agreement", made.Headers.ETag!.Tag, input));
        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await put.Content.ReadFromJsonAsync<PairsApi.AgreementDto>(Json))!.Number.ShouldBe("7-Н");
        var mentee = await c.School.TeacherAsync(0);
        var accepted = await mentee.SendAsync(Request(HttpMethod.Post, $"/api/v1/pairs/{other.Id}/agreement/accept", put.Headers.ETag!.Tag));
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await accepted.Content.ReadFromJsonAsync<PairsApi.AgreementDto>(Json))!.MenteeAcceptedBy.ShouldBe("Ёлкина А. С.");

        var order = await curator.GetAsync($"/api/v1/pairs/order.docx?programId={c.ProgramId}&number=3");
        order.StatusCode.ShouldBe(HttpStatusCode.OK);
        order.Content.Headers.ContentType!.MediaType.ShouldBe(DocxWriter.ContentType);
        var xlsx = await curator.GetAsync($"/api/v1/pairs/list.xlsx?programId={c.ProgramId}");
        TableFileReader.Read("list.xlsx", await xlsx.Content.ReadAsByteArrayAsync()).Rows.Count.ShouldBeGreaterThan(0);
        var audited = await app.WithDb(db => db.AuditEntries.Where(a => a.SchoolId == c.School.Id && a.EntityType == "Export").Select(a => a.Changes).ToListAsync());
        audited.ShouldContain(a => a.Contains("order.docx", StringComparison.Ordinal));
        audited.ShouldContain(a => a.Contains("list.xlsx", StringComparison.Ordinal));
        (await mentee.GetAsync($"/api/v1/pairs/order.docx?programId={c.ProgramId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
