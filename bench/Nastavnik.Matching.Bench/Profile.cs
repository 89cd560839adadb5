using System.Diagnostics;
using Nastavnik.Matching.Json;

namespace Nastavnik.Matching.Bench;

/// <summary>One run split into its phases: read+parse JSON, index+build networks, network simplex.</summary>
public static class Profile
{
    public static int Run(string instance, MatchingSettings settings, TextWriter output)
    {
        for (int round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            var problem = InstanceJson.Read(instance);
            var parse = clock.Elapsed;
            var result = MatchingEngine.Solve(problem, settings);
            var total = clock.Elapsed;
            var s = result.Statistics!;
            output.WriteLine(
                $"round {round}: objective {result.Objective}, served {result.NeedsServed}, " +
                $"total {total.TotalMilliseconds:0.0} ms = parse {parse.TotalMilliseconds:0.0} + solve {(total - parse).TotalMilliseconds:0.0} " +
                $"(build {s.BuildTime.TotalMilliseconds:0.0}, simplex {s.SolveTime.TotalMilliseconds:0.0} summed over components); " +
                $"components {s.Components}, nodes {s.Nodes}, arcs {s.Arcs}, pivots {s.Pivots}" +
                (result.Stable is { } st ? $"; stable {st.StableObjective} gap {st.Gap} ({st.GapPercent:0.00} %)" : ""));
        }
        return 0;
    }
}
