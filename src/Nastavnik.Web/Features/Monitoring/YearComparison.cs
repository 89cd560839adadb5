using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Monitoring;

/// <summary>One indicator this year beside last year's frozen value (null where that year had none).</summary>
public sealed record YearRow(string Code, string Name, string Unit, decimal? LastYear, decimal? ThisYear);

/// <summary>
/// The program beside the one it was copied from (<see cref="MentoringProgram.PreviousProgramId"/>), read from that program's latest
/// <see cref="IndicatorSnapshot"/> (the serialized <see cref="ProgramIndicatorReport"/>); indicators are matched by code, in this year's order.
/// </summary>
public sealed record YearComparison(string PreviousName, int PreviousYear, int ThisYear, IReadOnlyList<YearRow> Rows)
{
    /// <summary>Null when the program was not copied from another or the previous one has no snapshot.</summary>
    public static async Task<YearComparison?> LoadAsync(AppDbContext db, MentoringProgram program, ProgramIndicatorReport report, CancellationToken ct)
    {
        if (program.PreviousProgramId is not { } previousId) return null;
        var last = (await IndicatorSnapshots.ReadAsync(db, previousId, ct))?.Report;
        if (last?.Indicators is null) return null;
        var before = last.Indicators.GroupBy(i => i.Code).ToDictionary(g => g.Key, g => g.First());
        var rows = report.Indicators.Select(i => new YearRow(i.Code, i.Name, i.Unit, before.GetValueOrDefault(i.Code)?.Value, i.Value))
            .Concat(last.Indicators.Where(i => report.Indicators.All(r => r.Code != i.Code))
                .Select(i => new YearRow(i.Code, i.Name, i.Unit, i.Value, null)))
            .ToList();
        return new YearComparison(last.ProgramName, last.Year, report.Year, rows);
    }
}
