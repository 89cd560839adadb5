using Shouldly;

namespace Nastavnik.Matching.Tests;

/// <summary>Every open need says why, from the most basic cause down.</summary>
public class UnservedNeedTests
{
    // Topics: 0 nobody offers; 1 only the mentee offers; 2 only another school offers; 3 only a
    // conflicting mentor offers; 4 the one mentor is taken by a more urgent need; 5, 6 for the load case.
    private static MatchingProblem Problem() => new()
    {
        Scope = MatchingScope.School,
        Participants =
        [
            new Participant(0, School: 0, District: 0, ExperienceYears: 10, Age: 35, MentorCapacity: 1, MaxMenteeLoad: 5),
            new Participant(1, 0, 0, 20, 45, 1, 0),
            new Participant(2, 0, 0, 20, 45, 1, 0),
            new Participant(3, 0, 0, 5, 30, 0, 1),
            new Participant(4, 0, 0, 5, 30, 0, 1),
            new Participant(5, 1, 0, 20, 45, 1, 0),
            new Participant(6, 0, 0, 20, 45, 2, 0),
        ],
        Topics = Enumerable.Range(0, 7).Select(t => new Topic(t, $"Тема {t}", false)).ToArray(),
        Offers =
        [
            new Offer(0, 1, 2, 1), new Offer(5, 2, 2, 1), new Offer(1, 3, 2, 1), new Offer(2, 4, 2, 1),
            new Offer(6, 5, 2, 2), new Offer(6, 6, 2, 2),
        ],
        Needs =
        [
            new Need(0, 0, 2), new Need(0, 1, 2), new Need(0, 2, 2), new Need(0, 3, 2), new Need(0, 4, 1),
            new Need(3, 4, 3), new Need(4, 5, 3), new Need(4, 6, 1),
        ],
        Conflicts = [new Conflict(0, 1)],
    };

    [Fact]
    public void Each_open_need_has_the_reason_that_explains_it()
    {
        var result = MatchingEngine.Solve(Problem());

        result.Assignments.Select(a => (a.Mentee, a.Topic, a.Mentor)).ShouldBe([(3, 4, 2), (4, 5, 6)]);
        result.UnservedNeeds.Select(u => (u.Mentee, u.Topic, u.Reason)).ShouldBe(
        [
            (0, 0, UnservedReason.NoOffer),
            (0, 1, UnservedReason.OnlySelfOffers),
            (0, 2, UnservedReason.OnlyOutsideScope),
            (0, 3, UnservedReason.OnlyConflictingMentors),
            (0, 4, UnservedReason.AllMentorsFull),
            (4, 6, UnservedReason.MenteeLoadReached),
        ]);
        result.UnservedNeeds.Single(u => u.Reason == UnservedReason.AllMentorsFull).FullMentors.ShouldBe([2]);
        result.UnservedNeeds.Where(u => u.Reason != UnservedReason.AllMentorsFull).ShouldAllBe(u => u.FullMentors.Count == 0);
    }

    [Fact]
    public void Reasons_are_codes_with_their_arguments_and_no_text()
    {
        var full = MatchingEngine.Solve(Problem()).UnservedNeeds.Single(u => u.Topic == 4);

        // The record holds the code and ids only: a host renders them with names, in its own language.
        (full.Mentee, full.Priority, full.Reason).ShouldBe((0, 1, UnservedReason.AllMentorsFull));
        full.FullMentors.ShouldBe([2]);
        typeof(UnservedNeed).GetProperties().ShouldNotContain(p => p.PropertyType == typeof(string));
        typeof(Assignment).GetProperties().ShouldNotContain(p => p.PropertyType == typeof(string));
        typeof(LockIssue).GetProperties().ShouldNotContain(p => p.PropertyType == typeof(string));
    }

    [Fact]
    public void In_a_wider_scope_the_other_school_mentor_serves_the_need()
    {
        var result = MatchingEngine.Solve(Problem() with { Scope = MatchingScope.District });

        result.Assignments.ShouldContain(a => a.Mentee == 0 && a.Topic == 2 && a.Mentor == 5);
        result.UnservedNeeds.ShouldNotContain(u => u.Reason == UnservedReason.OnlyOutsideScope);
    }
}
