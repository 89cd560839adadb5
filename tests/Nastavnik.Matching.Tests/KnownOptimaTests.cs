using Nastavnik.Matching.Json;
using Nastavnik.Matching.Tests.Support;
using Shouldly;

namespace Nastavnik.Matching.Tests;

/// <summary>The optima published in docs/matching.md for generator instances committed under Instances/.</summary>
public class KnownOptimaTests
{
    public static TheoryData<string, long, NetworkFormulation> Cases => new()
    {
        { "small-seed1.json", 8855, NetworkFormulation.Compact },
        { "small-seed1.json", 8855, NetworkFormulation.Direct },
        { "school-seed1.json", 94975, NetworkFormulation.Compact },
        { "school-seed1.json", 94975, NetworkFormulation.Direct },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generator_instance_reaches_the_known_optimum(string file, long optimum, NetworkFormulation formulation)
    {
        var problem = InstanceJson.Read(Path.Combine("Instances", file));

        var result = MatchingEngine.Solve(problem, new MatchingSettings { Formulation = formulation });

        result.Objective.ShouldBe(optimum);
        result.ShouldBeFeasible(problem, file);
    }

    [Fact]
    public void Small_instance_optimum_agrees_with_brute_force_flow_oracle()
    {
        var problem = InstanceJson.Read(Path.Combine("Instances", "small-seed1.json"));

        ShortestPathOracle.Optimum(problem).ShouldBe(8855);
    }

    [Fact]
    public void Stable_matching_on_the_school_instance_reports_its_gap_to_the_optimum()
    {
        var problem = InstanceJson.Read(Path.Combine("Instances", "school-seed1.json"));

        var result = MatchingEngine.Solve(problem, new MatchingSettings { Mode = MatchingMode.Stable });

        var report = result.Stable.ShouldNotBeNull();
        report.OptimalObjective.ShouldBe(94975);
        report.StableObjective.ShouldBe(result.Objective);
        report.Gap.ShouldBe(94975 - result.Objective);
        report.GapPercent.ShouldBeInRange(0.5, 15, "docs/matching.md: a stable matching loses about 6–7 %");
        result.ShouldBeFeasible(problem);
    }
}
