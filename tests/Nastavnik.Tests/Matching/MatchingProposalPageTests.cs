using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;

namespace Nastavnik.Tests.Matching;

/// <summary>
/// The proposal the curator sees is the one approved (a transfer included), as a curator does it on the page; reasons and lock issues
/// are written with names, also for runs stored by an earlier release.
/// </summary>
public abstract class MatchingProposalPageTests(AppFixture app)
{
    private static Task<HttpResponseMessage> Post(HttpClient client, string handler, Dictionary<string, string> fields) =>
        client.PostFormAsync("/Matching", "/Matching?handler=" + handler, fields);

    private static AngleSharp.Dom.IElement RowOf(AngleSharp.Dom.IDocument doc, int mentee, int topic) =>
        doc.QuerySelectorAll("[data-testid=row]").Single(r => r.GetAttribute("data-mentee") == mentee.ToString() && r.GetAttribute("data-topic") == topic.ToString());

    [Fact]
    public async Task Transfer_then_approve_stores_the_transferred_mentor()
    {
        var c = await MatchingCase.SeedAsync(app);
        // T5 offers MET-01 too: the urgent MET-01 need of T1 can move from T0 to T5.
        await app.WithDb(async db =>
        {
            var round = await db.DiagnosticsRounds.SingleAsync(r => r.ProgramId == c.ProgramId);
            db.Offers.Add(new Offer { SchoolId = c.School.Id, RoundId = round.Id, PersonId = c.P(5), TopicId = c.Topics["MET-01"], Level = 2 });
            return await db.SaveChangesAsync();
        });
        var curator = await c.School.CuratorAsync();
        var id = c.ProgramId.ToString();
        (await Post(curator, "Run", new() { ["programId"] = id })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var met = c.Topics["MET-01"];
        RowOf(Html.Parse(await curator.GetStringAsync("/Matching")), c.P(1), met).GetAttribute("data-mentor").ShouldBe(c.P(0).ToString());

        var transfer = await Post(curator, "Transfer", new()
        {
            ["programId"] = id, ["menteeId"] = c.P(1).ToString(), ["topicId"] = met.ToString(), ["newMentorId"] = c.P(5).ToString(),
        });
        transfer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = Html.Parse(await curator.GetStringAsync("/Matching"));
        // Names declined (issue 10, item 23): «педагога Петров Пётр Ильич передана наставнику Смирнов Сергей Юрьевич» before.
        page.QuerySelector(".alert-success")!.TextContent.ShouldContain("педагога Петрова Петра Ильича передана наставнику Смирнову Сергею Юрьевичу и закреплена");
        var moved = RowOf(page, c.P(1), met);
        moved.QuerySelector("[data-testid=state]")!.TextContent.ShouldBe("передано другому");
        moved.QuerySelector("[data-testid=moved-to]")!.TextContent.ShouldBe($"наставник: {c.Name(5)}");

        // «Утвердить пары» right away, without a re-run: the approved pair has the new mentor.
        var runId = page.QuerySelector("input[name=runId]")!.GetAttribute("value")!;
        (await Post(curator, "Approve", new() { ["programId"] = id, ["runId"] = runId })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var pair = await app.WithDb(db => db.MentoringPairs.SingleAsync(p => p.ProgramId == c.ProgramId && p.MenteeId == c.P(1) && p.TopicId == met));
        pair.MentorId.ShouldBe(c.P(5));
        (await app.WithDb(db => db.MentoringPairs.CountAsync(p => p.ProgramId == c.ProgramId))).ShouldBe(5);
        var approved = Html.Parse(await curator.GetStringAsync("/Matching"));
        approved.QuerySelectorAll("[data-testid=approved-row]").ShouldContain(r => r.TextContent.Contains(c.Name(5)) && r.TextContent.Contains(c.Name(1)));
        approved.QuerySelectorAll("[data-testid=approved-row]").ShouldNotContain(r => r.TextContent.Contains("Подготовка к конкурсам") && r.TextContent.Contains(c.Name(0)));

        // The same form again: nothing changes, and the page says so.
        (await Post(curator, "Approve", new() { ["programId"] = id, ["runId"] = runId })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Html.Parse(await curator.GetStringAsync("/Matching")).QuerySelector(".alert-success")!.TextContent.ShouldContain("Эти пары уже утверждены, изменений нет");
    }

    [Fact]
    public async Task A_refused_transfer_is_shown_as_an_error_and_locks_beyond_a_capacity_are_explained_with_names()
    {
        var c = await MatchingCase.SeedAsync(app);
        var curator = await c.School.CuratorAsync();
        var id = c.ProgramId.ToString();
        var ict = c.Topics["ICT-02"];
        await Post(curator, "Transfer", new() { ["programId"] = id, ["menteeId"] = c.P(1).ToString(), ["topicId"] = c.Topics["MET-01"].ToString(), ["newMentorId"] = c.P(2).ToString() });
        var refused = Html.Parse(await curator.GetStringAsync("/Matching"));
        refused.QuerySelector("[data-testid=error]")!.TextContent.ShouldBe($"{c.Name(2)} не предлагает тему «Подготовка к конкурсам профессионального мастерства»: выберите наставника из списка.");
        refused.QuerySelector(".alert-success").ShouldBeNull();

        // All four ICT-02 mentees locked to T4, who takes three: the fourth lock cannot hold.
        foreach (var i in Enumerable.Range(0, 4))
            await Post(curator, "Decide", new() { ["programId"] = id, ["menteeId"] = c.P(i).ToString(), ["topicId"] = ict.ToString(), ["mentorId"] = c.P(4).ToString(), ["kind"] = "lock" });
        await Post(curator, "Run", new() { ["programId"] = id });

        var page = Html.Parse(await curator.GetStringAsync("/Matching"));
        var issue = page.QuerySelector("[data-testid=lock-issues] li")!.TextContent;
        issue.ShouldStartWith("Превышена вместимость наставника Кузнецовой Ольги Андреевны по теме «");
        issue.ShouldEndWith(": не более 3 наставляемых.");
        issue.ShouldNotContain("#");
        (await app.WithDb(db => db.MatchingRuns.SingleAsync(r => r.ProgramId == c.ProgramId))).LockIssuesJson!.ShouldContain("\"OfferCapacityExceeded\"");
        var locked = page.QuerySelectorAll("[data-testid=row]").Where(r => r.GetAttribute("data-topic") == ict.ToString()).ToList();
        locked.Count.ShouldBe(3);
        locked.ShouldAllBe(r => r.QuerySelector("[data-testid=reasons]")!.TextContent.EndsWith("; закреплено куратором"));
    }

    [Fact]
    public async Task A_run_stored_by_an_earlier_release_still_shows_its_reasons_and_lock_issues()
    {
        var c = await MatchingCase.SeedAsync(app);
        // The JSON shapes of release 0008: a ready explanation per assignment, lock issues as Russian strings.
        var assignments = $$"""[{"MenteeId":{{c.P(1)}},"MentorId":{{c.P(0)}},"TopicId":{{c.Topics["MET-01"]}},"Score":375,"Priority":3,"Reverse":false,"Explanation":"закрывает дефицит «Конкурсы» (приоритет 3); уровень наставника 3"}]""";
        await app.WithDb(async db =>
        {
            var round = await db.DiagnosticsRounds.SingleAsync(r => r.ProgramId == c.ProgramId);
            db.MatchingRuns.Add(new MatchingRun
            {
                SchoolId = c.School.Id, ProgramId = c.ProgramId, RoundId = round.Id, CreatedBy = "old", Objective = 375, NeedsServed = 1, NeedsTotal = 8,
                AssignmentsJson = assignments, LockIssuesJson = """["Педагог Иванов Иван Петрович не может быть наставником самому себе."]""",
            });
            return await db.SaveChangesAsync();
        });
        var curator = await c.School.CuratorAsync();

        var page = Html.Parse(await curator.GetStringAsync("/Matching"));

        RowOf(page, c.P(1), c.Topics["MET-01"]).QuerySelector("[data-testid=reasons]")!.TextContent
            .ShouldBe("закрывает дефицит «Конкурсы» (приоритет 3); уровень наставника 3");
        page.QuerySelector("[data-testid=lock-issues] li")!.TextContent.ShouldBe("Педагог Иванов Иван Петрович не может быть наставником самому себе.");
        var runId = page.QuerySelector("input[name=runId]")!.GetAttribute("value")!;
        (await Post(curator, "Approve", new() { ["programId"] = c.ProgramId.ToString(), ["runId"] = runId })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDb(db => db.MentoringPairs.SingleAsync(p => p.ProgramId == c.ProgramId))).MentorId.ShouldBe(c.P(0));
    }
}

[Collection("sqlite")] public sealed class MatchingProposalPageTests_Sqlite(SqliteApp app) : MatchingProposalPageTests(app);
[Collection("postgres")] public sealed class MatchingProposalPageTests_Postgres(PostgresApp app) : MatchingProposalPageTests(app);
