using System.Net;
using System.Text.Json;
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
        // Tandems T0→T1 (MET-01) and T1→T0 (ICT-01); T4's three ICT-02 mentees are one group, not three pairs.
        doc.QuerySelector("[data-testid=tandems]")!.TextContent.ShouldBe("2 пары");
        doc.QuerySelector("[data-testid=groups]")!.TextContent.ShouldBe("1 группа");
        doc.QuerySelector("[data-testid=formation]")!.TextContent.ShouldContain("3 наставляемых в группах");
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
    public async Task Reject_removes_only_that_topic_and_the_same_mentor_stays_proposed_on_another_topic()
    {
        var c = await SeedAsync();
        // T0 also offers MET-02 (level 3, better than T3's level 2) and T1 needs it: T0 mentors T1 on MET-01 and MET-02.
        await app.WithDb(async db =>
        {
            var round = await db.DiagnosticsRounds.SingleAsync(r => r.ProgramId == c.ProgramId);
            db.Offers.Add(new Offer { SchoolId = c.School.Id, RoundId = round.Id, PersonId = c.P(0), TopicId = c.Topics["MET-02"], Level = 3 });
            db.Needs.Add(new Need { SchoolId = c.School.Id, RoundId = round.Id, PersonId = c.P(1), TopicId = c.Topics["MET-02"], Priority = 2 });
            return await db.SaveChangesAsync();
        });
        var curator = await c.School.CuratorAsync();
        var doc = await RunAsync(curator, c);
        Row(doc, c, mentor: 0, mentee: 1, "MET-01").ShouldNotBeNull();
        Row(doc, c, mentor: 0, mentee: 1, "MET-02").ShouldNotBeNull();

        await DecideAsync(curator, c, 1, "MET-01", 0, "reject");
        var marked = Html.Parse(await curator.GetStringAsync("/Matching"));
        marked.QuerySelector(".alert-success")!.TextContent.ShouldContain("по этой теме");
        Row(marked, c, 0, 1, "MET-01")!.QuerySelector("[data-testid=state]")!.TextContent.ShouldBe("отклонено");
        Row(marked, c, 0, 1, "MET-02")!.QuerySelector("[data-testid=state]")!.TextContent.ShouldBe("предложено");

        var again = await RunAsync(curator, c);
        Row(again, c, mentor: 0, mentee: 1, "MET-01").ShouldBeNull();
        Row(again, c, mentor: 0, mentee: 1, "MET-02").ShouldNotBeNull()
            .QuerySelector("[data-testid=state]")!.TextContent.ShouldBe("предложено");

        // Approving leaves out only the rejected (mentee, topic, mentor).
        await DecideAsync(curator, c, 1, "MET-02", 0, "reject");
        await DecideAsync(curator, c, 1, "MET-02", 0, "clear");
        var decisions = await app.WithDb(db => db.MatchDecisions.Where(d => d.ProgramId == c.ProgramId).ToListAsync());
        decisions.Single().TopicId.ShouldBe(c.Topics["MET-01"]);
    }

    [Fact]
    public async Task Filters_by_name_with_yo_as_ye_by_topic_and_urgency_keep_the_summary_of_the_whole_run()
    {
        var c = await SeedAsync();
        var curator = await c.School.CuratorAsync();
        var all = await RunAsync(curator, c);
        var withT0 = all.QuerySelectorAll("[data-testid=row]")
            .Count(r => r.GetAttribute("data-mentor") == c.P(0).ToString() || r.GetAttribute("data-mentee") == c.P(0).ToString());
        withT0.ShouldBeGreaterThan(1);
        c.Name(0).ShouldStartWith("Ёлкина");

        foreach (var q in new[] { "елкина", "ЁЛКИНА", "Ёлкина  Анна" })
        {
            var doc = Html.Parse(await curator.GetStringAsync("/Matching?q=" + Uri.EscapeDataString(q)));
            var rows = doc.QuerySelectorAll("[data-testid=row]");
            rows.Length.ShouldBe(withT0, q);
            rows.ShouldAllBe(r => r.GetAttribute("data-mentor") == c.P(0).ToString() || r.GetAttribute("data-mentee") == c.P(0).ToString());
            doc.QuerySelector("input[name=q]")!.GetAttribute("value").ShouldBe(q);
            doc.QuerySelector("[data-testid=served]")!.TextContent.ShouldBe("5");
            doc.QuerySelector("[data-testid=tandems]")!.TextContent.ShouldBe("2 пары");
        }
        // «Пётр» typed with «е»: T1's rows (as mentor or mentee).
        var petr = Html.Parse(await curator.GetStringAsync("/Matching?q=" + Uri.EscapeDataString("петр ильич")));
        petr.QuerySelectorAll("[data-testid=row]").ShouldNotBeEmpty();
        petr.QuerySelectorAll("[data-testid=row]").ShouldAllBe(r => r.GetAttribute("data-mentor") == c.P(1).ToString() || r.GetAttribute("data-mentee") == c.P(1).ToString());

        var ict = Html.Parse(await curator.GetStringAsync($"/Matching?topic={c.Topics["ICT-02"]}"));
        ict.QuerySelectorAll("[data-testid=row]").Length.ShouldBe(3);
        ict.QuerySelector($"select[name=topic] option[value='{c.Topics["ICT-02"]}']")!.HasAttribute("selected").ShouldBeTrue();
        var urgent = Html.Parse(await curator.GetStringAsync("/Matching?urgent=true"));
        urgent.QuerySelectorAll("[data-testid=row]").Select(r => r.GetAttribute("data-topic")).ShouldBe([c.Topics["MET-01"].ToString()]);
        urgent.QuerySelector("input[name=urgent]")!.HasAttribute("checked").ShouldBeTrue();
        var none = Html.Parse(await curator.GetStringAsync("/Matching?q=nobody"));
        none.QuerySelector("[data-testid=no-match]").ShouldNotBeNull();
        none.QuerySelector("[data-testid=served]")!.TextContent.ShouldBe("5");

        // A decision taken on a filtered view comes back to the same view.
        var post = await curator.PostFormAsync("/Matching?q=елкина", "/Matching?handler=Decide", new()
        {
            ["programId"] = c.ProgramId.ToString(), ["menteeId"] = c.P(1).ToString(), ["topicId"] = c.Topics["MET-01"].ToString(),
            ["mentorId"] = c.P(0).ToString(), ["kind"] = "lock", ["q"] = "елкина",
        });
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        post.Headers.Location!.ToString().ShouldContain("q=");
        Uri.UnescapeDataString(post.Headers.Location!.ToString()).ShouldContain("елкина");
    }

    private Task AddRunAsync(MatchingCase c, IReadOnlyList<ProposedAssignment> assignments) => app.WithDb(async db =>
    {
        var round = await db.DiagnosticsRounds.SingleAsync(r => r.ProgramId == c.ProgramId);
        db.MatchingRuns.Add(new MatchingRun
        {
            SchoolId = c.School.Id, ProgramId = c.ProgramId, RoundId = round.Id, CreatedBy = "test", Objective = assignments.Sum(a => a.Score),
            NeedsServed = assignments.Count, NeedsTotal = assignments.Count + 5, AssignmentsJson = JsonSerializer.Serialize(assignments),
        });
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_long_proposal_is_paged_by_50_with_the_filters_in_the_links()
    {
        var c = await SeedAsync();
        // 75 rows: mentees T0..T5 on 13 topics each, each mentee's mentor the next teacher; the first 60 urgent.
        var topics = c.Topics.Values.Order().Take(13).ToList();
        var rows = (from t in topics from i in Enumerable.Range(0, 6) select (i, t)).Take(75)
            .Select((x, k) => new ProposedAssignment(c.P(x.i), c.P((x.i + 1) % 6), x.t, 300, k < 60 ? 3 : 1, false, Explanation: "тест")).ToList();
        await AddRunAsync(c, rows);
        var curator = await c.School.CuratorAsync();

        var first = Html.Parse(await curator.GetStringAsync("/Matching"));
        first.QuerySelectorAll("[data-testid=row]").Length.ShouldBe(50);
        first.QuerySelector("[data-testid=served]")!.TextContent.ShouldBe("75");
        first.QuerySelector("[data-testid=shown]")!.TextContent.ShouldContain("Всего 75 строк");
        first.QuerySelector("[data-testid=next]")!.GetAttribute("href").ShouldBe("/Matching?p=2");
        var second = Html.Parse(await curator.GetStringAsync("/Matching?p=2"));
        var secondRows = second.QuerySelectorAll("[data-testid=row]");
        secondRows.Length.ShouldBe(25);
        second.QuerySelector("[data-testid=served]")!.TextContent.ShouldBe("75");
        second.QuerySelector("[data-testid=shown]")!.TextContent.ShouldContain("51–75");
        var key = (AngleSharp.Dom.IElement r) => (r.GetAttribute("data-mentee"), r.GetAttribute("data-topic"));
        first.QuerySelectorAll("[data-testid=row]").Select(key).Concat(secondRows.Select(key)).Distinct().Count().ShouldBe(75);
        Html.Parse(await curator.GetStringAsync("/Matching?p=9")).QuerySelectorAll("[data-testid=row]").Length.ShouldBe(25);

        var urgent = Html.Parse(await curator.GetStringAsync("/Matching?urgent=true"));
        urgent.QuerySelectorAll("[data-testid=row]").Length.ShouldBe(50);
        urgent.QuerySelector("[data-testid=next]")!.GetAttribute("href").ShouldBe("/Matching?urgent=true&p=2");
        var urgent2 = Html.Parse(await curator.GetStringAsync("/Matching?urgent=true&p=2"));
        urgent2.QuerySelectorAll("[data-testid=row]").Length.ShouldBe(10);
        urgent2.QuerySelector("[data-testid=prev]")!.GetAttribute("href").ShouldBe("/Matching?urgent=true");
        // The row forms carry the view so a decision returns to it.
        urgent2.QuerySelector("[data-testid=row] form input[name=p]")!.GetAttribute("value").ShouldBe("2");
        urgent2.QuerySelector("[data-testid=row] form input[name=urgent]")!.GetAttribute("value").ShouldBe("true");
    }

    [Fact]
    public async Task Summary_counts_tandems_and_groups_from_the_stored_run()
    {
        var c = await SeedAsync();
        ProposedAssignment A(int mentee, int mentor, string topic) => new(c.P(mentee), c.P(mentor), c.Topics[topic], 200, 2, false, Explanation: "тест");
        await AddRunAsync(c,
        [
            A(0, 4, "ICT-02"), A(1, 4, "ICT-02"), A(2, 4, "ICT-02"),  // a group of three
            A(0, 4, "MET-01"),                                       // T4–T0 alone on another topic: a tandem
            A(1, 0, "MET-02"), A(1, 0, "PSY-01"),                    // T0–T1 on two topics: one tandem
            A(3, 5, "ICT-01"), A(2, 5, "ICT-01"),                    // a group of two
        ]);
        var curator = await c.School.CuratorAsync();

        var doc = Html.Parse(await curator.GetStringAsync("/Matching"));

        doc.QuerySelector("[data-testid=tandems]")!.TextContent.ShouldBe("2 пары");
        doc.QuerySelector("[data-testid=groups]")!.TextContent.ShouldBe("2 группы");
        doc.QuerySelector("[data-testid=formation]")!.TextContent.ShouldContain("5 наставляемых в группах");
        doc.QuerySelectorAll("[data-testid=row]").Length.ShouldBe(8);

        var approve = await curator.PostFormAsync("/Matching", "/Matching?handler=Approve",
            new() { ["programId"] = c.ProgramId.ToString(), ["runId"] = LatestRunId(doc).ToString() });
        approve.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = Html.Parse(await curator.GetStringAsync("/Matching"));
        page.QuerySelector(".alert-success")!.TextContent.ShouldContain("Пары утверждены: 2 пары, 2 группы");
        page.QuerySelector("[data-testid=approved-note]")!.TextContent.ShouldContain("2 пары, 2 группы");
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
        page.ShouldContain("Пары утверждены: 1 пара, 1 группа");
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
        page.QuerySelector(".alert-success")!.TextContent.ShouldContain("передана наставнику Кузнецовой Ольге Андреевне");
        page.QuerySelector(".alert-success")!.TextContent.ShouldContain("уже 3 назначения при вместимости 3");
        // «её», not «его», for a woman (issue 10, item 23).
        page.QuerySelector(".alert-success")!.TextContent.ShouldContain("при повторном подборе её другие незакреплённые пары");
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
