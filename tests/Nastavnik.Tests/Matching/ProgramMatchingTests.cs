using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Features.Matching;

namespace Nastavnik.Tests.Matching;

/// <summary>Matching a program's round from the database: the command line and the page of needs nobody can serve.</summary>
public abstract class ProgramMatchingTests(AppFixture app)
{
    private Task<MatchingCase> SeedAsync(bool withRound = true) => MatchingCase.SeedAsync(app, withRound);

    [Fact]
    public async Task Match_program_solves_the_round_from_the_database_and_explains_what_stays_open()
    {
        var c = await SeedAsync();
        var outFile = Path.Combine(Path.GetTempPath(), $"match-{Guid.NewGuid():N}.json");
        var (code, output, error) = await app.WithDb(async db =>
        {
            using StringWriter o = new(), e = new();
            var rc = await ProgramMatchingCommand.RunAsync(new MatchingWorkflow(db, TimeProvider.System), c.ProgramId, stable: false, outFile, o, e);
            return (rc, o.ToString(), e.ToString());
        });
        code.ShouldBe(0, error);
        output.ShouldContain("Участников (с согласием, не в архиве): 6");
        output.ShouldContain("Закрыто дефицитов: 5 из 8");
        output.ShouldContain("срочно: 1 из 1");
        output.ShouldContain("важно: 1 из 2");
        output.ShouldContain("желательно: 3 из 5");
        output.ShouldContain($"Пара: {c.Name(0)} → {c.Name(1)}: Подготовка к конкурсам");
        output.ShouldContain($"Пара: {c.Name(1)} → {c.Name(0)}:");
        output.ShouldContain($"Группа: {c.Name(4)}");
        output.ShouldContain("Не закрыто дефицитов: 3.");
        output.ShouldContain($"{c.Name(2)} — «");
        output.ShouldContain("никто не предлагает тему");
        output.ShouldContain("предлагает только сам педагог");
        output.ShouldContain($"все наставники заняты: {c.Name(4)}");

        using (var json = JsonDocument.Parse(await File.ReadAllBytesAsync(outFile)))
        {
            json.RootElement.GetProperty("needs_served").GetInt32().ShouldBe(5);
            json.RootElement.GetProperty("assignments").GetArrayLength().ShouldBe(5);
            // 375 (MET-01: 300+60+15) + 255 (ICT-01: 200+40+15) + 3 × 155 (ICT-02: 100+40+15)
            json.RootElement.GetProperty("objective").GetInt64().ShouldBe(1095);
        }
        File.Delete(outFile);

        var stable = await app.WithDb(async db =>
        {
            using StringWriter o = new(), e = new();
            await ProgramMatchingCommand.RunAsync(new MatchingWorkflow(db, TimeProvider.System), c.ProgramId, stable: true, null, o, e);
            return o.ToString();
        });
        stable.ShouldContain("устойчивый подбор");
        stable.ShouldContain("Закрыто дефицитов: 5 из 8");

        var missing = await app.WithDb(async db =>
        {
            using StringWriter o = new(), e = new();
            var rc = await ProgramMatchingCommand.RunAsync(new MatchingWorkflow(db, TimeProvider.System), 987654, false, null, o, e);
            return (rc, e.ToString());
        });
        missing.rc.ShouldBe(2);
        missing.Item2.ShouldContain("Программа с id 987654 не найдена");
    }

