using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Tests.Matching;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Matching;
using Nastavnik.Web.Features.Pairs;

namespace Nastavnik.Tests.Security;

/// <summary>
/// Break-in tests of pairs and agreements (issue 12): a pair, its history and its agreement are the pair's, the curator's and the
/// administrator's; a third teacher, another school, a guessed id and the psychologist find nothing; a mentor whose pair ended early
/// no longer sees the mentee's need; the psychologist's page names the ended pair without its topic.
/// </summary>
public abstract class PairPrivacyTests(AppFixture app)
{
    private async Task<(MatchingCase C, MentoringPair Pair)> ArrangeAsync()
    {
        var c = await MatchingCase.SeedAsync(app);
        await using (var s = SignedInScope.Curator(c.School))
        {
            var w = s.Get<MatchingWorkflow>();
            var run = (await w.RunAsync(c.ProgramId, false, c.School.Curator)).Value!;
            await w.ApproveAsync(c.ProgramId, run.Id, false, c.School.Curator);
        }
        var pair = await app.WithDb(db => db.MentoringPairs.SingleAsync(p => p.ProgramId == c.ProgramId && p.MentorId == c.School.Teachers[0].PersonId));
        await using (var s = SignedInScope.Teacher(c.School, 0)) (await s.Get<AgreementCommands>().CreateAsync(pair.Id)).Ok.ShouldBeTrue();
        return (c, pair);
    }

