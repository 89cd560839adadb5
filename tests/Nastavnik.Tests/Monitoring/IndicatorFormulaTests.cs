using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Monitoring;

namespace Nastavnik.Tests.Monitoring;

/// <summary>Every formula of the indicators on hand-built facts with answers worked out by hand.</summary>
public sealed class IndicatorFormulaTests
{
    private static readonly DateOnly Day = new(2027, 3, 31);

    private static PairFact Pair(int id, int mentor, int mentee, int topic = 1, PairStatus status = PairStatus.Active, DateOnly? approved = null, DateOnly? ended = null) =>
        new(id, mentor, mentee, topic, status, approved ?? new(2026, 9, 15), ended);

    private static IndicatorFacts Facts(params PairFact[] pairs) => new() { AsOf = Day, ActiveTeachers = Enumerable.Range(1, 10).ToHashSet(), Pairs = pairs };

    [Fact]
    public void Coverage_counts_working_teachers_in_live_or_completed_pairs_once_each()
    {
        var f = Facts(
            Pair(1, 1, 2), Pair(2, 1, 3, status: PairStatus.Approved), Pair(3, 4, 5, status: PairStatus.Completed, ended: new(2027, 1, 1)),
            Pair(4, 6, 7, status: PairStatus.EndedEarly, ended: new(2027, 2, 1)),   // ended before the day: not counted
            Pair(5, 8, 11, approved: new(2027, 4, 5)),                              // approved after the day: not counted
            Pair(6, 9, 12));                                                        // 12 is not a working teacher
        IndicatorFormulas.Coverage(f).ShouldBe(new Share(6, 10)); // 1, 2, 3, 4, 5, 9
        IndicatorFormulas.Coverage(f with { AsOf = new(2027, 1, 31) }).ShouldBe(new Share(8, 10)); // the pair 6–7 still worked then
        IndicatorFormulas.Coverage(new IndicatorFacts { AsOf = Day }).Value.ShouldBeNull();
    }

    [Fact]
    public void Deficits_are_covered_by_a_pair_on_the_same_person_and_topic()
    {
        var f = Facts(Pair(1, 1, 2, topic: 7), Pair(2, 1, 3, topic: 8, status: PairStatus.EndedEarly, ended: new(2026, 12, 1))) with
        {
            Needs = [(2, 7), (2, 8), (3, 8), (4, 7), (2, 7)],
        };
        IndicatorFormulas.DeficitsCovered(f).ShouldBe(new Share(1, 4)); // only 2·7; the duplicate counts once
    }

    [Fact]
    public void Recently_met_is_the_share_of_live_pairs_with_a_held_meeting_in_30_days()
    {
        var f = Facts(Pair(1, 1, 2), Pair(2, 1, 3, status: PairStatus.Approved), Pair(3, 4, 5, status: PairStatus.Completed, ended: new(2027, 1, 1)), Pair(4, 6, 7))
            with
        { PairsMetRecently = new HashSet<int> { 1, 3 } };
        IndicatorFormulas.RecentlyMet(f).ShouldBe(new Share(1, 3)); // the completed pair 3 is not live
    }

    [Fact]
    public void Activities_lesson_visits_and_hours()
    {
        var f = new IndicatorFacts
        {
            AsOf = Day, MeetingMinutes = 135, ConsultationMinutes = 45,
            Activities = new Dictionary<ActivityKind, int> { [ActivityKind.LessonVisit] = 4, [ActivityKind.MasterClass] = 2, [ActivityKind.Seminar] = 1 },
        };
        (IndicatorFormulas.ActivitiesHeld(f), IndicatorFormulas.LessonVisitsHeld(f), IndicatorFormulas.MentoringHours(f)).ShouldBe((3, 4, 3.0m));
    }

    [Fact]
    public void Satisfaction_is_the_share_of_answers_at_or_above_each_questions_threshold_and_needs_five_answers()
    {
        var f = new IndicatorFacts { AsOf = Day, Satisfaction = [new(5, 4, 3), new(4, 4, 2), new(3, 4, 1), new(8, 8, 1), new(7, 8, 3)] };
        IndicatorFormulas.Satisfaction(f).ShouldBe(new Share(6, 10));
        var few = new IndicatorFacts { AsOf = Day, Satisfaction = [new(5, 4, 4)] };
        IndicatorFormulas.EnoughAnswers(IndicatorFormulas.Satisfaction(few)).ShouldBeFalse();
        var report = IndicatorCatalog.Build(few, [new NamedIndicator(1, "satisfaction", "Удовлетворённость", "%", 85)]);
        (report[0].Value, report[0].Status).ShouldBe((null, IndicatorStatus.NoData));
    }

