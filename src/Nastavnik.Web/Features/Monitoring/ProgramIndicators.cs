using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Programs;

namespace Nastavnik.Web.Features.Monitoring;

/// <summary>
/// The indicators of a program computed from the data (issue 13): the facts are read by <see cref="IndicatorFactsLoader"/>, the values by
/// <see cref="IndicatorFormulas"/>, mapped to the program's indicators and this year's targets by <see cref="IndicatorCatalog"/>.
/// </summary>
public sealed class ProgramIndicators(AppDbContext db, TimeProvider clock)
{
    /// <summary>The program's indicators at <paramref name="asOf"/>; null when the program is not found (or not visible).</summary>
    public async Task<ProgramIndicatorReport?> ComputeAsync(int programId, DateOnly asOf, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().Include(p => p.Indicators).ThenInclude(i => i.Targets).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == programId, ct);
        return program is null ? null : await ComputeAsync(program, asOf, ct);
    }

    /// <summary>The indicators of a loaded program (with its indicators and targets).</summary>
    public async Task<ProgramIndicatorReport> ComputeAsync(MentoringProgram program, DateOnly asOf, CancellationToken ct)
    {
        var year = TargetYear(program, asOf);
        var named = program.Indicators.OrderBy(i => i.SortOrder).ThenBy(i => i.Id)
            .Select(i => new NamedIndicator(i.Id, i.Code, i.Name, i.Unit, i.Targets.FirstOrDefault(t => t.Year == year)?.Value))
            .ToList();
        var facts = await IndicatorFactsLoader.LoadAsync(db, program, asOf, ct);
        return new ProgramIndicatorReport(program.Id, program.Name, year, asOf, IndicatorCatalog.Build(facts, named));
    }

    /// <summary>Today's report (the school's date).</summary>
    public Task<ProgramIndicatorReport?> ComputeNowAsync(int programId, CancellationToken ct) => ComputeAsync(programId, clock.Today(), ct);

    /// <summary>The targets' year: the calendar year in which the school year of the day (within the program's dates) ends.</summary>
    public static int TargetYear(MentoringProgram program, DateOnly asOf) =>
        ProgramInput.SchoolYearEnd(asOf > program.EndDate ? program.EndDate : asOf < program.StartDate ? program.StartDate : asOf);
}
