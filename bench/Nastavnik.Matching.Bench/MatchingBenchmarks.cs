using BenchmarkDotNet.Attributes;
using Nastavnik.Matching.Json;

namespace Nastavnik.Matching.Bench;

/// <summary>What `nastavnik match` does, end to end: read and parse the file, build the networks, solve.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class EndToEnd
{
    // city uses its default scope, "district": each of the 18 districts is solved on its own.
    [Params("school", "district", "city")]
    public string Size { get; set; } = "school";

    private string _path = "";
    private static readonly MatchingSettings Settings = new() { Explain = false };

    [GlobalSetup]
    public void Setup() => _path = Instances.Ensure(Size);

    [Benchmark]
    public long ParseBuildSolve() => MatchingEngine.Solve(InstanceJson.Read(_path), Settings).Objective;
}

/// <summary>Where the time goes: parsing alone, solving alone (compact and direct networks), and the full result with explanations.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class Phases
{
    [Params("school", "district", "city")]
    public string Size { get; set; } = "school";

    private string _path = "";
    private MatchingProblem _problem = null!;

    [GlobalSetup]
    public void Setup()
    {
        _path = Instances.Ensure(Size);
        _problem = InstanceJson.Read(_path);
    }

    [Benchmark]
    public int Parse() => InstanceJson.Read(_path).Needs.Count;

    [Benchmark]
    public long SolveCompact() => MatchingEngine.Solve(_problem, new MatchingSettings { Explain = false }).Objective;

    [Benchmark]
    public long SolveDirect() =>
        MatchingEngine.Solve(_problem, new MatchingSettings { Explain = false, Formulation = NetworkFormulation.Direct }).Objective;

    [Benchmark]
    public long SolveCompactOneThread() =>
        MatchingEngine.Solve(_problem, new MatchingSettings { Explain = false, MaxDegreeOfParallelism = 1 }).Objective;

    [Benchmark]
    public int SolveWithExplanations() => MatchingEngine.Solve(_problem).UnservedNeeds.Count;

    [Benchmark]
    public long Stable() => MatchingEngine.Solve(_problem, new MatchingSettings { Explain = false, Mode = MatchingMode.Stable }).Objective;
}
