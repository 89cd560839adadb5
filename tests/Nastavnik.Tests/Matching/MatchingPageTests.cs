using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;

namespace Nastavnik.Tests.Matching;

/// <summary>The curator's matching page: run, lock, reject, re-run, approve; access and tenancy.</summary>
public abstract class MatchingPageTests(AppFixture app)
{
    private Task<MatchingCase> SeedAsync() => MatchingCase.SeedAsync(app);

    private static async Task<AngleSharp.Dom.IDocument> RunAsync(HttpClient client, MatchingCase c, bool stable = false)
    {
        var fields = new Dictionary<string, string> { ["programId"] = c.ProgramId.ToString() };
        if (stable) fields["mode"] = "stable";
        var post = await client.PostFormAsync("/Matching", "/Matching?handler=Run", fields);
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return Html.Parse(await client.GetStringAsync("/Matching"));
    }

    private static async Task DecideAsync(HttpClient client, MatchingCase c, int mentee, string topic, int mentor, string kind)
    {
        var post = await client.PostFormAsync("/Matching", "/Matching?handler=Decide", new()
        {
            ["programId"] = c.ProgramId.ToString(), ["menteeId"] = c.P(mentee).ToString(), ["topicId"] = c.Topics[topic].ToString(),
            ["mentorId"] = c.P(mentor).ToString(), ["kind"] = kind,
        });
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static AngleSharp.Dom.IElement? Row(AngleSharp.Dom.IDocument doc, MatchingCase c, int mentor, int mentee, string topic) =>
        doc.QuerySelectorAll("[data-testid=row]").SingleOrDefault(r => r.GetAttribute("data-mentor") == c.P(mentor).ToString()
            && r.GetAttribute("data-mentee") == c.P(mentee).ToString() && r.GetAttribute("data-topic") == c.Topics[topic].ToString());

    private static int LatestRunId(AngleSharp.Dom.IDocument doc) =>
        int.Parse(doc.QuerySelector("input[name=runId]")!.GetAttribute("value")!);

    [Fact]
    public async Task Run_proposes_the_expected_pairs_with_reasons_and_a_summary()
    {
        var c = await SeedAsync();
        var curator = await c.School.CuratorAsync();
        var before = Html.Parse(await curator.GetStringAsync("/Matching"));
        before.QuerySelector("[data-testid=no-run]").ShouldNotBeNull();

        var doc = await RunAsync(curator, c);
        doc.QuerySelectorAll("[data-testid=row]").Length.ShouldBe(5);
        doc.QuerySelector("[data-testid=served]")!.TextContent.ShouldBe("5");
        doc.QuerySelector("[data-testid=served-priority-3]")!.TextContent.ShouldContain("срочно: 1 из 1");
        doc.QuerySelector("[data-testid=groups]")!.TextContent.ShouldContain("1");
        var met = Row(doc, c, mentor: 0, mentee: 1, "MET-01").ShouldNotBeNull();
        met.QuerySelector("[data-testid=mentor]")!.TextContent.ShouldBe(c.Name(0));
        met.QuerySelector("[data-testid=mentee]")!.TextContent.ShouldBe(c.Name(1));
        met.QuerySelector("[data-testid=topic]")!.TextContent.ShouldBe("Подготовка к конкурсам профессионального мастерства");
        met.QuerySelector("[data-testid=score]")!.TextContent.ShouldBe("375");
        met.QuerySelector("[data-testid=reasons]")!.TextContent.ShouldContain("(приоритет 3); уровень наставника 3");
        met.QuerySelector("[data-testid=state]")!.TextContent.ShouldBe("предложено");
        Row(doc, c, mentor: 1, mentee: 0, "ICT-01").ShouldNotBeNull();
        doc.QuerySelectorAll("[data-testid=row]").Count(r => r.GetAttribute("data-mentor") == c.P(4).ToString()).ShouldBe(3);
        (await app.WithDb(db => db.MatchingRuns.CountAsync(r => r.ProgramId == c.ProgramId))).ShouldBe(1);

        var stable = await RunAsync(curator, c, stable: true);
        stable.QuerySelector("[data-testid=summary]")!.TextContent.ShouldContain("Устойчивый подбор");
        stable.QuerySelector("[data-testid=diff]")!.TextContent.ShouldContain("±0");
    }

    [Fact]
    public async Task Lock_and_reject_survive_a_re_run()
    {
        var c = await SeedAsync();
        var curator = await c.School.CuratorAsync();
        var doc = await RunAsync(curator, c);
        // The ICT-02 mentee left out by the optimum: lock them to T4; the re-run must keep that pair.
        var left = Enumerable.Range(0, 4).Single(i => Row(doc, c, mentor: 4, mentee: i, "ICT-02") is null);
        await DecideAsync(curator, c, left, "ICT-02", 4, "lock");
        await DecideAsync(curator, c, 1, "MET-01", 0, "reject");
        var marked = Html.Parse(await curator.GetStringAsync("/Matching"));
        Row(marked, c, 0, 1, "MET-01")!.QuerySelector("[data-testid=state]")!.TextContent.ShouldBe("отклонено");
        marked.QuerySelector("[data-testid=decisions-kept]")!.TextContent.ShouldContain("сохранит 1 закреплённую пару");

        var again = await RunAsync(curator, c);
        var locked = Row(again, c, mentor: 4, mentee: left, "ICT-02").ShouldNotBeNull();
        locked.QuerySelector("[data-testid=state]")!.TextContent.ShouldBe("закреплено");
        locked.QuerySelector("[data-testid=reasons]")!.TextContent.ShouldContain("закреплено куратором");
        Row(again, c, mentor: 0, mentee: 1, "MET-01").ShouldBeNull();
        again.QuerySelectorAll("[data-testid=row]").ShouldNotContain(r => r.GetAttribute("data-mentor") == c.P(0).ToString() && r.GetAttribute("data-mentee") == c.P(1).ToString());
        again.QuerySelector("[data-testid=served]")!.TextContent.ShouldBe("4");
        again.QuerySelector("[data-testid=diff]")!.TextContent.ShouldContain("−1");
        again.QuerySelector("[data-testid=lock-issues]").ShouldBeNull();

        // Once more: still locked, still never proposed.
        var third = await RunAsync(curator, c);
        Row(third, c, 4, left, "ICT-02").ShouldNotBeNull();
        Row(third, c, 0, 1, "MET-01").ShouldBeNull();
    }

    [Fact]
    public async Task Approve_creates_exactly_the_pairs_and_a_stale_second_approve_does_not_duplicate()
    {
        var c = await SeedAsync();
        var curator = await c.School.CuratorAsync();
        var doc = await RunAsync(curator, c);
        var expected = doc.QuerySelectorAll("[data-testid=row]")
            .Select(r => (Mentor: int.Parse(r.GetAttribute("data-mentor")!), Mentee: int.Parse(r.GetAttribute("data-mentee")!), Topic: int.Parse(r.GetAttribute("data-topic")!)))
            .Where(r => !(r.Mentor == c.P(1) && r.Mentee == c.P(0))).OrderBy(x => x).ToList();
        await DecideAsync(curator, c, 0, "ICT-01", 1, "reject");
        var runId = LatestRunId(Html.Parse(await curator.GetStringAsync("/Matching")));
        var fields = () => new Dictionary<string, string> { ["programId"] = c.ProgramId.ToString(), ["runId"] = runId.ToString() };

        var approve = await curator.PostFormAsync("/Matching", "/Matching?handler=Approve", fields());
        approve.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await curator.GetStringAsync("/Matching");
        page.ShouldContain("Пары утверждены: 4 пары, 1 группа");
        async Task<List<(int, int, int)>> Pairs() => (await app.WithDb(db => db.MentoringPairs.Where(p => p.ProgramId == c.ProgramId)
            .Select(p => new { p.MentorId, p.MenteeId, p.TopicId }).ToListAsync())).Select(p => (p.MentorId, p.MenteeId, p.TopicId)).OrderBy(x => x).ToList();
        (await Pairs()).ShouldBe(expected);
        var listed = Html.Parse(page);
        listed.QuerySelectorAll("[data-testid=approved-row]").Length.ShouldBe(2);
        listed.QuerySelector("[data-testid=approved]")!.TextContent.ShouldContain("группа");

        // The same form sent again (a double click, a second tab): nothing is duplicated.
        (await curator.PostFormAsync("/Matching", "/Matching?handler=Approve", fields())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var confirmTwice = fields();
        confirmTwice["confirm"] = "true";
        await curator.PostFormAsync("/Matching", "/Matching?handler=Approve", confirmTwice);
        (await Pairs()).ShouldBe(expected);

        // A new run with a change asks before replacing the approved pairs.
        await DecideAsync(curator, c, 0, "ICT-01", 1, "clear");
        var rerun = await RunAsync(curator, c);
        var newRun = LatestRunId(rerun);
        var stale = await curator.PostFormAsync("/Matching", "/Matching?handler=Approve", fields());
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("пары подобрали заново");
        var ask = await curator.PostFormAsync("/Matching", "/Matching?handler=Approve", new() { ["programId"] = c.ProgramId.ToString(), ["runId"] = newRun.ToString() });
        Html.Parse(await ask.Content.ReadAsStringAsync()).QuerySelector("[data-testid=confirm-replace]").ShouldNotBeNull();
        (await Pairs()).ShouldBe(expected);
        var replace = await curator.PostFormAsync("/Matching", "/Matching?handler=Approve", new() { ["programId"] = c.ProgramId.ToString(), ["runId"] = newRun.ToString(), ["confirm"] = "true" });
        replace.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Pairs()).Count.ShouldBe(5);
        (await app.WithDb(db => db.AuditEntries.CountAsync(a => a.SchoolId == c.School.Id && a.EntityType == nameof(MentoringPair)))).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Transfer_moves_a_topic_to_another_mentor_as_a_lock_and_warns_when_that_mentor_is_full()
    {
        var c = await SeedAsync();
        await app.WithDb(async db =>
        {
            var round = await db.DiagnosticsRounds.SingleAsync(r => r.ProgramId == c.ProgramId);
            db.Offers.AddRange(
                new Offer { SchoolId = c.School.Id, RoundId = round.Id, PersonId = c.P(5), TopicId = c.Topics["MET-01"], Level = 1 },
                new Offer { SchoolId = c.School.Id, RoundId = round.Id, PersonId = c.P(5), TopicId = c.Topics["ICT-02"], Level = 1 });
            return await db.SaveChangesAsync();
        });
        var curator = await c.School.CuratorAsync();
        var doc = await RunAsync(curator, c);
        doc.QuerySelector("[data-testid=served]")!.TextContent.ShouldBe("6");
        Row(doc, c, 0, 1, "MET-01")!.QuerySelector("[data-testid=transfer] select")!.TextContent.ShouldContain(c.Name(5));
        var moved = doc.QuerySelectorAll("[data-testid=row]").Single(r => r.GetAttribute("data-mentor") == c.P(5).ToString());
        var mentee = int.Parse(moved.GetAttribute("data-mentee")!);

        var post = await curator.PostFormAsync("/Matching", "/Matching?handler=Transfer", new()
        {
            ["programId"] = c.ProgramId.ToString(), ["menteeId"] = mentee.ToString(), ["topicId"] = c.Topics["ICT-02"].ToString(), ["newMentorId"] = c.P(4).ToString(),
        });
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = Html.Parse(await curator.GetStringAsync("/Matching"));
        page.QuerySelector(".alert-success")!.TextContent.ShouldContain($"передана наставнику {c.Name(4)}");
        page.QuerySelector(".alert-success")!.TextContent.ShouldContain("уже 3 назначения при вместимости 3");
        page.QuerySelectorAll("[data-testid=row]").Single(r => r.GetAttribute("data-mentor") == c.P(5).ToString())
            .QuerySelector("[data-testid=state]")!.TextContent.ShouldBe("передано другому");

        var again = await RunAsync(curator, c);
        var lockedRow = again.QuerySelectorAll("[data-testid=row]").Single(r => r.GetAttribute("data-mentor") == c.P(4).ToString() && r.GetAttribute("data-mentee") == mentee.ToString());
        lockedRow.QuerySelector("[data-testid=state]")!.TextContent.ShouldBe("закреплено");
        again.QuerySelectorAll("[data-testid=row]").Count(r => r.GetAttribute("data-mentor") == c.P(4).ToString()).ShouldBe(3);
        again.QuerySelector("[data-testid=served]")!.TextContent.ShouldBe("6");

        // A mentor who does not offer the topic is refused and nothing is locked.
        var before = await app.WithDb(db => db.MatchDecisions.CountAsync(d => d.ProgramId == c.ProgramId));
        await curator.PostFormAsync("/Matching", "/Matching?handler=Transfer", new()
        {
            ["programId"] = c.ProgramId.ToString(), ["menteeId"] = c.P(1).ToString(), ["topicId"] = c.Topics["MET-01"].ToString(), ["newMentorId"] = c.P(2).ToString(),
        });
        (await app.WithDb(db => db.MatchDecisions.CountAsync(d => d.ProgramId == c.ProgramId))).ShouldBe(before);
    }

    [Fact]
    public async Task Teachers_are_refused_and_another_schools_curator_cannot_act_on_the_program()
    {
        var c = await SeedAsync();
        var teacher = await c.School.TeacherAsync(0);
        var get = await teacher.GetAsync("/Matching");
        get.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        get.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");

        var curator = await c.School.CuratorAsync();
        var doc = await RunAsync(curator, c);
        var runId = LatestRunId(doc);
        var other = await app.CuratorOfBAsync();
        var id = c.ProgramId.ToString();
        (await other.PostFormAsync("/Matching", "/Matching?handler=Run", new() { ["programId"] = id })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostFormAsync("/Matching", "/Matching?handler=Decide", new()
        {
            ["programId"] = id, ["menteeId"] = c.P(1).ToString(), ["topicId"] = c.Topics["MET-01"].ToString(), ["mentorId"] = c.P(0).ToString(), ["kind"] = "lock",
        })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostFormAsync("/Matching", "/Matching?handler=Transfer", new()
        {
            ["programId"] = id, ["menteeId"] = c.P(1).ToString(), ["topicId"] = c.Topics["MET-01"].ToString(), ["newMentorId"] = c.P(0).ToString(),
        })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostFormAsync("/Matching", "/Matching?handler=Approve", new() { ["programId"] = id, ["runId"] = runId.ToString(), ["confirm"] = "true" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.WithDb(db => db.MatchingRuns.CountAsync(r => r.ProgramId == c.ProgramId))).ShouldBe(1);
        (await app.WithDb(db => db.MatchDecisions.CountAsync(r => r.ProgramId == c.ProgramId))).ShouldBe(0);
        (await app.WithDb(db => db.MentoringPairs.CountAsync(r => r.ProgramId == c.ProgramId))).ShouldBe(0);
        // The other curator's page shows none of this school's people.
        (await other.GetStringAsync("/Matching")).ShouldNotContain(c.Name(0));
    }
}

[Collection("sqlite")] public sealed class MatchingPageTests_Sqlite(SqliteApp app) : MatchingPageTests(app);
[Collection("postgres")] public sealed class MatchingPageTests_Postgres(PostgresApp app) : MatchingPageTests(app);
