using Nastavnik.Matching.Json;
using Nastavnik.Matching.Tests.Support;
using Shouldly;

namespace Nastavnik.Matching.Tests;

/// <summary>
/// Property tests: many seeded random small problems (6–9 teachers, 3–4 topics, random scope, locks
/// and conflicts) against enumeration of every feasible assignment. A failing seed reproduces alone.
/// </summary>
public class OracleTests
{
    private const int Seeds = 2000;

    [Fact]
    public void Optimum_equals_brute_force_on_random_small_problems()
    {
        var seen = new Dictionary<string, int>();
        void Count(string what, bool when) { if (when) seen[what] = seen.GetValueOrDefault(what) + 1; }
        for (int seed = 1; seed <= Seeds; seed++)
        {
            var problem = RandomInstances.Create(seed, RandomInstances.Tiny);
            long expected = BruteForce.Optimum(problem);
            foreach (var formulation in new[] { NetworkFormulation.Compact, NetworkFormulation.Direct })
            {
                var result = MatchingEngine.Solve(problem, new MatchingSettings { Formulation = formulation });
                result.Objective.ShouldBe(expected, $"seed {seed}, {formulation}");
                result.ShouldBeFeasible(problem, $"seed {seed}, {formulation}");
                if (formulation == NetworkFormulation.Direct) continue;
                Count("scope " + problem.Scope, true);
                Count("lock honoured", result.Assignments.Any(a => a.Locked));
                Count("lock rejected", result.LockIssues.Count > 0);
                Count("conflict", result.UnservedNeeds.Any(u => u.Reason == UnservedReason.OnlyConflictingMentors)
                    || problem.Conflicts.Any(c => c.Mentee != c.Mentor));
                Count("topic preference ranks an assignment", result.Assignments.Any(a => a.PreferenceRank > 0
                    && problem.Preferences.Any(p => p.Mentee == a.Mentee && p.Topic == a.Topic)));
                Count("topic conflict removes a contract", problem.Conflicts.Any(c => c.Topic is { } t && c.Mentee != c.Mentor
                    && problem.Needs.Any(n => n.Mentee == c.Mentee && n.Topic == t)
                    && problem.Offers.Any(o => o.Mentor == c.Mentor && o.Topic == t)));
                Count("self offer", result.UnservedNeeds.Any(u => u.Reason == UnservedReason.OnlySelfOffers)
                    || problem.Needs.Any(n => problem.Offers.Any(o => o.Mentor == n.Mentee && o.Topic == n.Topic)));
                Count("mentors full", result.UnservedNeeds.Any(u => u.Reason == UnservedReason.AllMentorsFull));
                Count("five or more assignments", result.Assignments.Count >= 5);
            }
        }
        // The random problems must actually exercise what the oracle is meant to check.
        foreach (var what in new[] { "scope School", "scope District", "scope All", "lock honoured", "lock rejected",
                     "conflict", "topic preference ranks an assignment", "topic conflict removes a contract", "self offer", "mentors full", "five or more assignments" })
            seen.GetValueOrDefault(what).ShouldBeGreaterThan(Seeds / 10, what);
    }

    [Fact]
    public void Optimum_equals_brute_force_with_random_weights_some_negative()
    {
        for (int seed = 1; seed <= 500; seed++)
        {
            var rng = new Random(-seed);
            int[] Row(int lo, int hi) => [0, rng.Next(lo, hi), rng.Next(lo, hi), rng.Next(lo, hi)];
            var weights = new MatchingWeights(Row(-50, 300), Row(-20, 60), Row(-30, 50), rng.Next(-15, 30), rng.Next(-25, 40));
            var problem = RandomInstances.Create(seed, RandomInstances.Tiny) with { Weights = weights };
            long expected = BruteForce.Optimum(problem);
            foreach (var formulation in new[] { NetworkFormulation.Compact, NetworkFormulation.Direct })
            {
                var result = MatchingEngine.Solve(problem, new MatchingSettings { Formulation = formulation });
                result.Objective.ShouldBe(expected, $"seed {seed}, {formulation}, {weights}");
                result.ShouldBeFeasible(problem, $"seed {seed}, {formulation}");
            }
        }
    }

    [Fact]
    public void Optimum_does_not_depend_on_how_ids_are_numbered()
    {
        for (int seed = 1; seed <= 100; seed++)
        {
            var dense = RandomInstances.Create(seed, RandomInstances.Tiny);
            var sparse = RandomInstances.Create(seed, RandomInstances.Tiny with { ArbitraryIds = true });

            var result = MatchingEngine.Solve(sparse);

            result.Objective.ShouldBe(MatchingEngine.Solve(dense).Objective, $"seed {seed}");
            result.ShouldBeFeasible(sparse, $"seed {seed}");
        }
    }

    [Fact]
    public void Same_input_gives_the_same_result()
    {
        for (int seed = 1; seed <= 100; seed++)
        {
            var problem = RandomInstances.Create(seed, RandomInstances.Tiny);
            var first = MatchingEngine.Solve(problem);
            var again = MatchingEngine.Solve(InstanceJson.Parse(InstanceJson.Serialize(problem)));

            again.Assignments.ShouldBe(first.Assignments, $"seed {seed}");
            again.UnservedNeeds.Select(u => (u.Mentee, u.Topic, u.Reason, string.Join(",", u.FullMentors)))
                .ShouldBe(first.UnservedNeeds.Select(u => (u.Mentee, u.Topic, u.Reason, string.Join(",", u.FullMentors))), $"seed {seed}");
            again.Pairs.Select(p => (p.Mentor, p.Mentee, string.Join(",", p.Topics)))
                .ShouldBe(first.Pairs.Select(p => (p.Mentor, p.Mentee, string.Join(",", p.Topics))), $"seed {seed}");
        }
    }
}
