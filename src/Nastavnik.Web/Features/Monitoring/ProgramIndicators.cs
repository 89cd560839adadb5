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

    /// <summary>
    /// This year's indicators beside the previous year's (the program this one was copied from): its snapshot, or — when it has none —
    /// its report computed on its last day. Rows are matched by code; null when the program is not found.
    /// </summary>
    public async Task<IndicatorComparison?> CompareAsync(int programId, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().Include(p => p.Indicators).ThenInclude(i => i.Targets).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return null;
        var today = clock.Today();
        var current = await ComputeAsync(program, today < program.EndDate ? today : program.EndDate, ct);
        ProgramIndicatorReport? previous = null;
        if (program.PreviousProgramId is { } previousId)
            previous = (await IndicatorSnapshots.ReadAsync(db, previousId, ct))?.Report
                ?? (await db.Programs.AsNoTracking().Where(p => p.Id == previousId).Select(p => (DateOnly?)p.EndDate).FirstOrDefaultAsync(ct) is { } end
                    ? await ComputeAsync(previousId, end, ct) : null);
        var before = previous?.Indicators.GroupBy(i => i.Code).ToDictionary(g => g.Key, g => g.First()) ?? [];
        var rows = current.Indicators.Select(i =>
        {
            var old = before.GetValueOrDefault(i.Code)?.Value;
            return new ComparedIndicator(i.Code, i.Name, i.Unit, i.Value, old, i.Value - old, i.Target, i.Status);
        }).ToList();
        return new IndicatorComparison(current, previous, rows);
    }

    /// <summary>The targets' year: the calendar year in which the school year of the day (within the program's dates) ends.</summary>
    public static int TargetYear(MentoringProgram program, DateOnly asOf) =>
        ProgramInput.SchoolYearEnd(asOf > program.EndDate ? program.EndDate : asOf < program.StartDate ? program.StartDate : asOf);
}

/// <summary>One indicator this year and last year: the values, the change, this year's target and status.</summary>
public sealed record ComparedIndicator(string Code, string Name, string Unit, decimal? Current, decimal? Previous, decimal? Change, decimal? Target, IndicatorStatus Status);

/// <summary>This year's report beside the previous program's (null when the program was not copied from one).</summary>
public sealed record IndicatorComparison(ProgramIndicatorReport Current, ProgramIndicatorReport? Previous, IReadOnlyList<ComparedIndicator> Rows);