    [Fact]
    public async Task Unserved_page_gives_each_open_need_its_reason_and_an_action_and_exports_them()
    {
        var c = await SeedAsync();
        var curator = await c.School.CuratorAsync();
        var doc = Html.Parse(await curator.GetStringAsync("/Matching/Unserved"));
        doc.QuerySelector("[data-testid=unserved-count]")!.TextContent.ShouldBe("3");
        var items = doc.QuerySelectorAll("[data-testid=unserved]").ToList();
        items.Count.ShouldBe(3);
        // One block per (reason, action) within a topic: the reason and the action once, the teachers under it.
        AngleSharp.Dom.IElement Block(string reason) => doc.QuerySelectorAll("[data-testid=reason-block]").Single(b => b.QuerySelector("[data-testid=reason]")!.TextContent.Contains(reason));
        string Teachers(AngleSharp.Dom.IElement block) => string.Join("|", block.QuerySelectorAll("[data-testid=teacher]").Select(t => t.TextContent));
        var psy = Block("Никто не предлагает тему");
        Teachers(psy).ShouldBe(c.Name(2));
        psy.QuerySelector("[data-testid=unserved]")!.TextContent.ShouldContain("желательно");
        psy.QuerySelector("[data-testid=action]")!.TextContent.ShouldContain("другой школе района");
        Teachers(Block("только сам педагог")).ShouldBe(c.Name(3));
        var full = Block("все наставники заняты");
        full.QuerySelector("[data-testid=reason]")!.TextContent.ShouldContain(c.Name(4));
        full.QuerySelector("[data-testid=action]")!.TextContent.ShouldContain("Увеличьте нагрузку этого наставника");
        full.QuerySelector("[data-testid=action]")!.TextContent.ShouldContain("групповое занятие или мастер-класс");
        new[] { c.Name(0), c.Name(1), c.Name(2), c.Name(3) }.ShouldContain(Teachers(full));
        doc.QuerySelectorAll("[data-testid=topic-group]").Length.ShouldBe(3);

        // Filter by the direction of the ICT-02 topic: one group left.
        var ictDir = await app.WithDb(db => db.Topics.Where(t => t.SchoolId == c.School.Id && t.Code == "ICT-02").Select(t => t.DirectionId).SingleAsync());
        var filtered = Html.Parse(await curator.GetStringAsync($"/Matching/Unserved?dir={ictDir}"));
        filtered.QuerySelectorAll("[data-testid=unserved]").Length.ShouldBe(1);

        var export = await curator.GetAsync("/Matching/Unserved?handler=Export");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var table = Nastavnik.Web.Files.TableFileReader.Read("x.xlsx", await export.Content.ReadAsByteArrayAsync());
        table.Headers.ShouldContain("Причина");
        table.Rows.Count.ShouldBe(3);
        string.Join("|", table.Rows.SelectMany(r => r.Cells)).ShouldContain("Никто не предлагает тему");

        // The map links here.
        (await curator.GetStringAsync("/Diagnostics/Map")).ShouldContain("/Matching/Unserved");
    }

    [Fact]
    public async Task Teachers_are_refused_and_another_schools_curator_sees_nothing_of_this_school()
    {
        var c = await SeedAsync();
        var teacher = await c.School.TeacherAsync(2);
        var refused = await teacher.GetAsync("/Matching/Unserved");
        refused.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        if (refused.StatusCode == HttpStatusCode.Redirect) refused.Headers.Location!.ToString().ShouldContain("AccessDenied");

        var other = await app.NewSchoolAsync(teachers: 1);
        var page = await (await other.CuratorAsync()).GetStringAsync("/Matching/Unserved");
        Html.Parse(page).QuerySelector("[data-testid=empty]").ShouldNotBeNull();
        page.ShouldNotContain(c.Name(2));
        page.ShouldNotContain(c.Name(4));
    }

    [Fact]
    public async Task Empty_states_say_what_is_missing()
    {
        var noRound = await SeedAsync(withRound: false);
        var page = Html.Parse(await (await noRound.School.CuratorAsync()).GetStringAsync("/Matching/Unserved"));
        page.QuerySelector("[data-testid=empty]")!.TextContent.ShouldContain("нет тура диагностики");
    }
}

[Collection("sqlite")] public sealed class ProgramMatchingTests_Sqlite(SqliteApp app) : ProgramMatchingTests(app);
[Collection("postgres")] public sealed class ProgramMatchingTests_Postgres(PostgresApp app) : ProgramMatchingTests(app);

/// <summary>The match command's arguments, checked by the executable's own entry point (in-process).</summary>
[Collection(CliCollection.Name)]
public sealed class MatchCommandArgumentTests
{
    private static async Task<(int Code, string Err)> Run(params string[] args)
    {
        using var cli = new CliInProcess(demo: false);
        var (code, _, err) = await cli.Run(args);
        return (code, err);
    }

    [Fact]
    public async Task Match_needs_exactly_one_of_instance_and_program()
    {
        var neither = await Run("match");
        neither.Code.ShouldBe(2);
        neither.Err.ShouldContain("Укажите ровно один источник");
        var both = await Run("match", "--instance", "x.json", "--program", "1");
        both.Code.ShouldBe(2);
        both.Err.ShouldContain("Укажите ровно один источник");
    }
}
