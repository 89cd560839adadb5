using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;

namespace Nastavnik.Tests.Security;

/// <summary>
/// A teacher's needs (deficits) are personal: visible to the teacher, the school's curator and administrator only. This walks
/// every page, export and endpoint that shows diagnostics, as everyone else, looking for a secret written in one teacher's need.
/// </summary>
public abstract class NeedsPrivacyTests(AppFixture app)
{
    private sealed record Setup(TestSchool School, int RoundId, int OwnerId, string Secret, string SecretTopic);

    private async Task<Setup> ArrangeAsync()
    {
        var school = await app.NewSchoolAsync(teachers: 3);
        var secret = "секрет-" + Guid.NewGuid().ToString("N")[..8];
        var owner = school.Teachers[1];
        var (programId, roundId) = await school.OpenRoundAsync();
        await app.WithDb(async db =>
        {
            var topics = await db.Topics.Where(t => t.SchoolId == school.Id).OrderBy(t => t.Code).ToListAsync();
            // The secret is the need's comment. The topic is catalog data everyone may see; its link to the owner is not.
            var lonely = new Topic { SchoolId = school.Id, DirectionId = topics[0].DirectionId, Code = "MET-99", Name = "Особая тема", SortOrder = 99 };
            db.Topics.Add(lonely);
            await db.SaveChangesAsync();
            db.Needs.Add(new Need { SchoolId = school.Id, RoundId = roundId, PersonId = owner.PersonId, TopicId = lonely.Id, Priority = 3, Comment = secret });
            db.Offers.Add(new Offer { SchoolId = school.Id, RoundId = roundId, PersonId = owner.PersonId, TopicId = topics[1].Id, Level = 2, Experience = "опыт" });
            db.Offers.Add(new Offer { SchoolId = school.Id, RoundId = roundId, PersonId = school.Teachers[0].PersonId, TopicId = topics[2].Id, Level = 3 });
            db.Needs.Add(new Need { SchoolId = school.Id, RoundId = roundId, PersonId = school.Teachers[0].PersonId, TopicId = topics[3].Id, Priority = 1, Comment = "свой дефицит" });
            db.RoundResponses.Add(new RoundResponse { SchoolId = school.Id, RoundId = roundId, PersonId = owner.PersonId, UpdatedBy = "test", SubmittedAt = DateTime.UtcNow });
            // The choice stage is open and the owner has ranked Teachers[2] for the secret need: a choice reveals the need too.
            db.Offers.Add(new Offer { SchoolId = school.Id, RoundId = roundId, PersonId = school.Teachers[2].PersonId, TopicId = lonely.Id, Level = 3 });
            db.ChoiceStages.Add(new ChoiceStage { SchoolId = school.Id, ProgramId = programId, RoundId = roundId, OpenedBy = "test", Deadline = new(2026, 12, 1) });
            db.Choices.Add(new Choice { SchoolId = school.Id, RoundId = roundId, MenteeId = owner.PersonId, TopicId = lonely.Id, MentorId = school.Teachers[2].PersonId, Rank = 1, UpdatedBy = "test" });
            return await db.SaveChangesAsync();
        });
        return new Setup(school, roundId, owner.PersonId, secret, "Особая тема");
    }

    private static string[] Urls(Setup s) =>
    [
        "/", "/Programs", "/Diagnostics", "/Diagnostics/Answer", $"/Diagnostics/Answer?personId={s.OwnerId}",
        "/Diagnostics/Map", "/Diagnostics/Map?handler=Export", "/Diagnostics/Bases", "/Diagnostics/Bases?tab=mentees",
        "/Diagnostics/Bases?handler=Export", "/Diagnostics/Bases?handler=Export&tab=mentees", "/Diagnostics/Import",
        $"/Portfolio?personId={s.OwnerId}", "/Supervisor?q=" + Uri.EscapeDataString("особая тема"), $"/Staff/Details/{s.OwnerId}",
        "/api/v1/needs", $"/api/v1/needs?personId={s.OwnerId}", $"/api/v1/needs?roundId={s.RoundId}",
        $"/api/v1/rounds/{s.RoundId}/answers/{s.OwnerId}", "/api/v1/offers", $"/api/v1/offers?personId={s.OwnerId}",
        "/api/v1/portfolio/search?q=" + Uri.EscapeDataString("особая тема"), $"/api/v1/portfolio/people/{s.OwnerId}",
        $"/api/v1/staff/{s.OwnerId}", "/Matching/Unserved", "/Matching/Unserved?handler=Export", "/Matching",
        "/Matching/ChoiceStage/Answer", $"/Matching/ChoiceStage/Answer?personId={s.OwnerId}", "/Matching/ChoiceStage", "/Matching/ChoiceStage?view=mentors",
    ];

