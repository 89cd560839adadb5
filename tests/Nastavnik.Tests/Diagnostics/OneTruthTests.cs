using System.Text.RegularExpressions;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;

namespace Nastavnik.Tests.Diagnostics;

/// <summary>
/// One definition per figure: «ответили N из M», potential mentors and deficits without a mentor are the same number on the home
/// page, the diagnostics page and the competency map; the diagnostics list is paged and filtered like the registry.
/// </summary>
public abstract class OneTruthTests(AppFixture app)
{
    private static readonly DateTime Sent = new(2026, 9, 10, 8, 0, 0, DateTimeKind.Utc);

    private static string Text(AngleSharp.Dom.IDocument doc, string testId) =>
        Regex.Replace(doc.QuerySelector($"[data-testid='{testId}']")?.TextContent ?? throw new ShouldAssertException($"no [data-testid={testId}]"), @"\s+", " ").Trim();

    [Fact]
    public async Task Home_diagnostics_and_the_map_say_the_same_answered_mentors_and_deficits_without_a_mentor()
    {
        // t0 sent the sheet; t1 saved a draft; t2 sent; t3 did nothing; t4 sent it once but has no consent now, so is not asked.
        var school = await app.NewSchoolAsync(teachers: 5, withoutConsent: 1);
        var (_, roundId) = await school.OpenRoundAsync();
        var topics = await school.TopicIdsAsync();
        await app.WithDb(db =>
        {
            int P(int i) => school.Teachers[i].PersonId;
            RoundResponse R(int i, bool sent) => new() { SchoolId = school.Id, RoundId = roundId, PersonId = P(i), SubmittedAt = sent ? Sent : null, UpdatedAt = Sent, UpdatedBy = "test" };
            db.RoundResponses.AddRange(R(0, true), R(1, false), R(2, true), R(4, true));
            db.Offers.AddRange(
                new Offer { SchoolId = school.Id, RoundId = roundId, PersonId = P(0), TopicId = topics["MET-01"], Level = 3 },
                new Offer { SchoolId = school.Id, RoundId = roundId, PersonId = P(1), TopicId = topics["ICT-01"], Level = 2 });
            db.Needs.AddRange(
                new Need { SchoolId = school.Id, RoundId = roundId, PersonId = P(0), TopicId = topics["ICT-01"], Priority = 2 },
                new Need { SchoolId = school.Id, RoundId = roundId, PersonId = P(1), TopicId = topics["MET-02"], Priority = 3 },
                new Need { SchoolId = school.Id, RoundId = roundId, PersonId = P(2), TopicId = topics["MET-01"], Priority = 1 });
            return db.SaveChangesAsync();
        });
        var curator = await school.CuratorAsync();

        var home = Html.Parse(await curator.GetStringAsync("/"));
        Text(home, "cycle-answered").ShouldStartWith("ответили 2 из 4 педагогов");
        Text(home, "cycle-uncovered").ShouldEndWith("без наставника: 1");
        Text(home, "cycle").ShouldContain("2 потенциальных наставника, 3 дефицита");

        var diagnostics = Html.Parse(await curator.GetStringAsync("/Diagnostics"));
        Text(diagnostics, "counts").ShouldStartWith("Ответили 2 из 4 педагогов");

        var map = Html.Parse(await curator.GetStringAsync("/Diagnostics/Map"));
        Text(map, "answered").ShouldBe("2");
        Text(map, "summary").ShouldContain("из 4 педагогов");
        Text(map, "mentors").ShouldBe("2");
        Text(map, "uncovered-count").ShouldBe("1");
        // Where the map counts more than «ответили» on purpose (a saved draft), it says so.
        Text(map, "figures-note").ShouldContain("в том числе 1 педагога, чья анкета ещё не отправлена");
        // The matching's list of needs left without a pair is a different figure, and its link says what it is.
        map.QuerySelector("[data-testid='unserved-link']")!.TextContent.Trim().ShouldBe("Что не закроет подбор пар");
    }

    [Fact]
    public async Task Diagnostics_lists_teachers_25_a_page_filters_by_department_and_offers_to_fill_in_only_for_those_who_have_not_answered()
    {
        var school = await app.NewSchoolAsync(teachers: 30);
        var (_, roundId) = await school.OpenRoundAsync();
        await app.WithDb(db =>
        {
            db.RoundResponses.Add(new RoundResponse { SchoolId = school.Id, RoundId = roundId, PersonId = school.Teachers[0].PersonId, SubmittedAt = Sent, UpdatedAt = Sent, UpdatedBy = "test" });
            return db.SaveChangesAsync();
        });
        var curator = await school.CuratorAsync();

        var first = Html.Parse(await curator.GetStringAsync("/Diagnostics"));
        first.QuerySelectorAll("[data-testid='answers-table'] tbody tr").Length.ShouldBe(25);
        Text(first, "found").ShouldBe("Найдено: 30 педагогов, показаны 1–25");
        Text(first, "page").ShouldBe("Страница 1 из 2");
        var second = Html.Parse(await curator.GetStringAsync("/Diagnostics?p=2"));
        second.QuerySelectorAll("[data-testid='answers-table'] tbody tr").Length.ShouldBe(5);

        var sciences = Html.Parse(await curator.GetStringAsync("/Diagnostics?dept=" + Uri.EscapeDataString("МО естественных наук")));
        sciences.QuerySelectorAll("[data-testid='answers-table'] tbody tr").Length.ShouldBe(15);
        sciences.QuerySelector("[data-testid='page']").ShouldBeNull();

        string Action(AngleSharp.Dom.IDocument doc, int teacher) =>
            doc.QuerySelector($"tr[data-person='{school.Teachers[teacher].PersonId}'] a[href^='/Diagnostics/Answer']")!.TextContent.Trim();
        var all = Html.Parse(await curator.GetStringAsync("/Diagnostics?q=" + Uri.EscapeDataString(school.Teachers[0].FullName)));
        Action(all, 0).ShouldBe("Посмотреть ответы");
        var other = Html.Parse(await curator.GetStringAsync("/Diagnostics?q=" + Uri.EscapeDataString(school.Teachers[1].FullName)));
        Action(other, 1).ShouldBe("Заполнить за педагога");
    }
}

[Collection("sqlite")] public sealed class OneTruthTests_Sqlite(SqliteApp app) : OneTruthTests(app);
[Collection("postgres")] public sealed class OneTruthTests_Postgres(PostgresApp app) : OneTruthTests(app);
