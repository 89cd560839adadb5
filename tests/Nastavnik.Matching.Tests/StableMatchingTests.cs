using Nastavnik.Matching.Tests.Support;
using Shouldly;

namespace Nastavnik.Matching.Tests;

/// <summary>Deferred acceptance: feasible, never better than the optimum, and no contract blocks it.</summary>
public class StableMatchingTests
{
    private static readonly MatchingSettings Stable = new() { Mode = MatchingMode.Stable };

    [Fact]
    public void No_blocking_contract_on_random_problems()
    {
        for (int seed = 1; seed <= 1000; seed++)
        {
            var shape = seed % 3 == 0 ? RandomInstances.Medium : RandomInstances.Tiny;
            var problem = RandomInstances.Create(seed, shape) with { Locks = [] };

            var result = MatchingEngine.Solve(problem, Stable);

            result.ShouldBeFeasible(problem, $"seed {seed}");
            BlockingContract(problem, result).ShouldBeNull($"seed {seed}");
            var report = result.Stable.ShouldNotBeNull();
            report.StableObjective.ShouldBe(result.Objective);
            report.OptimalObjective.ShouldBe(MatchingEngine.Solve(problem).Objective, $"seed {seed}");
            report.Gap.ShouldBeGreaterThanOrEqualTo(0, $"seed {seed}");
        }
    }

    [Fact]
    public void Mentor_wanted_by_two_keeps_the_heavier_contract_and_the_other_goes_to_the_next_choice()
    {
        // Teachers 0 and 1 both rank mentor 2 first; mentor 2 takes one mentee, mentor 3 is the fallback.
        var problem = new MatchingProblem
        {
            Participants = [P(0), P(1), P(2, capacity: 1), P(3, capacity: 1)],
            Topics = [new Topic(0, "Кейс-технология", false)],
            Offers = [new Offer(2, 0, 3, 1), new Offer(3, 0, 1, 1)],
            Needs = [new Need(0, 0, 1), new Need(1, 0, 3)],
            Preferences = [new Preference(0, [2, 3]), new Preference(1, [2])],
        };

        var result = MatchingEngine.Solve(problem, Stable);

        result.Assignments.Select(a => (a.Mentee, a.Mentor)).ShouldBe([(0, 3), (1, 2)]);
        BlockingContract(problem, result).ShouldBeNull();
    }

    private static Participant P(int id, int capacity = 0) => new(id, 0, 0, 10, 35, capacity, 1);

    /// <summary>
    /// A contract outside the matching that the mentee's and the mentor's choice would both take when
    /// offered it next to what they hold. Mentee: needs by (priority desc, topic), then ranked mentors,
    /// then weight desc, then mentor id; at most one per need, L in all. Mentor: weight desc, then
    /// mentee, then topic; u per topic, U in all.
    /// </summary>
    internal static (int Mentee, int Topic, int Mentor)? BlockingContract(MatchingProblem problem, MatchingResult result)
    {
        var spec = new Spec(problem);
        var held = result.Assignments.Select(a => (a.Mentee, a.Topic, a.Mentor)).ToHashSet();
        foreach (var c in spec.Contracts().Where(c => c.Weight > 0))
        {
            var contract = (c.Mentee, c.Topic, c.Mentor);
            if (held.Contains(contract)) continue;
            var mine = held.Where(h => h.Mentee == c.Mentee).Append(contract)
                .OrderByDescending(h => spec.Needs[(h.Mentee, h.Topic)].Priority).ThenBy(h => h.Topic)
                .ThenBy(h => spec.Rank(h.Mentee, h.Topic, h.Mentor) is int r and > 0 ? r : int.MaxValue)
                .ThenByDescending(h => spec.Weight(h.Mentee, h.Topic, h.Mentor)).ThenBy(h => h.Mentor);
            var menteeTakes = new List<(int, int, int)>();
            foreach (var h in mine)
                if (menteeTakes.Count < spec.Teachers[c.Mentee].MaxMenteeLoad && menteeTakes.All(x => x.Item2 != h.Topic))
                    menteeTakes.Add(h);
            if (!menteeTakes.Contains(contract)) continue;

            var theirs = held.Where(h => h.Mentor == c.Mentor).Append(contract)
                .OrderByDescending(h => spec.Weight(h.Mentee, h.Topic, h.Mentor)).ThenBy(h => h.Mentee).ThenBy(h => h.Topic);
            var mentorTakes = new List<(int Mentee, int Topic, int Mentor)>();
            foreach (var h in theirs)
                if (mentorTakes.Count < spec.Teachers[c.Mentor].MentorCapacity
                    && mentorTakes.Count(x => x.Topic == h.Topic) < spec.Offers[(c.Mentor, h.Topic)].Capacity)
                    mentorTakes.Add(h);
            if (mentorTakes.Contains(contract)) return contract;
        }
        return null;
    }
}