    [Fact]
    public async Task A_third_teacher_another_school_a_guessed_id_and_the_psychologist_find_no_pair_history_or_agreement()
    {
        var (c, pair) = await ArrangeAsync();
        // T5 is in no pair of the case.
        await using (var s = SignedInScope.Teacher(c.School, 5))
        {
            (await s.Get<PairQueries>().DetailAsync(pair.Id)).ShouldBeNull();
            (await s.Get<PairQueries>().ListAsync(c.ProgramId)).ShouldBeEmpty();
            (await s.Get<AgreementCommands>().GetAsync(pair.Id)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
            (await s.Get<AgreementCommands>().AcceptAsync(pair.Id, 1)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
            (await s.Get<AgreementCommands>().DocxAsync(pair.Id)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        }
        var third = await c.School.TeacherAsync(5);
        foreach (var url in new[] { $"/Pairs/{pair.Id}", $"/Pairs/{pair.Id}?handler=AgreementDocx", $"/api/v1/pairs/{pair.Id}", $"/api/v1/pairs/{pair.Id}/history",
                     $"/api/v1/pairs/{pair.Id}/agreement", $"/api/v1/pairs/{pair.Id}/agreement.docx" })
            (await third.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        (await third.GetAsync("/Pairs")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the list is the managers'");
        (await third.PostAsync($"/api/v1/pairs/{pair.Id}/end", JsonContent.Create(new { reason = "DidNotWork" }))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var otherSchool = await app.CuratorOfBAsync();
        foreach (var url in new[] { $"/Pairs/{pair.Id}", $"/api/v1/pairs/{pair.Id}", $"/api/v1/pairs/{pair.Id}/agreement", $"/api/v1/pairs/order.docx?programId={c.ProgramId}" })
            (await otherSchool.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        (await otherSchool.PostAsync($"/api/v1/pairs/{pair.Id}/end", JsonContent.Create(new { reason = "DidNotWork" }))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var curator = await c.School.CuratorAsync();
        (await curator.GetAsync($"/Pairs/{pair.Id + 100000}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await curator.GetAsync($"/api/v1/pairs/{pair.Id + 100000}/agreement")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await curator.GetAsync($"/Pairs/{pair.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var psychologist = await c.School.PsychologistAsync();
        (await psychologist.GetAsync($"/Pairs/{pair.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await psychologist.GetAsync($"/api/v1/pairs/{pair.Id}/agreement")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The mentee sees the pair and its agreement.
        var mentee = await c.School.TeacherAsync(1);
        (await mentee.GetAsync($"/api/v1/pairs/{pair.Id}/agreement")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_mentor_whose_pair_ended_early_no_longer_sees_the_need_and_the_psychologist_sees_the_pair_without_its_topic()
    {
        var (c, pair) = await ArrangeAsync();
        Task<int> NeedsSeenByMentor() => app.WithDb(async _ =>
        {
            await using var s = SignedInScope.Teacher(c.School, 0);
            return await s.Get<AppDbContext>().Needs.CountAsync(n => n.PersonId == pair.MenteeId && n.TopicId == pair.TopicId);
        });
        (await NeedsSeenByMentor()).ShouldBe(1);
        await using (var s = SignedInScope.Curator(c.School))
            (await s.Get<PairCommands>().EndEarlyAsync(pair.Id, null, PairEndReason.DidNotWork, null)).Ok.ShouldBeTrue();
        (await NeedsSeenByMentor()).ShouldBe(0);
        // The former mentor still sees the pair's history, not the mentee's need.
        await using (var s = SignedInScope.Teacher(c.School, 0))
            (await s.Get<PairQueries>().DetailAsync(pair.Id))!.History[^1].What.ShouldBe("завершена досрочно: пара не сложилась");

        var psychologist = await c.School.PsychologistAsync();
        var home = WebUtility.HtmlDecode(await psychologist.GetStringAsync("/"));
        var topic = await app.WithDb(db => db.Topics.Where(t => t.Id == pair.TopicId).Select(t => t.Name).FirstAsync());
        home.ShouldContain("Пары, завершённые досрочно");
        var line = Html.Parse(home).QuerySelector("[data-testid=ended-pair]")!.TextContent;
        line.ShouldStartWith($"{c.Name(1)} (наставник {c.Name(0)}) — ");
        line.ShouldEndWith(", пара не сложилась");
        home.ShouldNotContain(topic);
    }

    [Fact]
    public async Task The_pair_alone_reads_its_program_and_people_past_their_filters_even_a_mentee_who_left_and_a_draft_program()
    {
        var (c, pair) = await ArrangeAsync();
        await using (var s = SignedInScope.Curator(c.School))
            (await s.Get<PairCommands>().EndEarlyAsync(pair.Id, null, PairEndReason.TeacherLeft, null)).Ok.ShouldBeTrue();
        // The mentee left the school, and the program went back to a draft, which teachers no longer see.
        var programName = await app.WithDb(async db =>
        {
            (await db.People.IgnoreQueryFilters().SingleAsync(p => p.Id == pair.MenteeId)).IsArchived = true;
            var program = await db.Programs.IgnoreQueryFilters().SingleAsync(p => p.Id == c.ProgramId);
            program.Status = ProgramStatus.Draft;
            await db.SaveChangesAsync();
            return program.Name;
        });

        // The former mentor still reads the pair's page with the program and the mentee by name.
        await using (var s = SignedInScope.Teacher(c.School, 0))
        {
            var db = s.Get<AppDbContext>();
            (await db.Programs.AnyAsync(p => p.Id == c.ProgramId)).ShouldBeFalse("a draft is the managers'");
            (await db.PairProgramAsync(pair.Id, default))!.Name.ShouldBe(programName);
            (await db.PairMembersAsync(pair.Id, default))!.Value.Mentee.FullName.ShouldBe(c.Name(1));
            var detail = (await s.Get<PairQueries>().DetailAsync(pair.Id))!;
            (detail.ProgramName, detail.Mentor.FullName, detail.Mentee.FullName).ShouldBe((programName, c.Name(0), c.Name(1)));
        }
        // A third teacher, a guessed id and another school's curator learn nothing through the named queries.
        await using (var s = SignedInScope.Teacher(c.School, 5))
        {
            var db = s.Get<AppDbContext>();
            (await db.PairProgramAsync(pair.Id, default)).ShouldBeNull();
            (await db.PairMembersAsync(pair.Id, default)).ShouldBeNull();
        }
        await using (var s = SignedInScope.Curator(c.School))
        {
            var db = s.Get<AppDbContext>();
            (await db.PairProgramAsync(pair.Id + 100000, default)).ShouldBeNull();
            (await db.PairMembersAsync(pair.Id + 100000, default)).ShouldBeNull();
        }
        await using (var s = SignedInScope.As(app, app.SchoolB, AppFixture.CuratorB, Roles.Curator))
        {
            var db = s.Get<AppDbContext>();
            (await db.PairProgramAsync(pair.Id, default)).ShouldBeNull();
            (await db.PairMembersAsync(pair.Id, default)).ShouldBeNull();
            (await db.PairsEndedEarly(c.ProgramId).ToListAsync()).ShouldBeEmpty();
        }
    }
}

[Collection("sqlite")] public sealed class PairPrivacyTests_Sqlite(SqliteApp app) : PairPrivacyTests(app);
[Collection("postgres")] public sealed class PairPrivacyTests_Postgres(PostgresApp app) : PairPrivacyTests(app);
