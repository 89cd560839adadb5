using Nastavnik.Matching.Tests.Support;
using Shouldly;

namespace Nastavnik.Matching.Tests;

/// <summary>Larger random problems: both network formulations against an independent shortest-path flow oracle.</summary>
public class CrossCheckTests
{
    [Fact]
    public void Both_formulations_match_a_shortest_path_oracle_on_mid_size_problems()
    {
        for (int seed = 1; seed <= 100; seed++)
        {
            var problem = RandomInstances.Create(seed, RandomInstances.Medium);
            long expected = ShortestPathOracle.Optimum(problem);
            foreach (var formulation in new[] { NetworkFormulation.Compact, NetworkFormulation.Direct })
            {
                var result = MatchingEngine.Solve(problem, new MatchingSettings { Formulation = formulation });
                result.Objective.ShouldBe(expected, $"seed {seed}, {formulation}");
                result.ShouldBeFeasible(problem, $"seed {seed}, {formulation}");
            }
        }
    }

    [Fact]
    public void Many_components_solved_in_parallel_give_the_same_result_as_one_thread()
    {
        var shape = RandomInstances.Medium with
        {
            MinTeachers = 2500,
            MaxTeachers = 2500,
            MinTopics = 20,
            MaxTopics = 20,
            Schools = 30,
            Districts = 6,
            RandomScope = false,
        };
        var problem = RandomInstances.Create(7, shape) with { Scope = MatchingScope.School };

        var parallel = MatchingEngine.Solve(problem, new MatchingSettings { MaxDegreeOfParallelism = 4 });
        var sequential = MatchingEngine.Solve(problem, new MatchingSettings { MaxDegreeOfParallelism = 1 });
        var direct = MatchingEngine.Solve(problem, new MatchingSettings { Formulation = NetworkFormulation.Direct });

        parallel.Statistics!.Components.ShouldBeGreaterThan(20);
        parallel.Assignments.ShouldBe(sequential.Assignments);
        parallel.Objective.ShouldBe(direct.Objective);
        parallel.ShouldBeFeasible(problem);
    }
}
