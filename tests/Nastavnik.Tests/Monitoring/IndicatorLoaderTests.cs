using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Features.Monitoring;

namespace Nastavnik.Tests.Monitoring;

/// <summary>The report of <see cref="IndicatorScenario"/> as the curator sees it, read from the database by the loader.</summary>
public abstract class IndicatorLoaderTests(AppFixture app)
{
    [Fact]
    public async Task The_small_program_has_the_numbers_worked_out_by_hand()
    {
        var scenario = await IndicatorScenario.SeedAsync(app);
        ProgramIndicatorReport report;
        await using (var s = SignedInScope.Curator(scenario.School))
            report = (await s.Get<ProgramIndicators>().ComputeAsync(scenario.ProgramId, IndicatorScenario.AsOf, default)).ShouldNotBeNull();
        report.Year.ShouldBe(2027);
        var byCode = report.Indicators.ToDictionary(i => i.Code);
        // The program's own indicators come first, in its order, with its names and targets.
        report.Indicators.Take(3).Select(i => i.Code).ShouldBe(["coverage", "satisfaction", "students"]);

        // t0, t1, t2 (live pairs), t3 (completed pair) of 5 working teachers; the pair ended early before the day does not count.
        (byCode["coverage"].Value, byCode["coverage"].Numerator, byCode["coverage"].Denominator, byCode["coverage"].Target, byCode["coverage"].Status)
            .ShouldBe((80.0m, 4m, 5m, 50m, IndicatorStatus.Met));
        byCode["coverage"].Name.ShouldBe("Охват педагогов");
        byCode["coverage"].Formula.ShouldBe("Доля педагогов в действующих или завершённых парах программы от всех работающих педагогов школы");
        // Needs t1·A and t2·A have a pair; t3·B's pair ended early.
        (byCode["deficits"].Numerator, byCode["deficits"].Denominator, byCode["deficits"].Value).ShouldBe((2m, 3m, 66.7m));
        // Live pairs: 1 and 2; only pair 1 had a held meeting in 01.11–30.11 (pair 2's in November is only planned).
        (byCode["recent_meetings"].Numerator, byCode["recent_meetings"].Denominator).ShouldBe((1m, 2m));
        byCode["meetings"].Value.ShouldBe(2m);
        (byCode["activities"].Value, byCode["lesson_visits"].Value, byCode["consultations"].Value).ShouldBe((1m, 1m, 1m));
        byCode["hours"].Value.ShouldBe(2.5m); // (60 + 45 + 45) / 60
        // 4 of 6 answers are 4 or 5: 66.7 % against 85 %.
        (byCode["satisfaction"].Value, byCode["satisfaction"].Status).ShouldBe((66.7m, IndicatorStatus.Below));
        byCode["growth"].Value.ShouldBe(1.6m); // 4.0 − 2.4
        (byCode["both_roles"].Numerator, byCode["both_roles"].Denominator).ShouldBe((1m, 4m));
        // Took part: t0, t1, t2 at meetings, t4 at the lesson visit.
        (byCode["engagement"].Numerator, byCode["engagement"].Denominator).ShouldBe((4m, 5m));
        // The external indicator: the value of 01.10 (the December one is later than the day).
        var students = byCode["students"];
        (students.External, students.Value, students.Target, students.Status, students.IndicatorId).ShouldBe((true, 60m, 70m, IndicatorStatus.Below, scenario.ExternalId));
    }
}

[Collection("sqlite")] public sealed class IndicatorLoaderTests_Sqlite(SqliteApp app) : IndicatorLoaderTests(app);
[Collection("postgres")] public sealed class IndicatorLoaderTests_Postgres(PostgresApp app) : IndicatorLoaderTests(app);