    [Fact]
    public void Growth_compares_the_topics_mentees_entry_and_exit_means_and_anonymous_answers_at_topic_level()
    {
        // Topic 1: mentees 2..6 named (entry 2 each, exit 4 each) and person 9, not a mentee of topic 1, whose answers do not count.
        var pairs = Enumerable.Range(2, 5).Select(m => Pair(m, 1, m, topic: 1)).ToArray();
        var ratings = Enumerable.Range(2, 5).SelectMany(m => new[] { new TopicRatingFact(false, m, 1, 2), new TopicRatingFact(true, m, 1, 4) })
            .Append(new TopicRatingFact(false, 9, 1, 5)).Append(new TopicRatingFact(true, 9, 1, 1))
            // Topic 2 anonymous: entry 3,3,3,3,4 (3.2), exit 4,4,4,4,4 (4.0).
            .Concat(new[] { 3, 3, 3, 3, 4 }.Select(r => new TopicRatingFact(false, null, 2, r)))
            .Concat(Enumerable.Repeat(new TopicRatingFact(true, null, 2, 4), 5))
            // Topic 3: only four exit answers: no data.
            .Concat(Enumerable.Repeat(new TopicRatingFact(false, null, 3, 1), 5)).Concat(Enumerable.Repeat(new TopicRatingFact(true, null, 3, 5), 4))
            .ToList();
        var growth = IndicatorFormulas.Growth(Facts(pairs) with { TopicRatings = ratings });
        growth.Select(g => (g.TopicId, g.Growth)).ShouldBe([(1, 2.0m), (2, 0.8m), (3, null)]);
        IndicatorFormulas.OverallGrowth(growth).ShouldBe(1.4m);
        IndicatorFormulas.OverallGrowth([growth[2]]).ShouldBeNull();
    }

    [Fact]
    public void Both_roles_is_the_share_of_teachers_in_pairs_who_mentor_and_are_mentored()
    {
        IndicatorFormulas.BothRoles(Facts(Pair(1, 1, 2), Pair(2, 2, 3), Pair(3, 3, 4, status: PairStatus.Completed), Pair(4, 5, 6)))
            .ShouldBe(new Share(2, 6)); // 2 and 3
    }

    [Fact]
    public void Engagement_is_the_share_of_working_teachers_who_took_part()
    {
        var f = Facts() with { Participants = new HashSet<int> { 1, 2, 3, 11 } };
        IndicatorFormulas.Engagement(f).ShouldBe(new Share(3, 10));
    }

    [Fact]
    public void External_takes_the_latest_value_on_or_before_the_day()
    {
        var f = new IndicatorFacts { AsOf = Day, ExternalValues = [new(7, new(2026, 12, 1), 50), new(7, Day, 64), new(7, new(2027, 4, 1), 90), new(8, Day, 1)] };
        IndicatorFormulas.LatestExternal(f, 7)!.Value.ShouldBe(64m);
        var report = IndicatorCatalog.Build(f, [new NamedIndicator(7, "digital", "Цифровая грамотность", "% прироста", 40)]);
        var digital = report.Where(r => r.External).ShouldHaveSingleItem();
        (digital.Code, digital.Value, digital.Status).ShouldBe(("digital", 64m, IndicatorStatus.Met));
        digital.Source.ShouldBe("Последнее значение на 31.03.2027: 64 % прироста от 31.03.2027 (внесено куратором; всего значений: 3).");
    }

    [Theory]
    [InlineData(null, 50.0, IndicatorStatus.NoData)]
    [InlineData(40.0, null, IndicatorStatus.NoData)]
    [InlineData(44.9, 50.0, IndicatorStatus.Below)]
    [InlineData(45.0, 50.0, IndicatorStatus.Near)]
    [InlineData(50.0, 50.0, IndicatorStatus.Met)]
    [InlineData(71.0, 70.0, IndicatorStatus.Met)]
    public void Status_against_the_target(double? value, double? target, IndicatorStatus status) =>
        IndicatorFormulas.Status((decimal?)value, (decimal?)target).ShouldBe(status);

    [Fact]
    public void Program_codes_take_the_computed_value_with_the_programs_name_and_target_and_the_rest_follow_without_target()
    {
        var f = Facts(Pair(1, 1, 2));
        var report = IndicatorCatalog.Build(f, [new NamedIndicator(3, "coverage", "Охват", "%", 20), new NamedIndicator(4, "custom", "А", "шт.", 1), new NamedIndicator(5, "custom", "Б", "шт.", null)]);
        report.Select(r => r.Code).Take(3).ShouldBe(["coverage", "custom-4", "custom-5"]);
        (report[0].Name, report[0].Value, report[0].Target, report[0].Status, report[0].IndicatorId).ShouldBe(("Охват", 20.0m, 20m, IndicatorStatus.Met, (int?)3));
        report.Count(r => r.Code == "coverage").ShouldBe(1);
        report.Select(r => r.Code).Skip(3).ShouldBe(IndicatorCatalog.Codes.Where(c => c != "coverage"));
        report.Skip(3).ShouldAllBe(r => r.Target == null && !r.External);
    }
}
