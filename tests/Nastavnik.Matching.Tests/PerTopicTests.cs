using Nastavnik.Matching.Json;
using Nastavnik.Matching.Tests.Support;
using Shouldly;

namespace Nastavnik.Matching.Tests;

/// <summary>Per-need preferences (Preference.Topic) and per-topic conflicts (Conflict.Topic).</summary>
public class PerTopicTests
{
    // Mentee 0 needs topics 0 and 1 (load 2). Mentors 1 and 2 both offer both topics at level 2, capacity 1 each
    // per topic and 2 in all, so nothing but the preference bonus decides which mentor takes which need.
    private static MatchingProblem Problem() => new()
    {
        Participants =
        [
            new Participant(0, 0, 0, 10, 35, 0, 2),
            new Participant(1, 0, 0, 20, 45, 2, 0),
            new Participant(2, 0, 0, 20, 45, 2, 0),
        ],
        Topics = [new Topic(0, "Кейс-технология", false), new Topic(1, "Формирующее оценивание", false)],
        Offers = [new Offer(1, 0, 2, 1), new Offer(1, 1, 2, 1), new Offer(2, 0, 2, 1), new Offer(2, 1, 2, 1)],
        Needs = [new Need(0, 0, 2), new Need(0, 1, 2)],
        Preferences = [new Preference(0, [1, 2])],
    };

    private static readonly MatchingSettings[] AllSettings =
    [
        new() { Formulation = NetworkFormulation.Compact },
        new() { Formulation = NetworkFormulation.Direct },
        new() { Mode = MatchingMode.Stable },
    ];

    [Fact]
    public void A_topic_list_overrides_the_mentee_wide_list_for_that_need_only()
    {
        // Mentee-wide: 1 then 2. For topic 1 only: 2 then 1. Topic 0 still follows the mentee-wide list.
        var problem = Problem() with { Preferences = [new Preference(0, [1, 2]), new Preference(0, [2, 1], Topic: 1)] };

        foreach (var settings in AllSettings)
        {
            var result = MatchingEngine.Solve(problem, settings);

            result.Assignments.Select(a => (a.Topic, a.Mentor, a.PreferenceRank)).ShouldBe([(0, 1, 1), (1, 2, 1)], settings.ToString());
            result.Objective.ShouldBe(2 * (200 + 40 + 50 + 15));
            result.ShouldBeFeasible(problem, settings.ToString());
        }
    }

    [Fact]
    public void A_topic_list_counts_even_where_the_mentee_wide_list_is_missing_and_an_empty_one_clears_it()
    {
        var onlyTopic = Problem() with { Preferences = [new Preference(0, [2], Topic: 0)] };
        var a = MatchingEngine.Solve(onlyTopic).Assignments;
        a.Single(x => x.Topic == 0).Mentor.ShouldBe(2);
        a.Single(x => x.Topic == 0).PreferenceRank.ShouldBe(1);
        a.Single(x => x.Topic == 1).PreferenceRank.ShouldBe(0);

        // An empty list for topic 0 means "no ranking for this need": mentor 1 is not rank 1 there any more.
        var cleared = MatchingEngine.Solve(Problem() with { Preferences = [new Preference(0, [1]), new Preference(0, [], Topic: 0)] });
        cleared.Objective.ShouldBe(2 * (200 + 40 + 15) + 50);
        cleared.Assignments.Single(x => x.Topic == 1).Mentor.ShouldBe(1);
    }

    [Fact]
    public void Repeated_lists_for_the_same_need_or_mentee_let_the_last_one_count()
    {
        var problem = Problem() with
        {
            Preferences = [new Preference(0, [2]), new Preference(0, [1], Topic: 0), new Preference(0, [1]), new Preference(0, [2], Topic: 0)],
        };

        var result = MatchingEngine.Solve(problem);

        result.Assignments.Select(a => (a.Topic, a.Mentor, a.PreferenceRank)).ShouldBe([(0, 2, 1), (1, 1, 1)]);
        result.ShouldBeFeasible(problem);
    }

