using Shouldly;

namespace Nastavnik.Matching.Tests;

/// <summary>Scores, explanations, pairs and groups as a curator sees them.</summary>
public class ExplanationTests
{
    // Mentor 1 (4 years) teaches digital topic 0 to mentees 0 and 2 (25 years, other school), and topic 1 to mentee 0.
    private static MatchingProblem Problem() => new()
    {
        Participants =
        [
            new Participant(0, 0, 0, 25, 50, 0, 2),
            new Participant(1, 1, 0, 4, 27, 3, 0),
            new Participant(2, 1, 0, 25, 50, 0, 1),
        ],
        Topics = [new Topic(0, "Кейс-технология", true), new Topic(1, "Работа с родителями", false)],
        Offers = [new Offer(1, 0, 3, 2), new Offer(1, 1, 2, 1)],
        Needs = [new Need(0, 0, 3), new Need(0, 1, 1), new Need(2, 0, 2)],
        Preferences = [new Preference(0, [1])],
    };

    [Fact]
    public void Assignment_carries_its_score_terms_and_the_facts_that_explain_it()
    {
        var result = MatchingEngine.Solve(Problem());

        var a = result.Assignments[0];
        (a.Mentee, a.Topic, a.Mentor).ShouldBe((0, 0, 1));
        a.Score.ShouldBe(new ScoreBreakdown(Priority: 300, Level: 60, Preference: 50, SameSchool: 0, ReverseDigital: 25));
        a.Score.Total.ShouldBe(435);
        a.Reverse.ShouldBeTrue();
        (a.NeedPriority, a.MentorLevel, a.PreferenceRank, a.SameSchool, a.ReverseDigital, a.Locked).ShouldBe((3, 3, 1, false, true, false));
        var last = result.Assignments[^1];
        (last.Mentee, last.Topic, last.Mentor).ShouldBe((2, 0, 1));
        (last.NeedPriority, last.MentorLevel, last.PreferenceRank, last.SameSchool, last.ReverseDigital, last.Locked).ShouldBe((2, 3, 0, true, true, false));
        // Mentee 0's second topic is not digital and not ranked: only priority and level speak for it.
        var plain = result.Assignments.Single(x => x.Topic == 1);
        (plain.NeedPriority, plain.MentorLevel, plain.PreferenceRank, plain.SameSchool, plain.ReverseDigital).ShouldBe((1, 2, 1, false, false));
    }

    [Fact]
    public void Pairs_collect_topics_and_groups_collect_mentees()
    {
        var result = MatchingEngine.Solve(Problem());

        result.Objective.ShouldBe(435 + (100 + 40 + 50) + (200 + 60 + 15 + 25));
        result.Pairs.Select(p => (p.Mentor, p.Mentee, string.Join(",", p.Topics))).ShouldBe([(1, 0, "0,1"), (1, 2, "0")]);
        var group = result.Groups.ShouldHaveSingleItem();
        (group.Mentor, group.Topic).ShouldBe((1, 0));
        group.Mentees.ShouldBe([0, 2]);
        result.UnservedNeeds.ShouldBeEmpty();
    }

    [Fact]
    public void Without_explain_only_assignments_and_their_facts_are_produced()
    {
        var result = MatchingEngine.Solve(Problem(), new MatchingSettings { Explain = false });

        result.Assignments.Count.ShouldBe(3);
        result.Assignments.ShouldBe(MatchingEngine.Solve(Problem()).Assignments);
        result.UnservedNeeds.ShouldBeEmpty();
        result.Pairs.ShouldBeEmpty();
        result.Groups.ShouldBeEmpty();
    }

    [Fact]
    public void Invalid_references_are_rejected_with_a_clear_message()
    {
        var bad = Problem() with { Needs = [new Need(7, 0, 3)] };
        Should.Throw<MatchingInputException>(() => MatchingEngine.Solve(bad)).Message.ShouldContain("Unknown participant 7");

        var badLevel = Problem() with { Offers = [new Offer(1, 0, 4, 1)] };
        Should.Throw<MatchingInputException>(() => MatchingEngine.Solve(badLevel)).Message.ShouldContain("level 4");
    }
}
