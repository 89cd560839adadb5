using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Monitoring;

/// <summary>The indicators of a program computed from the data (issue 13): implemented by the indicators slice.</summary>
public sealed class ProgramIndicators(AppDbContext db, TimeProvider clock)
{
    /// <summary>The program's indicators at <paramref name="asOf"/>; null when the program is not found (or not visible).</summary>
    public Task<ProgramIndicatorReport?> ComputeAsync(int programId, DateOnly asOf, CancellationToken ct) =>
        throw new NotImplementedException($"{db.GetType().Name} {clock.GetType().Name} {programId} {asOf} {ct.IsCancellationRequested}");
}