    /// <summary>Pages that show needs of the whole school (names with their deficits): for curators and administrators only.</summary>
    private static string[] ManagerOnly(Setup s) =>
    [
        "/Diagnostics", "/Diagnostics/Map", "/Diagnostics/Map?handler=Export", "/Diagnostics/Bases?tab=mentees",
        "/Diagnostics/Bases?handler=Export&tab=mentees", "/Diagnostics/Import", $"/Diagnostics/Answer?personId={s.OwnerId}",
        "/Matching/Unserved", "/Matching/Unserved?handler=Export", "/Matching", "/Matching/ChoiceStage", $"/Matching/ChoiceStage/Answer?personId={s.OwnerId}",
    ];

    private static async Task AssertRefusedAsync(HttpClient client, Setup s, string who)
    {
        foreach (var url in ManagerOnly(s))
        {
            var response = await client.GetAsync(url);
            response.StatusCode.ShouldBeOneOf([HttpStatusCode.Forbidden, HttpStatusCode.Redirect], $"{who} at {url}");
            if (response.StatusCode == HttpStatusCode.Redirect) response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied", customMessage: $"{who} at {url}");
        }
    }

    /// <summary>The text of a response, with .xlsx and .docx files opened and read.</summary>
    private static async Task<string> TextOf(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K')
        {
            using var ms = new MemoryStream(bytes);
            var text = new StringBuilder();
            using var zip = new System.IO.Compression.ZipArchive(ms);
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(entry.Open());
                text.Append(await reader.ReadToEndAsync());
            }
            return WebUtility.HtmlDecode(text.ToString());
        }
        return WebUtility.HtmlDecode(Encoding.UTF8.GetString(bytes)).Replace("\\u0027", "'");
    }

    private async Task AssertNothingLeaksAsync(HttpClient client, Setup s, string who)
    {
        foreach (var url in Urls(s))
        {
            var response = await client.GetAsync(url);
            var text = await TextOf(response);
            text.ShouldNotContain(s.Secret, customMessage: $"{who} sees the secret need at {url} ({(int)response.StatusCode})");
        }
    }

    [Fact]
    public async Task Another_teacher_sees_no_trace_of_a_colleagues_need_in_any_page_export_or_endpoint()
    {
        var s = await ArrangeAsync();
        await AssertNothingLeaksAsync(await s.School.TeacherAsync(0), s, "another teacher");
        await AssertNothingLeaksAsync(await s.School.PsychologistAsync(), s, "the psychologist");
        await AssertNothingLeaksAsync(await s.School.TeacherAsync(2), s, "the mentor the owner chose (no pair yet)");
        await AssertRefusedAsync(await s.School.TeacherAsync(2), s, "the mentor the owner chose (no pair yet)");
        await AssertRefusedAsync(await s.School.TeacherAsync(0), s, "another teacher");
        await AssertRefusedAsync(await s.School.PsychologistAsync(), s, "the psychologist");
        // And crafted requests: writing the owner's answers or reading them directly.
        var teacher = await s.School.TeacherAsync(0);
        (await teacher.GetAsync($"/api/v1/rounds/{s.RoundId}/answers/{s.OwnerId}")).StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        var put = await teacher.PutAsync($"/api/v1/rounds/{s.RoundId}/answers/{s.OwnerId}", new StringContent("{\"offers\":[],\"needs\":[],\"submit\":false}", Encoding.UTF8, "application/json"));
        put.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        (await app.WithDb(db => db.Needs.IgnoreQueryFilters().CountAsync(n => n.PersonId == s.OwnerId))).ShouldBe(1);
        // The teacher's own need is theirs to see, and it is the only one they get.
        var own = await teacher.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/needs");
        own.EnumerateArray().Select(n => n.GetProperty("personId").GetInt32()).ShouldAllBe(id => id == s.School.Teachers[0].PersonId);
        own.GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Another_school_and_anonymous_visitors_see_no_trace_either()
    {
        var s = await ArrangeAsync();
        await AssertNothingLeaksAsync(await app.CuratorOfBAsync(), s, "the curator of another school");
        await AssertNothingLeaksAsync(await app.CuratorAsync(), s, "the curator of the demo school");
        await AssertNothingLeaksAsync(app.Anonymous(), s, "an anonymous visitor");
    }

    [Fact]
    public async Task The_owner_the_curator_and_the_administrator_do_see_it()
    {
        var s = await ArrangeAsync();
        var owner = await app.LoginAsync(s.School.Teachers[1].Login, TestSchool.Password);
        (await TextOf(await owner.GetAsync("/api/v1/needs"))).ShouldContain(s.Secret);
        (await TextOf(await owner.GetAsync("/Diagnostics/Answer"))).ShouldContain(s.Secret);
        (await TextOf(await owner.GetAsync("/Matching/ChoiceStage/Answer"))).ShouldContain(s.Secret);
        foreach (var manager in new[] { await s.School.CuratorAsync(), await s.School.AdminAsync() })
        {
            (await TextOf(await manager.GetAsync($"/api/v1/needs?personId={s.OwnerId}"))).ShouldContain(s.Secret);
            (await TextOf(await manager.GetAsync($"/Diagnostics/Answer?personId={s.OwnerId}"))).ShouldContain(s.Secret);
            var menteeBase = await TextOf(await manager.GetAsync("/Diagnostics/Bases?handler=Export&tab=mentees"));
            menteeBase.ShouldContain(s.SecretTopic);
            menteeBase.ShouldContain(s.School.Teachers[1].FullName);
            (await TextOf(await manager.GetAsync($"/Matching/ChoiceStage/Answer?personId={s.OwnerId}"))).ShouldContain(s.Secret);
        }
    }

    [Fact]
    public async Task A_mentor_in_an_approved_pair_sees_the_mentees_need_and_nobody_else_gains_access()
    {
        var s = await ArrangeAsync();
        await app.WithDb(async db =>
        {
            var topic = await db.Topics.SingleAsync(t => t.SchoolId == s.School.Id && t.Code == "MET-99");
            var programId = await db.Programs.Where(p => p.SchoolId == s.School.Id).Select(p => p.Id).SingleAsync();
            db.MentoringPairs.Add(new MentoringPair { SchoolId = s.School.Id, ProgramId = programId, MentorId = s.School.Teachers[2].PersonId, MenteeId = s.OwnerId, TopicId = topic.Id, ApprovedBy = "test" });
            // A second need of the owner, in a topic the pair does not cover: the mentor must not see it.
            var other = await db.Topics.Where(t => t.SchoolId == s.School.Id && t.Code != "MET-99").OrderBy(t => t.Code).Skip(5).FirstAsync();
            db.Needs.Add(new Need { SchoolId = s.School.Id, RoundId = s.RoundId, PersonId = s.OwnerId, TopicId = other.Id, Priority = 2, Comment = "второй-секрет" });
            return await db.SaveChangesAsync();
        });
        var mentor = await s.School.TeacherAsync(2);
        (await TextOf(await mentor.GetAsync("/"))).ShouldContain(s.Secret);
        var needs = await TextOf(await mentor.GetAsync("/api/v1/needs?personId=" + s.OwnerId));
        needs.ShouldContain(s.Secret);
        needs.ShouldNotContain("второй-секрет");
        // The pair opens the mentee's need to the mentor, not the mentee's forms, choices or the school's pages.
        await AssertRefusedAsync(mentor, s, "the mentor of the pair");
        await AssertNothingLeaksAsync(await s.School.TeacherAsync(0), s, "another teacher, after the pair");
        await AssertNothingLeaksAsync(await s.School.PsychologistAsync(), s, "the psychologist, after the pair");
        await AssertNothingLeaksAsync(await app.CuratorOfBAsync(), s, "the curator of another school, after the pair");
    }
}

[Collection("sqlite")] public sealed class NeedsPrivacyTests_Sqlite(SqliteApp app) : NeedsPrivacyTests(app);
[Collection("postgres")] public sealed class NeedsPrivacyTests_Postgres(PostgresApp app) : NeedsPrivacyTests(app);
