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
    public void Assignment_carries_its_score_terms_and_a_russian_explanation()
    {
        var result = MatchingEngine.Solve(Problem());

        var a = result.Assignments.First();
        (a.Mentee, a.Topic, a.Mentor).ShouldBe((0, 0, 1));
        a.Score.ShouldBe(new ScoreBreakdown(Priority: 300, Level: 60, Preference: 50, SameSchool: 0, ReverseDigital: 25));
        a.Score.Total.ShouldBe(435);
        a.Reverse.ShouldBeTrue();
        a.Explanation.ShouldBe(
            "закрывает дефицит “Кейс-технология” (приоритет 3); уровень наставника 3; выбор наставляемого №1; реверсивное наставничество");
        result.Assignments.Last().Explanation.ShouldBe(
            "закрывает дефицит “Кейс-технология” (приоритет 2); уровень наставника 3; наставник из той же школы; реверсивное наставничество");
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
    public void Without_explain_only_assignments_and_scores_are_produced()
    {
        var result = MatchingEngine.Solve(Problem(), new MatchingSettings { Explain = false });

        result.Assignments.Count.ShouldBe(3);
        result.Assignments.ShouldAllBe(a => a.Explanation == "");
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
