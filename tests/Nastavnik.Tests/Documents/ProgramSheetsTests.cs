using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Tests.Matching;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Matching;
using Nastavnik.Web.Files;

namespace Nastavnik.Tests.Documents;

/// <summary>
/// A program's Excel files (issue 14, item 8) on the approved round of <see cref="MatchingCase"/>: T0 and T1 mentor each other, T4 mentors
/// the group T0–T3 in ICT-02. The bases in the target model's forms and the indicators, opened back with the Open XML SDK and read as a
/// curator would: one row per mentor and mentee with topics, partners, form, dates, the outcome and the meetings' rating; managers only.
/// </summary>
public abstract class ProgramSheetsTests(AppFixture app)
{
    [Fact]
    public async Task The_bases_list_each_mentor_and_mentee_once_with_their_partners_form_outcome_and_rating_for_the_managers_only()
    {
        var c = await MatchingCase.SeedAsync(app);
        var curator = await c.School.CuratorAsync();
        (await curator.GetAsync($"/api/v1/programs/{c.ProgramId}/bases.xlsx")).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "no pair approved yet");
        await using (var s = SignedInScope.Curator(c.School))
        {
            var w = s.Get<MatchingWorkflow>();
            var run = (await w.RunAsync(c.ProgramId, false, c.School.Curator)).Value!;
            (await w.ApproveAsync(c.ProgramId, run.Id, false, c.School.Curator)).Value!.Outcome.ShouldBe(ApprovalOutcome.Approved);
        }
        var ended = new DateTime(2027, 3, 12, 10, 0, 0, DateTimeKind.Utc);
        await app.WithDb(async db =>
        {
            var pair = await db.MentoringPairs.SingleAsync(p => p.ProgramId == c.ProgramId && p.MentorId == c.P(0) && p.MenteeId == c.P(1));
            pair.Status = PairStatus.Completed;
            pair.EndedAt = ended;
            var meeting = new Meeting { SchoolId = c.School.Id, ProgramId = c.ProgramId, MentorId = c.P(0), StartsAt = ended.AddDays(-30), DurationMinutes = 45, Status = MeetingStatus.Held, CreatedAt = ended.AddDays(-31), CreatedBy = "test" };
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            db.MeetingParticipants.Add(new MeetingParticipant { SchoolId = c.School.Id, MeetingId = meeting.Id, PersonId = c.P(1), PairId = pair.Id, Attended = true });
            db.MeetingFeedback.Add(new MeetingFeedback { SchoolId = c.School.Id, MeetingId = meeting.Id, AuthorId = c.P(1), Rating = 4, At = ended.AddDays(-30) });
            return await db.SaveChangesAsync();
        });
        var ict02 = await app.WithDb(db => db.Topics.Where(t => t.Id == c.Topics["ICT-02"]).Select(t => t.Name).FirstAsync());
        var pairs = await app.WithDb(db => db.MentoringPairs.Where(p => p.ProgramId == c.ProgramId).Select(p => new { p.MentorId, p.MenteeId }).ToListAsync());
        string NameOf(int personId) => c.School.Teachers.Single(t => t.PersonId == personId).FullName;
        var groupOfT4 = pairs.Where(p => p.MentorId == c.P(4)).Select(p => NameOf(p.MenteeId)).ToList();
        groupOfT4.Count.ShouldBeGreaterThan(1, "the engine forms T4's group in ICT-02");

        var response = await curator.GetAsync($"/Documents/{c.ProgramId}?handler=Sheet&kind=bases");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(XlsxWriter.ContentType);
        var sheets = XlsxFile.Read(await response.Content.ReadAsByteArrayAsync());

        var mentors = sheets["База наставников"];
        mentors[0][1].ShouldBe("ФИО наставника");
        mentors.Skip(1).Select(r => r[1]).ShouldBe([c.Name(0), c.Name(1), c.Name(4)], ignoreOrder: true);
        mentors.ShouldContain(r => r[1] == "Ёлкина Анна Сергеевна", "ё is kept");
        var t4 = mentors.Single(r => r[1] == c.Name(4));
        t4[5].Split('\n').ShouldBe(groupOfT4, ignoreOrder: true);
        t4[4].ShouldContain(ict02);
        t4[6].ShouldContain("групповая");
        t4[10].ShouldBe($"утверждена, работа не начата: {groupOfT4.Count}");
        var t0 = mentors.Single(r => r[1] == c.Name(0));
        t0[5].ShouldBe(c.Name(1));
        t0[6].ShouldBe("педагог — педагог");
        t0[9].ShouldBe("12.03.2027");
        t0[10].ShouldBe("завершил(а) программу: 1");
        t0[11].ShouldBe("4");

        var mentees = sheets["База наставляемых"];
        mentees.Skip(1).Select(r => r[1]).ShouldBe(pairs.Select(p => NameOf(p.MenteeId)).Distinct(), ignoreOrder: true);
        var m1 = mentees.Single(r => r[1] == c.Name(1));
        m1[5].Split('\n').ShouldBe([c.Name(0), c.Name(4)], ignoreOrder: true);
        m1[10].Split('\n').ShouldBe(["утверждена, работа не начата: 1", "завершил(а) программу: 1"], ignoreOrder: true);
        m1[9].ShouldEndWith("(по плану)", Case.Sensitive, "one of T1's pairs still works");
        sheets["Программа"].ShouldContain(r => r[0] == "Наставников" && r[1] == "3");

        var indicators = XlsxFile.Read(await curator.GetByteArrayAsync($"/api/v1/programs/{c.ProgramId}/indicators.xlsx"))["Показатели"];
        indicators[0][1].ShouldBe("Показатель");
        indicators.Count.ShouldBeGreaterThan(1);

        var teacher = await c.School.TeacherAsync(0);
        (await teacher.GetAsync($"/api/v1/programs/{c.ProgramId}/bases.xlsx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await teacher.GetAsync($"/Documents/{c.ProgramId}?handler=Sheet&kind=bases")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        var other = await (await app.NewSchoolAsync(teachers: 1)).CuratorAsync();
        (await other.GetAsync($"/api/v1/programs/{c.ProgramId}/bases.xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/v1/programs/{c.ProgramId}/indicators.xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var audited = await app.WithDb(db => db.AuditEntries.Where(a => a.SchoolId == c.School.Id && a.EntityType == "Export").Select(a => a.Changes).ToListAsync());
        audited.ShouldContain(a => a.Contains("Базы наставников и наставляемых", StringComparison.Ordinal));
    }
}

[Collection("sqlite")] public sealed class ProgramSheetsTests_Sqlite(SqliteApp app) : ProgramSheetsTests(app);
[Collection("postgres")] public sealed class ProgramSheetsTests_Postgres(PostgresApp app) : ProgramSheetsTests(app);
