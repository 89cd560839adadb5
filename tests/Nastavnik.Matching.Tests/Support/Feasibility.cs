using Shouldly;

namespace Nastavnik.Matching.Tests.Support;

/// <summary>What must hold for every result, whatever the mode: C1–C4, scope, locks, conflicts, scores.</summary>
public static class Feasibility
{
    public static void ShouldBeFeasible(this MatchingResult result, MatchingProblem problem, string context = "")
    {
        var spec = new Spec(problem);
        foreach (var a in result.Assignments)
        {
            a.Mentor.ShouldNotBe(a.Mentee, $"{context}: nobody mentors themself");
            spec.Needs.ShouldContainKey((a.Mentee, a.Topic), $"{context}: assignment without a need");
            spec.Offers.ShouldContainKey((a.Mentor, a.Topic), $"{context}: assignment without an offer");
            spec.GroupOf(a.Mentee).ShouldBe(spec.GroupOf(a.Mentor), $"{context}: pair outside the scope {problem.Scope}");
            spec.IsConflict(a.Mentee, a.Topic, a.Mentor).ShouldBeFalse($"{context}: conflicting contract {a.Mentee}–{a.Mentor} on {a.Topic}");
            a.Score.ShouldBe(spec.Score(a.Mentee, a.Topic, a.Mentor), $"{context}: score of {a}");
        }
        result.Assignments.GroupBy(a => (a.Mentee, a.Topic)).ShouldAllBe(g => g.Count() == 1, $"{context}: C1 a need served twice");
        foreach (var g in result.Assignments.GroupBy(a => a.Mentee))
            g.Count().ShouldBeLessThanOrEqualTo(spec.Teachers[g.Key].MaxMenteeLoad, $"{context}: C2 mentee {g.Key} load");
        foreach (var g in result.Assignments.GroupBy(a => (a.Mentor, a.Topic)))
            g.Count().ShouldBeLessThanOrEqualTo(spec.Offers[g.Key].Capacity, $"{context}: C3 offer {g.Key} capacity");
        foreach (var g in result.Assignments.GroupBy(a => a.Mentor))
            g.Count().ShouldBeLessThanOrEqualTo(spec.Teachers[g.Key].MentorCapacity, $"{context}: C4 mentor {g.Key} capacity");

        result.Objective.ShouldBe(result.Assignments.Sum(a => (long)a.Score.Total), $"{context}: objective is the sum of weights");
        result.NeedsServed.ShouldBe(result.Assignments.Count);
        result.Assignments.ShouldBe(
            result.Assignments.OrderBy(a => a.Mentee).ThenBy(a => a.Topic).ToList(), $"{context}: assignments sorted");

        // Locks: exactly the spec's accepted ones are assigned (and flagged); the others are reported.
        var accepted = spec.AcceptedLocks();
        foreach (var l in accepted)
            result.Assignments.ShouldContain(a => a.Mentee == l.Mentee && a.Topic == l.Topic && a.Mentor == l.Mentor && a.Locked,
                $"{context}: lock {l} not honoured");
        result.Assignments.Count(a => a.Locked).ShouldBe(accepted.Count, $"{context}: locked assignments");
        result.LockIssues.Count.ShouldBe(problem.Locks.Count - accepted.Count, $"{context}: lock issues");
    }
}
