using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;

namespace Nastavnik.Tests.Matching;

/// <summary>
/// The choice stage after the round table: the curator opens it, mentees rank mentors per need (seeing their portfolio), mentors
/// state capacity and decline topics, and the next matching run follows all of it. Built on <see cref="MatchingCase"/>, plus T5
/// offering MET-01 at level 1 with a portfolio item: without choices T0 (level 3) mentors T1 in MET-01; ranked first, T5 wins
/// (300 + 20 + 50 + 15 = 385 against 300 + 60 + 15 = 375).
/// </summary>
public abstract class ChoiceStageTests(AppFixture app)
{
    private const string Met = "MET-01";

    private async Task<MatchingCase> SeedAsync(bool open = true)
    {
        var c = await MatchingCase.SeedAsync(app);
        var roundId = await app.WithDb(db => db.DiagnosticsRounds.Where(r => r.ProgramId == c.ProgramId).Select(r => r.Id).SingleAsync());
        await app.WithDb(db =>
        {
            db.Offers.Add(new Offer { SchoolId = c.School.Id, RoundId = roundId, PersonId = c.P(5), TopicId = c.Topics[Met], Level = 1, Experience = "веду школьный конкурс «Учитель года»" });
            db.PortfolioItems.Add(new PortfolioItem
            {
                SchoolId = c.School.Id, PersonId = c.P(5), TopicId = c.Topics[Met], Title = "Как я готовилась к «Учителю года»",
                Description = "Конкурсное занятие, эссе и мастер-класс: план подготовки на три месяца.",
            });
            return db.SaveChangesAsync();
        });
        if (open)
        {
            var curator = await c.School.CuratorAsync();
            var post = await curator.PostFormAsync("/Matching/ChoiceStage", "/Matching/ChoiceStage?handler=Open",
                new() { ["deadline"] = DateTime.Today.AddDays(7).ToString("yyyy-MM-dd") });
            post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        return c;
    }

    private static Task<HttpResponseMessage> ChooseAsync(HttpClient client, MatchingCase c, string topic, int?[] mentors, string stamp = "", int? personId = null)
    {
        var url = "/Matching/ChoiceStage/Answer" + (personId is { } p ? $"?personId={p}" : "");
        var fields = new Dictionary<string, string> { ["topicId"] = c.Topics[topic].ToString(), ["stamp"] = stamp };
        for (var i = 0; i < mentors.Length; i++) fields[$"mentors[{i}]"] = mentors[i] is { } m ? c.P(m).ToString() : "";
        // The antiforgery token comes from the home page, so a crafted request for someone else's page still carries a valid one.
        return client.PostFormAsync("/", url.Contains('?') ? url + "&handler=Choice" : url + "?handler=Choice", fields);
    }

    private static async Task<string> ErrorAfterAsync(HttpClient client, HttpResponseMessage post, string page = "/Matching/ChoiceStage/Answer")
    {
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var doc = Html.Parse(await client.GetStringAsync(post.Headers.Location!.ToString().Split('#')[0] is { Length: > 0 } l ? l : page));
        return doc.QuerySelector("[data-testid=error]")?.TextContent ?? "";
    }

    private Task<List<int>> ChoicesAsync(MatchingCase c, int mentee, string topic) => app.WithDb(db => db.Choices
        .Where(x => x.MenteeId == c.P(mentee) && x.TopicId == c.Topics[topic]).OrderBy(x => x.Rank).Select(x => x.MentorId).ToListAsync());

    private static async Task<AngleSharp.Dom.IDocument> RunAsync(HttpClient curator, MatchingCase c)
    {
        (await curator.PostFormAsync("/Matching", "/Matching?handler=Run", new() { ["programId"] = c.ProgramId.ToString() }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return Html.Parse(await curator.GetStringAsync("/Matching"));
    }

    private static AngleSharp.Dom.IElement[] Rows(AngleSharp.Dom.IDocument doc, MatchingCase c, int mentee, string topic) =>
        doc.QuerySelectorAll("[data-testid=row]").Where(r => r.GetAttribute("data-mentee") == c.P(mentee).ToString()
            && r.GetAttribute("data-topic") == c.Topics[topic].ToString()).ToArray();

    [Fact]
    public async Task A_mentee_sees_the_mentors_of_each_need_with_their_portfolio_ranks_one_and_the_engine_follows_the_choice()
    {
        var c = await SeedAsync();
        var curator = await c.School.CuratorAsync();
        var before = Rows(await RunAsync(curator, c), c, mentee: 1, Met).ShouldHaveSingleItem();
        before.GetAttribute("data-mentor").ShouldBe(c.P(0).ToString());

        var t1 = await c.School.TeacherAsync(1);
        var home = Html.Parse(await t1.GetStringAsync("/"));
        home.QuerySelector("[data-testid=my-choice] a")!.GetAttribute("href").ShouldBe("/Matching/ChoiceStage/Answer");
        var page = Html.Parse(await t1.GetStringAsync("/Matching/ChoiceStage/Answer"));
        var card = page.QuerySelectorAll("[data-testid=need-card]").Single(n => n.Id == $"need-{c.Topics[Met]}");
        var candidates = card.QuerySelectorAll("[data-testid=candidate]");
        candidates.Select(x => x.QuerySelector("a")!.TextContent).ShouldBe([c.Name(0), c.Name(5)]); // level 3 first
        candidates[1].TextContent.ShouldContain("уровень 1");
        // Quotes inside quotes are „лапки“, never «…«…»…» (issue 10, item 23).
        candidates[1].TextContent.ShouldContain("«веду школьный конкурс „Учитель года“»");
        candidates[1].TextContent.ShouldNotContain("»»");
        candidates[1].QuerySelector("[data-testid=excerpt]")!.TextContent.ShouldContain("Как я готовилась к «Учителю года»: Конкурсное занятие, эссе");
        card.QuerySelector("[data-testid=chosen]")!.TextContent.ShouldContain("Выбор не сделан");
        // Nobody mentors themself: T1's own ICT-01 offer is not a candidate for anyone's… and T1 is not a candidate for T1.
        page.QuerySelectorAll("[data-testid=candidate] a").Select(a => a.TextContent).ShouldNotContain(c.Name(1));

        // Only T5: ranking T0 second would give T0 the rank-2 bonus (405) and T0 would rightly win.
        (await ChooseAsync(t1, c, Met, [null, 5, null])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ChoicesAsync(c, 1, Met)).ShouldBe([c.P(5)]);
        var after = Html.Parse(await t1.GetStringAsync("/Matching/ChoiceStage/Answer"));
        after.QuerySelector($"#need-{c.Topics[Met]} [data-testid=chosen]")!.TextContent.ShouldContain($"1. {c.Name(5)}");

        var run = await RunAsync(curator, c);
        run.QuerySelector("[data-testid=choice-stage]")!.TextContent.ShouldContain("учтён выбор по 1 теме из 8");
        var row = Rows(run, c, mentee: 1, Met).ShouldHaveSingleItem();
        row.GetAttribute("data-mentor").ShouldBe(c.P(5).ToString());
        row.QuerySelector("[data-testid=score]")!.TextContent.ShouldBe("385");
        row.QuerySelector("[data-testid=reasons]")!.TextContent.ShouldContain("выбор наставляемого №1");
    }

    [Fact]
    public async Task A_bad_or_stale_choice_is_refused_in_Russian_and_changes_nothing()
    {
        var c = await SeedAsync();
        var t1 = await c.School.TeacherAsync(1);
        (await ErrorAfterAsync(t1, await ChooseAsync(t1, c, Met, [5, 5]))).ShouldContain("один и тот же наставник выбран дважды");
        (await ErrorAfterAsync(t1, await ChooseAsync(t1, c, Met, [3]))).ShouldContain("не предлагает эту тему");
        (await ErrorAfterAsync(t1, await ChooseAsync(t1, c, "PSY-01", [6]))).ShouldContain("нет среди дефицитов");
        (await ChoicesAsync(c, 1, Met)).ShouldBeEmpty();

        // Two windows: the first saves T5; the second, loaded before, tries T0 and is refused.
        (await ChooseAsync(t1, c, Met, [5])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ErrorAfterAsync(t1, await ChooseAsync(t1, c, Met, [0], stamp: ""))).ShouldContain("уже изменён в другом окне");
        (await ChoicesAsync(c, 1, Met)).ShouldBe([c.P(5)]);
        // Saving on top of what was loaded works, and an empty form clears the choice.
        (await ChooseAsync(t1, c, Met, [0, 5], stamp: c.P(5).ToString())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ChoicesAsync(c, 1, Met)).ShouldBe([c.P(0), c.P(5)]);

        // Another teacher cannot choose for T1, even with a crafted request.
        var t2 = await c.School.TeacherAsync(2);
        (await t2.GetAsync($"/Matching/ChoiceStage/Answer?personId={c.P(1)}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var crafted = await ChooseAsync(t2, c, Met, [5], stamp: $"{c.P(0)},{c.P(5)}", personId: c.P(1));
        crafted.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ChoicesAsync(c, 1, Met)).ShouldBe([c.P(0), c.P(5)]);

        // Once the curator closes the stage, nothing changes any more.
        var curator = await c.School.CuratorAsync();
        var version = await app.WithDb(db => db.ChoiceStages.Where(s => s.ProgramId == c.ProgramId).Select(s => s.Version).SingleAsync());
        (await curator.PostFormAsync("/Matching/ChoiceStage", "/Matching/ChoiceStage?handler=Close", new() { ["version"] = version.ToString() }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ErrorAfterAsync(t1, await ChooseAsync(t1, c, Met, [5], stamp: $"{c.P(0)},{c.P(5)}"))).ShouldContain("закрыт");
        (await ChoicesAsync(c, 1, Met)).ShouldBe([c.P(0), c.P(5)]);
        Html.Parse(await t1.GetStringAsync("/Matching/ChoiceStage/Answer")).QuerySelectorAll("[data-testid=choice-form]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_mentors_capacity_and_declined_topic_bound_the_next_run()
    {
        var c = await SeedAsync();
        var curator = await c.School.CuratorAsync();
        var first = await RunAsync(curator, c);
        first.QuerySelectorAll("[data-testid=row]").Count(r => r.GetAttribute("data-mentor") == c.P(4).ToString()).ShouldBe(3);

        // T4 takes one mentee only; T0 declines MET-01 (T5 still offers it).
        var t4 = await c.School.TeacherAsync(4);
        var mentorForm = Html.Parse(await t4.GetStringAsync("/Matching/ChoiceStage/Answer")).QuerySelector("[data-testid=mentor-card]")!;
        mentorForm.QuerySelector("input[name=capacity]")!.GetAttribute("value").ShouldBe("3");
        (await ErrorAfterAsync(t4, await t4.PostFormAsync("/Matching/ChoiceStage/Answer", "/Matching/ChoiceStage/Answer?handler=Mentor",
            new() { ["capacity"] = "11", ["keep[0]"] = c.Topics["ICT-02"].ToString(), ["version"] = "0" }))).ShouldContain("от 0 до 10");
        (await t4.PostFormAsync("/Matching/ChoiceStage/Answer", "/Matching/ChoiceStage/Answer?handler=Mentor",
            new() { ["capacity"] = "1", ["keep[0]"] = c.Topics["ICT-02"].ToString(), ["version"] = "0" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // A second window still holding version 0 is refused.
        (await ErrorAfterAsync(t4, await t4.PostFormAsync("/Matching/ChoiceStage/Answer", "/Matching/ChoiceStage/Answer?handler=Mentor",
            new() { ["capacity"] = "5", ["keep[0]"] = c.Topics["ICT-02"].ToString(), ["version"] = "0" }))).ShouldContain("уже изменены в другом окне");
        (await app.WithDb(db => db.MentorAvailabilities.Where(a => a.PersonId == c.P(4)).Select(a => a.Capacity).SingleAsync())).ShouldBe(1);

        var t0 = await c.School.TeacherAsync(0);
        (await t0.PostFormAsync("/Matching/ChoiceStage/Answer", "/Matching/ChoiceStage/Answer?handler=Mentor", new() { ["capacity"] = "3", ["version"] = "0" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDb(db => db.DeclinedOffers.Where(d => d.PersonId == c.P(0)).Select(d => d.TopicId).ToListAsync())).ShouldBe([c.Topics[Met]]);
        var t1Page = Html.Parse(await (await c.School.TeacherAsync(1)).GetStringAsync("/Matching/ChoiceStage/Answer"));
        t1Page.QuerySelectorAll($"#need-{c.Topics[Met]} [data-testid=candidate] a").Select(a => a.TextContent).ShouldBe([c.Name(5)]);

        var run = await RunAsync(curator, c);
        run.QuerySelectorAll("[data-testid=row]").Count(r => r.GetAttribute("data-mentor") == c.P(4).ToString()).ShouldBe(1);
        Rows(run, c, mentee: 1, Met).ShouldHaveSingleItem().GetAttribute("data-mentor").ShouldBe(c.P(5).ToString());

        // The curator's summary of the stage shows both answers.
        var mentors = Html.Parse(await curator.GetStringAsync("/Matching/ChoiceStage?view=mentors"));
        var t4Row = mentors.QuerySelectorAll("[data-testid=mentors] tbody tr").Single(r => r.TextContent.Contains(c.Name(4)));
        t4Row.TextContent.ShouldContain("1 наставляемый");
        var t0Row = mentors.QuerySelectorAll("[data-testid=mentors] tbody tr").Single(r => r.TextContent.Contains(c.Name(0)));
        t0Row.TextContent.ShouldContain("Подготовка к конкурсам профессионального мастерства");
        mentors.QuerySelector("[data-testid=stat-declined]")!.TextContent.ShouldContain("1");
    }

    [Fact]
    public async Task The_curator_follows_the_stage_and_enters_a_paper_choice_on_a_teachers_behalf()
    {
        var c = await SeedAsync();
        var curator = await c.School.CuratorAsync();
        var summary = Html.Parse(await curator.GetStringAsync("/Matching/ChoiceStage"));
        summary.QuerySelector("[data-testid=stage-state]")!.TextContent.ShouldContain("выбор открыт");
        summary.QuerySelector("[data-testid=stat-chosen]")!.TextContent.ShouldContain("0 из 4");

        var onBehalf = Html.Parse(await curator.GetStringAsync($"/Matching/ChoiceStage/Answer?personId={c.P(1)}"));
        onBehalf.QuerySelector("[data-testid=on-behalf]")!.TextContent.ShouldContain("за педагога Петрова Петра Ильича"); // Петров Пётр Ильич, declined
        (await ChooseAsync(curator, c, Met, [5], personId: c.P(1))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDb(db => db.Choices.Where(x => x.MenteeId == c.P(1)).Select(x => x.UpdatedBy).SingleAsync())).ShouldBe(c.School.Curator);

        var after = Html.Parse(await curator.GetStringAsync("/Matching/ChoiceStage"));
        after.QuerySelector("[data-testid=stat-chosen]")!.TextContent.ShouldContain("1 из 4");
        var pending = Html.Parse(await curator.GetStringAsync("/Matching/ChoiceStage?pending=true"));
        pending.QuerySelector("[data-testid=mentees]")!.TextContent.ShouldNotContain(c.Name(1));
        pending.QuerySelector("[data-testid=mentees]")!.TextContent.ShouldContain(c.Name(0));
        // Search ignores ё/е and case.
        var search = Html.Parse(await curator.GetStringAsync("/Matching/ChoiceStage?q=" + Uri.EscapeDataString(c.Name(2).Split(' ')[0].ToUpperInvariant())));
        search.QuerySelectorAll("[data-testid=mentees] tbody tr").Length.ShouldBe(1);

        // A teacher has no access to the stage's summary.
        (await (await c.School.TeacherAsync(0)).GetAsync("/Matching/ChoiceStage")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Before_the_curator_opens_it_a_teacher_is_told_what_comes_and_cannot_save()
    {
        var c = await SeedAsync(open: false);
        var t1 = await c.School.TeacherAsync(1);
        Html.Parse(await t1.GetStringAsync("/Matching/ChoiceStage/Answer")).QuerySelector("[data-testid=no-stage]").ShouldNotBeNull();
        (await ErrorAfterAsync(t1, await ChooseAsync(t1, c, Met, [5]))).ShouldContain("не проводится");
        (await ChoicesAsync(c, 1, Met)).ShouldBeEmpty();
        // A teacher without consent is not offered the stage at all.
        var t6 = await c.School.TeacherAsync(6);
        Html.Parse(await t6.GetStringAsync("/Matching/ChoiceStage/Answer")).QuerySelector("[data-testid=blocked]")!.TextContent.ShouldContain("нет согласия");
    }

    [Fact]
    public async Task After_approval_the_mentor_sees_the_mentees_need_and_the_mentee_their_mentor_on_the_home_page()
    {
        var c = await SeedAsync(open: false);
        await app.WithDb(async db =>
        {
            var need = await db.Needs.SingleAsync(n => n.PersonId == c.P(1) && n.TopicId == c.Topics[Met]);
            need.Comment = "готовлюсь к муниципальному этапу";
            db.MentoringPairs.Add(new MentoringPair { SchoolId = c.School.Id, ProgramId = c.ProgramId, MentorId = c.P(0), MenteeId = c.P(1), TopicId = c.Topics[Met], ApprovedBy = "test" });
            return await db.SaveChangesAsync();
        });
        var mentorHome = Html.Parse(await (await c.School.TeacherAsync(0)).GetStringAsync("/"));
        var mentees = mentorHome.QuerySelector("[data-testid=my-mentees]")!.TextContent;
        mentees.ShouldContain(c.Name(1));
        mentees.ShouldContain("срочно");
        mentees.ShouldContain("готовлюсь к муниципальному этапу");
        Html.Parse(await (await c.School.TeacherAsync(1)).GetStringAsync("/")).QuerySelector("[data-testid=my-mentors]")!.TextContent.ShouldContain(c.Name(0));
        // Another teacher sees neither the pair's need nor a mentor's list.
        var other = await (await c.School.TeacherAsync(2)).GetStringAsync("/");
        other.ShouldNotContain("готовлюсь к муниципальному этапу");
    }

    [Fact]
    public async Task The_old_urls_of_the_choice_stage_redirect_to_its_one_name_with_their_query()
    {
        var c = await SeedAsync();
        var curator = await c.School.CuratorAsync();
        var teacher = await c.School.TeacherAsync(1);
        foreach (var (client, old, now) in new[]
        {
            (curator, "/Matching/Preferences?view=mentors", "/Matching/ChoiceStage?view=mentors"),
            (curator, $"/Matching/Choice?personId={c.P(1)}", $"/Matching/ChoiceStage/Answer?personId={c.P(1)}"),
            (teacher, "/Matching/Choice", "/Matching/ChoiceStage/Answer"),
        })
        {
            var response = await client.GetAsync(old);
            response.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently, old);
            response.Headers.Location!.ToString().ShouldBe(now);
            Html.Parse(await client.GetStringAsync(now)).QuerySelector("h1")!.TextContent.ShouldBe("Выбор наставников");
        }
    }
}

[Collection("sqlite")] public sealed class ChoiceStageTests_Sqlite(SqliteApp app) : ChoiceStageTests(app);
[Collection("postgres")] public sealed class ChoiceStageTests_Postgres(PostgresApp app) : ChoiceStageTests(app);
