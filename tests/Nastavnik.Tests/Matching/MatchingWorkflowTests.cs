using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Matching;

namespace Nastavnik.Tests.Matching;

/// <summary>The matching rules through <see cref="MatchingWorkflow"/> itself, and `match --program` giving the page's pairs.</summary>
public abstract class MatchingWorkflowTests(AppFixture app)
{
    private static readonly DateTimeOffset Noon = new(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private Task<T> With<T>(Func<MatchingWorkflow, Task<T>> action) =>
        app.WithDb(db => action(new MatchingWorkflow(db, new FixedTime(Noon))));

    private Task<List<MatchDecision>> DecisionsAsync(MatchingCase c) =>
        app.WithDb(db => db.MatchDecisions.Where(d => d.ProgramId == c.ProgramId).OrderBy(d => d.Id).ToListAsync());

    private Task<List<(int Mentor, int Mentee, int Topic)>> ApprovedAsync(MatchingCase c) => app.WithDb(async db =>
        (await db.MentoringPairs.Where(p => p.ProgramId == c.ProgramId).Select(p => new { p.MentorId, p.MenteeId, p.TopicId }).ToListAsync())
        .Select(p => (p.MentorId, p.MenteeId, p.TopicId)).Order().ToList());

    [Fact]
    public async Task Reject_leaves_the_row_out_of_the_proposal_and_the_next_run_never_proposes_it()
    {
        var c = await MatchingCase.SeedAsync(app);
        (await With(w => w.RunAsync(c.ProgramId, false, "curator"))).Ok.ShouldBeTrue();
        var decided = await With(w => w.DecideAsync(c.ProgramId, c.P(1), c.Topics["MET-01"], c.P(0), MatchDecisionKind.Reject, "curator"));
        decided.Value.ShouldStartWith("Пара отклонена");

        var proposal = (await With(w => w.ProposalAsync(c.ProgramId)))!;
        proposal.Rows.Single(r => r.Assignment.TopicId == c.Topics["MET-01"]).State.ShouldBe(ProposalState.Rejected);
        proposal.Pairs.ShouldNotContain((c.P(0), c.P(1), c.Topics["MET-01"]));
        proposal.Pairs.Count.ShouldBe(4);

        var run = (await With(w => w.RunAsync(c.ProgramId, false, "curator"))).Value!;
        run.CreatedAt.ShouldBe(Noon.UtcDateTime);
        var again = (await With(w => w.ProposalAsync(c.ProgramId)))!;
        again.Rows.ShouldNotContain(r => r.Assignment.MenteeId == c.P(1) && r.Assignment.TopicId == c.Topics["MET-01"]);
        again.Rows.ShouldAllBe(r => r.State == ProposalState.Proposed);
    }

    [Fact]
    public async Task A_lock_replaces_other_locks_of_the_need_and_a_rejection_keeps_them()
    {
        var c = await MatchingCase.SeedAsync(app);
        int ict = c.Topics["ICT-02"];
        await With(w => w.DecideAsync(c.ProgramId, c.P(0), ict, c.P(4), MatchDecisionKind.Lock, "curator"));
        await With(w => w.DecideAsync(c.ProgramId, c.P(0), ict, c.P(5), MatchDecisionKind.Lock, "curator"));
        (await DecisionsAsync(c)).Select(d => (d.MentorId, d.Kind)).ShouldBe([(c.P(5), MatchDecisionKind.Lock)]);

        await With(w => w.DecideAsync(c.ProgramId, c.P(0), ict, c.P(4), MatchDecisionKind.Reject, "curator"));
        (await DecisionsAsync(c)).Select(d => (d.MentorId, d.Kind)).ShouldBe([(c.P(5), MatchDecisionKind.Lock), (c.P(4), MatchDecisionKind.Reject)]);
        (await DecisionsAsync(c)).ShouldAllBe(d => d.CreatedAt == Noon.UtcDateTime && d.CreatedBy == "curator");

        var cleared = await With(w => w.DecideAsync(c.ProgramId, c.P(0), ict, c.P(5), null, "curator"));
        cleared.Value.ShouldBe("Решение по паре снято.");
        (await DecisionsAsync(c)).Select(d => d.MentorId).ShouldBe([c.P(4)]);
    }

    [Fact]
    public async Task Transfer_to_a_mentor_who_does_not_offer_the_topic_is_refused_and_unknown_people_are_not_found()
    {
        var c = await MatchingCase.SeedAsync(app);
        await With(w => w.RunAsync(c.ProgramId, false, "curator"));

        var refused = await With(w => w.TransferAsync(c.ProgramId, c.P(1), c.Topics["MET-01"], c.P(2), "curator"));
        refused.Error!.Kind.ShouldBe(ErrorKind.Invalid);
        refused.Error.Message.ShouldBe($"{c.Name(2)} не предлагает тему «Подготовка к конкурсам профессионального мастерства»: выберите наставника из списка.");
        (await With(w => w.TransferAsync(c.ProgramId, c.P(1), c.Topics["MET-01"], c.P(1), "curator"))).Error!.Kind.ShouldBe(ErrorKind.Invalid);
        // T6 has no consent: not a participant of the matching.
        (await With(w => w.TransferAsync(c.ProgramId, c.P(2), c.Topics["PSY-01"], c.P(6), "curator"))).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await With(w => w.TransferAsync(987654, c.P(1), c.Topics["MET-01"], c.P(0), "curator"))).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await DecisionsAsync(c)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Approve_stores_the_proposal_refuses_an_older_run_and_a_second_approve_changes_nothing()
    {
        var c = await MatchingCase.SeedAsync(app);
        var first = (await With(w => w.RunAsync(c.ProgramId, false, "curator"))).Value!;
        var second = (await With(w => w.RunAsync(c.ProgramId, true, "curator"))).Value!;

        var stale = await With(w => w.ApproveAsync(c.ProgramId, first.Id, confirm: true, "curator"));
        stale.Error!.Kind.ShouldBe(ErrorKind.Stale);
        stale.Error.Message.ShouldContain("пары подобрали заново");
        (await ApprovedAsync(c)).ShouldBeEmpty();

        var approved = (await With(w => w.ApproveAsync(c.ProgramId, second.Id, confirm: false, "curator"))).Value!;
        approved.Outcome.ShouldBe(ApprovalOutcome.Approved);
        approved.Message.ShouldBe("Пары утверждены: 2 пары, 1 группа.");
        var proposal = (await With(w => w.ProposalAsync(c.ProgramId)))!;
        (await ApprovedAsync(c)).ShouldBe(proposal.Pairs.Order().ToList());
        (await app.WithDb(db => db.MentoringPairs.Where(p => p.ProgramId == c.ProgramId).ToListAsync()))
            .ShouldAllBe(p => p.ApprovedAt == Noon.UtcDateTime && p.ApprovedBy == "curator");

        var twice = (await With(w => w.ApproveAsync(c.ProgramId, second.Id, confirm: true, "curator"))).Value!;
        twice.Outcome.ShouldBe(ApprovalOutcome.Unchanged);
        twice.Message.ShouldBe("Эти пары уже утверждены, изменений нет.");

        // A rejection changes the proposal: replacing the approved pairs now needs a confirmation.
        await With(w => w.DecideAsync(c.ProgramId, c.P(0), c.Topics["ICT-01"], c.P(1), MatchDecisionKind.Reject, "curator"));
        var ask = (await With(w => w.ApproveAsync(c.ProgramId, second.Id, confirm: false, "curator"))).Value!;
        ask.Outcome.ShouldBe(ApprovalOutcome.NeedsConfirmation);
        (await ApprovedAsync(c)).Count.ShouldBe(5);
        (await With(w => w.ApproveAsync(c.ProgramId, second.Id, confirm: true, "curator"))).Value!.Outcome.ShouldBe(ApprovalOutcome.Approved);
        (await ApprovedAsync(c)).ShouldNotContain((c.P(1), c.P(0), c.Topics["ICT-01"]));
        (await ApprovedAsync(c)).Count.ShouldBe(4);
    }

    [Fact]
    public async Task Match_program_honours_the_locks_and_rejections_and_prints_the_pairs_of_the_page()
    {
        var c = await MatchingCase.SeedAsync(app);
        var curator = await c.School.CuratorAsync();
        await curator.PostFormAsync("/Matching", "/Matching?handler=Run", new() { ["programId"] = c.ProgramId.ToString() });
        var doc = Html.Parse(await curator.GetStringAsync("/Matching"));
        // Lock the ICT-02 mentee the optimum leaves out to T4, reject T0 → T1 on MET-01; then re-run on the page.
        var left = Enumerable.Range(0, 4).Single(i => !doc.QuerySelectorAll("[data-testid=row]").Any(r =>
            r.GetAttribute("data-mentee") == c.P(i).ToString() && r.GetAttribute("data-topic") == c.Topics["ICT-02"].ToString()));
        foreach (var (mentee, topic, mentor, kind) in new[] { (left, "ICT-02", 4, "lock"), (1, "MET-01", 0, "reject") })
            await curator.PostFormAsync("/Matching", "/Matching?handler=Decide", new()
            {
                ["programId"] = c.ProgramId.ToString(), ["menteeId"] = c.P(mentee).ToString(), ["topicId"] = c.Topics[topic].ToString(),
                ["mentorId"] = c.P(mentor).ToString(), ["kind"] = kind,
            });
        await curator.PostFormAsync("/Matching", "/Matching?handler=Run", new() { ["programId"] = c.ProgramId.ToString() });
        var page = Html.Parse(await curator.GetStringAsync("/Matching")).QuerySelectorAll("[data-testid=row]")
            .Select(r => (Mentor: int.Parse(r.GetAttribute("data-mentor")!), Mentee: int.Parse(r.GetAttribute("data-mentee")!), Topic: int.Parse(r.GetAttribute("data-topic")!)))
            .Order().ToList();
        page.ShouldContain((c.P(4), c.P(left), c.Topics["ICT-02"]));
        page.ShouldNotContain((c.P(0), c.P(1), c.Topics["MET-01"]));

        using var cli = new CliProcess(demo: false);
        cli.Settings["Nastavnik__Database__Provider"] = app.Provider.ToString();
        cli.Settings["Nastavnik__ConnectionStrings__Nastavnik"] = app.ConnectionString;
        var outFile = Path.Combine(cli.Dir, "solution.json");
        var (code, output, error) = await cli.Run("match", "--program", c.ProgramId.ToString(), "--out", outFile);

        code.ShouldBe(0, error);
        output.ShouldContain("Решения куратора: закреплено пар — 1, отклонено — 1.");
        output.ShouldContain("Закрыто дефицитов: 4 из 8; пар: 1; групп: 1");
        output.ShouldNotContain($"Пара: {c.Name(0)} → {c.Name(1)}");
        output.ShouldContain($"Пара: {c.Name(1)} → {c.Name(0)}:");
        output.Split('\n').Single(l => l.StartsWith($"  Группа: {c.Name(4)}, тема «")).ShouldContain(c.Name(left));
        // The solution file names engine ids: map them back the way the command built them.
        var input = (await app.WithDb(db => ProgramMatchingInput.BuildAsync(db, c.ProgramId, TimeProvider.System))).Input!;
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(outFile));
        var cliPairs = json.RootElement.GetProperty("assignments").EnumerateArray()
            .Select(a => (Mentor: input.Person(a.GetProperty("mentor").GetInt32()).PersonId, Mentee: input.Person(a.GetProperty("mentee").GetInt32()).PersonId,
                Topic: input.Topic(a.GetProperty("topic").GetInt32()).TopicId))
            .Order().ToList();
        cliPairs.ShouldBe(page);
        // Printing stores nothing: the page still shows the curator's run.
        (await app.WithDb(db => db.MatchingRuns.CountAsync(r => r.ProgramId == c.ProgramId))).ShouldBe(2);
    }
}

[Collection("sqlite")] public sealed class MatchingWorkflowTests_Sqlite(SqliteApp app) : MatchingWorkflowTests(app);
[Collection("postgres")] public sealed class MatchingWorkflowTests_Postgres(PostgresApp app) : MatchingWorkflowTests(app);
