using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Monitoring;
using Nastavnik.Web.Features.Programs;

namespace Nastavnik.Tests.Monitoring;

/// <summary>
/// Year over year: completing a program freezes its indicators in the same save; the next year's program starts as its copy and is
/// compared with the snapshot.
/// </summary>
public abstract class YearOverYearTests(AppFixture app)
{
    [Fact]
    public async Task Completing_freezes_the_indicators_and_the_copy_for_next_year_is_compared_with_them()
    {
        var scenario = await IndicatorScenario.SeedAsync(app);
        var s = scenario.School.Id;
        await app.WithDb(async db =>
        {
            var stage = new RoadmapStage { SchoolId = s, ProgramId = scenario.ProgramId, Title = "Подготовительный", SortOrder = 1 };
            stage.Events.Add(new RoadmapEvent { SchoolId = s, ProgramId = scenario.ProgramId, Title = "Установочная встреча", StartDate = new(2026, 9, 10), DueDate = new(2026, 9, 10), Status = EventStatus.Done, Result = "Проведена" });
            db.RoadmapStages.Add(stage);
            db.Surveys.Add(new Survey { SchoolId = s, ProgramId = scenario.ProgramId, PairId = scenario.Pairs[0], PulseNumber = 1, Title = "Пульс", Kind = SurveyKind.Pulse, Status = SurveyStatus.Sent, CreatedBy = "test" });
            db.ProgramCurators.Add(new ProgramCurator { SchoolId = s, ProgramId = scenario.ProgramId, PersonId = scenario.School.Teachers[0].PersonId });
            await db.SaveChangesAsync();
            return 0;
        });

        await using (var scope = SignedInScope.Curator(scenario.School))
        {
            var db = scope.Get<AppDbContext>();
            var program = (await db.LoadForEditAsync(scenario.ProgramId, default))!;
            // Not completed yet: no copy.
            (await scope.Get<NextYearCommands>().CopyForNextYearAsync(scenario.ProgramId, default)).Error
                .ShouldBeRefusal(ErrorKind.Conflict, "Программу на следующий год создают из завершённой программы: сначала завершите эту.");
            var input = ProgramInput.From(program);
            input.Status = ProgramStatus.Completed;
            (await scope.Get<ProgramCommands>().SaveAsync(scenario.ProgramId, input, program.Version, null, default)).Error.ShouldBeNull();
        }
        var frozen = await app.WithDb(db => db.IndicatorSnapshots.Where(x => x.ProgramId == scenario.ProgramId).ToListAsync());
        var report = IndicatorSnapshots.Deserialize(frozen.ShouldHaveSingleItem().ValuesJson).ShouldNotBeNull();
        var today = DateOnly.FromDateTime(DateTime.Now);
        report.AsOf.ShouldBe(today < new DateOnly(2027, 6, 30) ? today : new DateOnly(2027, 6, 30));
        report.Indicators.Single(i => i.Code == "coverage").Value.ShouldBe(80.0m);
        report.Indicators.Single(i => i.Code == "students").External.ShouldBeTrue();

        MentoringProgram copy;
        await using (var scope = SignedInScope.Curator(scenario.School))
        {
            var r = await scope.Get<NextYearCommands>().CopyForNextYearAsync(scenario.ProgramId, default);
            r.Error.ShouldBeNull();
            copy = r.Value!;
            (await scope.Get<NextYearCommands>().CopyForNextYearAsync(scenario.ProgramId, default)).Error
                .ShouldBeRefusal(ErrorKind.Conflict, "Программа на следующий год уже создана: «Программа наставничества 2027/2028».");
        }
        await app.WithDb(async db =>
        {
            var p = await db.Programs.Include(x => x.Curators).Include(x => x.Indicators).ThenInclude(i => i.Targets)
                .Include(x => x.Stages).ThenInclude(st => st.Events).AsSplitQuery().SingleAsync(x => x.Id == copy.Id);
            (p.Name, p.StartDate, p.EndDate, p.Status, p.PreviousProgramId).ShouldBe(("Программа наставничества 2027/2028", new DateOnly(2027, 9, 1), new DateOnly(2028, 6, 30), ProgramStatus.Draft, (int?)scenario.ProgramId));
            p.Curators.Select(c => c.PersonId).ShouldBe([scenario.School.Teachers[0].PersonId]);
            p.Indicators.OrderBy(i => i.SortOrder).Select(i => i.Code).ShouldBe(["coverage", "satisfaction", "students"]);
            p.Indicators.Single(i => i.Code == "coverage").Targets.OrderBy(t => t.Year).Select(t => (t.Year, t.Value)).ShouldBe([(2027, 50m), (2028, 70m)]);
            var e = p.Stages.ShouldHaveSingleItem().Events.ShouldHaveSingleItem();
            (e.Title, e.StartDate, e.Status, e.Result).ShouldBe(("Установочная встреча", (DateOnly?)new DateOnly(2027, 9, 10), EventStatus.Planned, (string?)null));
            var surveys = await db.Surveys.Include(x => x.Questions).Where(x => x.ProgramId == copy.Id).ToListAsync();
            surveys.Select(x => x.Kind).Order().ShouldBe([SurveyKind.Entry, SurveyKind.Exit, SurveyKind.MenteeSatisfaction]); // not the pulse
            surveys.ShouldAllBe(x => x.Status == SurveyStatus.Draft && x.Questions.Count == 1);
            (await db.SurveyResponses.CountAsync(r => surveys.Select(x => x.Id).Contains(r.SurveyId))).ShouldBe(0);
            return 0;
        });

        await using (var scope = SignedInScope.Curator(scenario.School))
        {
            var db = scope.Get<AppDbContext>();
            var program = await db.Programs.AsNoTracking().SingleAsync(x => x.Id == copy.Id);
            var thisYear = (await scope.Get<ProgramIndicators>().ComputeNowAsync(copy.Id, default)).ShouldNotBeNull();
            var comparison = (await YearComparison.LoadAsync(db, program, thisYear, default)).ShouldNotBeNull();
            comparison.PreviousName.ShouldBe(await db.Programs.Where(x => x.Id == scenario.ProgramId).Select(x => x.Name).SingleAsync());
            var coverage = comparison.Rows.Single(r => r.Code == "coverage");
            (coverage.ThisYear, coverage.LastYear).ShouldBe((0m, 80.0m));
        }
    }

    [Theory]
    [InlineData("Программа наставничества 2025/2026", "Программа наставничества 2026/2027")]
    [InlineData("Наставничество 2025–2026 гг.", "Наставничество 2026–2027 гг.")]
    [InlineData("Школа молодого педагога", "Школа молодого педагога 2026/2027")]
    public void The_name_moves_on_a_school_year(string name, string next) =>
        NextYearCommands.NextName(name, new(2026, 9, 1), new(2027, 5, 31)).ShouldBe(next);
}

[Collection("sqlite")] public sealed class YearOverYearTests_Sqlite(SqliteApp app) : YearOverYearTests(app);
