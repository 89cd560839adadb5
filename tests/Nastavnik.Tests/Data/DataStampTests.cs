using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Diagnostics;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Tests.Meetings;
using Nastavnik.Web.Data;

namespace Nastavnik.Tests.Data;

/// <summary>
/// The data stamp (DataStamps.cs) and the cache of pages built on it (ViewerCache.cs): every committed write of a school, however
/// it is made, changes what that school's viewers see at once; a read, a rolled-back write or another school's write does not; a
/// cached page is never served to another viewer.
/// </summary>
public abstract class DataStampTests(AppFixture app)
{
    private static async Task<long> VersionAsync(TestSchool school)
    {
        await using var scope = SignedInScope.Curator(school);
        return await scope.Get<AppDbContext>().DataVersionAsync();
    }

    [Fact]
    public async Task Every_committed_write_of_a_school_bumps_its_stamp_and_nothing_else_does()
    {
        var a = await app.NewSchoolAsync(teachers: 2);
        var b = await app.NewSchoolAsync(teachers: 2);
        var (a0, b0) = (await VersionAsync(a), await VersionAsync(b));

        await using (var scope = SignedInScope.Curator(a))
        {
            var db = scope.Get<AppDbContext>();
            // (the versions of school A are read through this scope: a second signed-in scope would end this one's sign-in)
            (await db.People.CountAsync()).ShouldBe(2);                     // a read
            (await db.DataVersionAsync()).ShouldBe(a0);

            var person = await db.People.FirstAsync();                     // a single-row save
            person.Position = "Учитель информатики";
            await db.SaveChangesAsync();
            var a1 = await db.DataVersionAsync();
            a1.ShouldBeGreaterThan(a0);

            await using (var tx = await db.Database.BeginTransactionAsync())  // a write rolled back
            {
                await db.People.Where(p => p.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Position, "Откат"));
                await tx.RollbackAsync();
            }
            (await db.DataVersionAsync()).ShouldBe(a1);

            await db.People.Where(p => p.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Position, "Учитель"));  // a bulk write
            (await db.DataVersionAsync()).ShouldBeGreaterThan(a1);
        }
        (await VersionAsync(b)).ShouldBe(b0);                              // another school's writes do not touch school B

        var beforeSystem = (await VersionAsync(a), await VersionAsync(b));
        await app.WithDb(async db =>                                       // system work (no school) may touch any school
        {
            var person = await db.People.FirstAsync(p => p.SchoolId == b.Id);
            person.Position = "Педагог-организатор";
            return await db.SaveChangesAsync();
        });
        (await VersionAsync(a)).ShouldBeGreaterThan(beforeSystem.Item1);
        (await VersionAsync(b)).ShouldBeGreaterThan(beforeSystem.Item2);
    }

    [Fact]
    public async Task The_cabinet_shows_a_change_at_once_and_each_teacher_only_their_own()
    {
        var c = await MeetingCase.SeedAsync(app);
        var mentee = await c.School.TeacherAsync(1);
        var third = await c.School.TeacherAsync(5);
        var before = Html.Parse(await mentee.GetStringAsync("/"));
        before.QuerySelector("[data-testid=cabinet-meetings]")!.TextContent.ShouldNotContain("Организационная встреча");
        (await mentee.GetStringAsync("/")).ShouldContain(c.School.Teachers[1].FullName);   // the second view comes from the cache

        var soon = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);
        (await c.As(0, m => m.PlanAsync(c.Pair, false, MeetingCase.Input(MeetingKind.Organizational, soon.Day, month: soon.Month, year: soon.Year), default))).Ok.ShouldBeTrue();

        var after = Html.Parse(await mentee.GetStringAsync("/"));
        after.QuerySelector("[data-testid=cabinet-meetings]")!.TextContent.ShouldContain("Организационная встреча");
        var other = await third.GetStringAsync("/");                       // same school, same moment, another viewer
        other.ShouldContain(c.School.Teachers[5].FullName);
        other.ShouldNotContain(c.School.Teachers[1].FullName);
        Html.Parse(other).QuerySelector("[data-testid=cabinet-meetings]")!.TextContent.ShouldNotContain("Организационная встреча");
    }

    [Fact]
    public async Task The_board_counts_a_pair_ended_early_at_once()
    {
        var c = await MeetingCase.SeedAsync(app);
        var curator = await c.School.CuratorAsync();
        string Ended(string page) => Html.Parse(page).QuerySelector("[data-testid=board-status-EndedEarly] .board-num")!.TextContent.Trim();
        Ended(await curator.GetStringAsync("/Pairs/Board")).ShouldBe("0");
        await app.WithDb(db => db.MentoringPairs.Where(p => p.Id == c.Pair)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PairStatus.EndedEarly).SetProperty(p => p.EndedAt, DateTime.UtcNow)));
        Ended(await curator.GetStringAsync("/Pairs/Board")).ShouldBe("1");
    }

    [Fact]
    public async Task The_registry_the_map_and_matching_show_a_change_at_once()
    {
        var rs = await app.SchoolWithOpenRoundAsync(teachers: 3, withoutConsent: 0);
        var curator = await rs.School.CuratorAsync();
        var teacher = rs.School.Teachers[1];
        for (var view = 0; view < 2; view++)                               // the second view of each page comes from the cache
        {
            (await curator.GetStringAsync("/Staff")).ShouldNotContain("Обновлённая");
            (await curator.GetStringAsync("/Diagnostics/Map")).ShouldNotContain(teacher.FullName);
            Html.Parse(await curator.GetStringAsync("/Matching")).QuerySelector("[data-testid=run-form]").ShouldBeNull();
        }

        // A teacher marks a need on their self-assessment (a write of the school through a page): the map lists it as a deficit
        // nobody covers, and matching has something to match.
        (await (await rs.School.TeacherAsync(1)).SaveTopicAsync(rs.TopicIds[0], priority: 3)).EnsureSuccessStatusCode();
        (await curator.GetStringAsync("/Diagnostics/Map")).ShouldContain(teacher.FullName);
        Html.Parse(await curator.GetStringAsync("/Matching")).QuerySelector("[data-testid=run-form]").ShouldNotBeNull();

        await app.WithDb(db => db.People.Where(p => p.Id == rs.School.Teachers[0].PersonId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastName, "Обновлённая")));
        (await curator.GetStringAsync("/Staff")).ShouldContain("Обновлённая");
    }
}

[Collection("sqlite")] public sealed class DataStampTests_Sqlite(SqliteApp app) : DataStampTests(app);
[Collection("postgres")] public sealed class DataStampTests_Postgres(PostgresApp app) : DataStampTests(app);
