using System.Diagnostics;

namespace Nastavnik.Matching.Engine;

/// <summary>Splits the residual problem into components and solves each exactly, in parallel when it pays.</summary>
internal static class OptimalSolver
{
    /// <summary>Below this many needs + offers in all, threads cost more than they save.</summary>
    private const int ParallelThreshold = 4000;

    public static List<(int Need, int Offer)> Solve(
        IndexedProblem p, Residual r, MatchingSettings settings, out SolveStatistics statistics)
    {
        var components = ComponentPlanner.Plan(p, r);
        bool compact = settings.Formulation == NetworkFormulation.Compact && CompactIsExact(p);
        var scratch = new Scratch(p);
        var results = new List<(int, int)>[components.Count];
        var nets = new (int Nodes, int Arcs, long Pivots, long BuildTicks, long SolveTicks)[components.Count];

        // Largest first, so a big component does not start last and leave a core idle.
        var order = Enumerable.Range(0, components.Count).OrderByDescending(i => components[i].Size).ThenBy(i => i).ToArray();
        void SolveOne(int k)
        {
            int i = order[k];
            long t0 = Stopwatch.GetTimestamp();
            var net = new ComponentNetwork(p, r, scratch, components[i], compact);
            long t1 = Stopwatch.GetTimestamp();
            net.Solve();
            results[i] = net.Decode();
            nets[i] = (net.NodeCount, net.ArcCount, net.Pivots, t1 - t0, Stopwatch.GetTimestamp() - t1);
        }

        int total = components.Sum(c => c.Size);
        if (settings.MaxDegreeOfParallelism > 1 && components.Count > 1 && total >= ParallelThreshold)
            Parallel.For(0, components.Count, new ParallelOptions { MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism }, SolveOne);
        else
            for (int k = 0; k < components.Count; k++) SolveOne(k);

        var all = new List<(int, int)>();
        foreach (var list in results) all.AddRange(list);
        statistics = new SolveStatistics(
            components.Count,
            nets.Length == 0 ? 0 : nets.Max(n => n.Nodes),
            nets.Sum(n => n.Nodes), nets.Sum(n => n.Arcs), nets.Sum(n => n.Pivots),
            TimeSpan.FromTicks(nets.Sum(n => n.BuildTicks) * TimeSpan.TicksPerSecond / Stopwatch.Frequency),
            TimeSpan.FromTicks(nets.Sum(n => n.SolveTicks) * TimeSpan.TicksPerSecond / Stopwatch.Frequency));
        return all;
    }

    /// <summary>Hub paths leave out pair bonuses, which is only safe (never over-counts) when those bonuses are not negative.</summary>
    private static bool CompactIsExact(IndexedProblem p) =>
        p.WSameSchool >= 0 && p.WReverseDigital >= 0 && p.WPreference.Skip(1).All(w => w >= 0);
}
