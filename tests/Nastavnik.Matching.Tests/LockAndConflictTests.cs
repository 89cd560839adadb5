using Shouldly;

namespace Nastavnik.Matching.Tests;

public class LockAndConflictTests
{
    // Mentee 0 needs topic 0 and ranks mentor 1 (level 3) first; mentor 2 (level 1) is the other choice.
    private static MatchingProblem Problem() => new()
    {
        Scope = MatchingScope.School,
        Participants =
        [
            new Participant(0, 0, 0, 10, 35, 0, 1),
            new Participant(1, 0, 0, 20, 45, 1, 0),
            new Participant(2, 0, 0, 20, 45, 1, 0),
            new Participant(3, 1, 0, 20, 45, 1, 0),
            new Participant(4, 0, 0, 10, 35, 0, 2),
        ],
        Topics = [new Topic(0, "Кейс-технология", false), new Topic(1, "Формирующее оценивание", false)],
        Offers = [new Offer(1, 0, 3, 1), new Offer(2, 0, 1, 1), new Offer(3, 0, 3, 1)],
        Needs = [new Need(0, 0, 3), new Need(4, 0, 2), new Need(4, 1, 2)],
        Preferences = [new Preference(0, [1])],
    };

    [Fact]
    public void Without_extras_the_best_mentor_serves_the_most_urgent_need()
    {
        var result = MatchingEngine.Solve(Problem());

        result.Assignments.Select(a => (a.Mentee, a.Mentor)).ShouldBe([(0, 1), (4, 2)]);
    }

    [Fact]
    public void A_lock_is_honoured_even_when_it_costs_weight_and_its_capacity_is_used()
    {
        var result = MatchingEngine.Solve(Problem() with { Locks = [new CuratorLock(0, 0, 2)] });

        var locked = result.Assignments.Single(a => a.Mentee == 0);
        locked.Mentor.ShouldBe(2);
        locked.Locked.ShouldBeTrue();
        (locked.NeedPriority, locked.MentorLevel, locked.PreferenceRank).ShouldBe((3, 1, 0));
        result.Assignments.Single(a => a.Mentee == 4).Mentor.ShouldBe(1);
        result.AllLocksHonoured.ShouldBeTrue();
    }

    [Fact]
    public void A_conflicting_pair_is_never_formed()
    {
        var result = MatchingEngine.Solve(Problem() with { Conflicts = [new Conflict(0, 1)] });

        result.Assignments.Select(a => (a.Mentee, a.Mentor)).ShouldBe([(0, 2), (4, 1)]);
    }

    [Fact]
    public void Infeasible_locks_are_reported_with_their_reason_and_the_rest_is_solved()
    {
        var problem = Problem() with
        {
            Conflicts = [new Conflict(4, 1)],
            Locks =
            [
                new CuratorLock(0, 0, 99),  // unknown mentor
                new CuratorLock(0, 1, 1),   // mentee 0 has no need on topic 1
                new CuratorLock(4, 1, 1),   // mentor 1 does not offer topic 1
                new CuratorLock(0, 0, 0),   // self
                new CuratorLock(0, 0, 3),   // other school, scope school
                new CuratorLock(4, 0, 1),   // conflict
                new CuratorLock(0, 0, 1),   // accepted
                new CuratorLock(0, 0, 2),   // need already locked
                new CuratorLock(4, 0, 1),   // conflict again (reported again)
            ],
        };

        var result = MatchingEngine.Solve(problem);

        result.LockIssues.Select(i => i.Kind).ShouldBe(
        [
            LockIssueKind.UnknownReference, LockIssueKind.NeedNotDeclared, LockIssueKind.MentorDoesNotOffer,
            LockIssueKind.SelfMentoring, LockIssueKind.OutsideScope, LockIssueKind.Conflict,
            LockIssueKind.NeedAlreadyLocked, LockIssueKind.Conflict,
        ]);
        result.LockIssues.Select(i => (i.Lock.Mentee, i.Lock.Topic, i.Lock.Mentor)).ShouldBe(
            [(0, 0, 99), (0, 1, 1), (4, 1, 1), (0, 0, 0), (0, 0, 3), (4, 0, 1), (0, 0, 2), (4, 0, 1)]);
        result.LockIssues.ShouldAllBe(i => i.Limit == 0);
        result.Assignments.Select(a => (a.Mentee, a.Mentor, a.Locked)).ShouldBe([(0, 1, true), (4, 2, false)]);
    }

    [Fact]
    public void Locks_beyond_a_capacity_are_reported_as_such()
    {
        var problem = Problem() with
        {
            Offers = [new Offer(1, 0, 3, 1), new Offer(1, 1, 3, 2), new Offer(2, 0, 1, 1)],
            Participants = [.. Problem().Participants.Take(4), new Participant(4, 0, 0, 10, 35, 0, 1)],
            Needs = [new Need(0, 0, 3), new Need(4, 0, 2), new Need(4, 1, 2)],
            Locks =
            [
                new CuratorLock(0, 0, 1),
                new CuratorLock(4, 0, 1),  // offer (1, topic 0) has capacity 1
                new CuratorLock(4, 1, 1),  // mentor 1 has capacity 1 in all
                new CuratorLock(4, 0, 2),  // accepted: mentee 4 load 1 now used
                new CuratorLock(4, 1, 2),  // mentor 2 does not offer topic 1
            ],
        };

        var result = MatchingEngine.Solve(problem);

        result.LockIssues.Select(i => (i.Kind, i.Limit)).ShouldBe(
            [(LockIssueKind.OfferCapacityExceeded, 1), (LockIssueKind.MentorCapacityExceeded, 1), (LockIssueKind.MentorDoesNotOffer, 0)]);
        result.Assignments.Select(a => (a.Mentee, a.Topic, a.Mentor)).ShouldBe([(0, 0, 1), (4, 0, 2)]);
        result.UnservedNeeds.Single().Reason.ShouldBe(UnservedReason.MenteeLoadReached);

        var overloaded = MatchingEngine.Solve(problem with { Locks = [new CuratorLock(4, 0, 1), new CuratorLock(4, 1, 1)] });
        overloaded.LockIssues.Single().ShouldBe(new LockIssue(new CuratorLock(4, 1, 1), LockIssueKind.MenteeLoadExceeded, Limit: 1));
    }
}