    [Fact]
    public void A_topic_conflict_leaves_the_same_mentor_available_on_another_topic()
    {
        // Mentor 1 is everyone's first choice; the curator rejected mentor 1 for topic 0 only.
        var problem = Problem() with
        {
            Participants = [.. Problem().Participants.Take(2), new Participant(2, 0, 0, 20, 45, 1, 0)],
            Needs = [new Need(0, 0, 3), new Need(0, 1, 2)],
            Offers = [new Offer(1, 0, 3, 2), new Offer(1, 1, 3, 2), new Offer(2, 0, 1, 1), new Offer(2, 1, 1, 1)],
            Conflicts = [new Conflict(0, 1, Topic: 0)],
        };

        foreach (var settings in AllSettings)
        {
            var result = MatchingEngine.Solve(problem, settings);

            result.Assignments.Select(a => (a.Topic, a.Mentor)).ShouldBe([(0, 2), (1, 1)], settings.ToString());
            result.ShouldBeFeasible(problem, settings.ToString());
        }

        var everywhere = MatchingEngine.Solve(problem with { Conflicts = [new Conflict(0, 1)] });
        everywhere.Assignments.Select(a => (a.Topic, a.Mentor)).ShouldBe([(0, 2)]);
        everywhere.UnservedNeeds.Single().Reason.ShouldBe(UnservedReason.AllMentorsFull);
    }

    [Fact]
    public void A_topic_conflict_rejects_a_lock_on_that_topic_only_and_explains_an_open_need()
    {
        var problem = Problem() with
        {
            Conflicts = [new Conflict(0, 1, Topic: 0), new Conflict(0, 2, Topic: 0)],
            Locks = [new CuratorLock(0, 0, 1), new CuratorLock(0, 1, 1)],
        };

        var result = MatchingEngine.Solve(problem);

        result.LockIssues.Single().Kind.ShouldBe(LockIssueKind.Conflict);
        result.LockIssues.Single().Lock.ShouldBe(new CuratorLock(0, 0, 1));
        result.Assignments.Select(a => (a.Topic, a.Mentor, a.Locked)).ShouldBe([(1, 1, true)]);
        result.UnservedNeeds.Single().Reason.ShouldBe(UnservedReason.OnlyConflictingMentors);
    }

    [Fact]
    public void Json_round_trip_keeps_topics_of_preferences_and_conflicts_and_omits_absent_ones()
    {
        var problem = Problem() with
        {
            Preferences = [new Preference(0, [1, 2]), new Preference(0, [2], Topic: 1)],
            Conflicts = [new Conflict(0, 1, Topic: 0), new Conflict(0, 2)],
        };

        string json = InstanceJson.Serialize(problem);
        var again = InstanceJson.Parse(json);

        again.Preferences.Select(p => (p.Mentee, string.Join(",", p.Mentors), p.Topic))
            .ShouldBe([(0, "1,2", (int?)null), (0, "2", 1)]);
        again.Conflicts.ShouldBe(problem.Conflicts);
        json.ShouldContain("{\"mentee\":0,\"mentors\":[1,2]}");
        json.ShouldContain("{\"mentee\":0,\"mentors\":[2],\"topic\":1}");
        json.ShouldContain("{\"mentee\":0,\"mentor\":1,\"topic\":0}");
        json.ShouldContain("{\"mentee\":0,\"mentor\":2}");
        MatchingEngine.Solve(again).Objective.ShouldBe(MatchingEngine.Solve(problem).Objective);
    }

    [Fact]
    public void Instances_without_topics_write_back_byte_for_byte()
    {
        var small = InstanceJson.Read(Path.Combine("Instances", "small-seed1.json"));
        string once = InstanceJson.Serialize(small);

        once.ShouldNotContain("],\"topic\":");
        InstanceJson.Serialize(InstanceJson.Parse(once)).ShouldBe(once);
        small.Preferences.ShouldAllBe(p => p.Topic == null);
    }

    [Fact]
    public void Unknown_topic_in_a_preference_or_conflict_is_an_input_error()
    {
        Should.Throw<MatchingInputException>(() => MatchingEngine.Solve(Problem() with { Preferences = [new Preference(0, [1], Topic: 9)] }));
        Should.Throw<MatchingInputException>(() => MatchingEngine.Solve(Problem() with { Conflicts = [new Conflict(0, 1, Topic: 9)] }));
    }
}
