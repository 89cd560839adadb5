using Nastavnik.Matching.Engine;

namespace Nastavnik.Matching;

/// <summary>Entry point of the matching engine.</summary>
public static class MatchingEngine
{
    /// <summary>
    /// Applies the curator's locks, removes conflicting pairs, and returns the optimal matching
    /// (or, in <see cref="MatchingMode.Stable"/>, the stable one with its gap to the optimum).
    /// Deterministic: the same problem and settings give the same result.
    /// </summary>
    /// <exception cref="MatchingInputException">Unknown ids, duplicates or out-of-range levels and priorities.</exception>
    public static MatchingResult Solve(MatchingProblem problem, MatchingSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        settings ??= MatchingSettings.Default;
        var p = new IndexedProblem(problem);
        var residual = new Residual(p);
        var issues = new List<LockIssue>();
        var locked = LockResolver.Apply(p, residual, issues);
        var optimal = OptimalSolver.Solve(p, residual, settings, out var statistics);
        if (settings.Mode != MatchingMode.Stable)
            return ResultBuilder.Build(p, locked, optimal, issues, settings, null, statistics);

        var stable = StableMatcher.Solve(p, residual);
        long lockedWeight = locked.Sum(c => (long)p.Weight(c.Need, c.Offer));
        var report = new StableReport(
            lockedWeight + stable.Sum(c => (long)p.Weight(c.Need, c.Offer)),
            lockedWeight + optimal.Sum(c => (long)p.Weight(c.Need, c.Offer)),
            locked.Count + optimal.Count);
        return ResultBuilder.Build(p, locked, stable, issues, settings, report, statistics);
    }
}
