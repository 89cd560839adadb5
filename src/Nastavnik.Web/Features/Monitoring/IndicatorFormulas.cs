using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Monitoring;

/// <summary>A share as its numerator and denominator; <see cref="Value"/> (0–1) is null when there is nothing to divide by.</summary>
public readonly record struct Share(int Numerator, int Denominator)
{
    public decimal? Value => Denominator == 0 ? null : (decimal)Numerator / Denominator;
}

/// <summary>Competency growth of one topic: the mean self-rating in the exit survey minus the entry one; null below the minimum of answers.</summary>
public sealed record TopicGrowth(int TopicId, int EntryCount, decimal? EntryMean, int ExitCount, decimal? ExitMean)
{
    public decimal? Growth => EntryCount >= IndicatorFormulas.MinAnswers && ExitCount >= IndicatorFormulas.MinAnswers ? ExitMean - EntryMean : null;
}

/// <summary>
/// The formulas of the program's indicators as pure functions over <see cref="IndicatorFacts"/> (issue 13, item 3). Shares are 0–1;
/// the report turns them into percent.
/// </summary>
public static class IndicatorFormulas
{
    /// <summary>Satisfaction and growth need at least this many answers (the small-group rule of the surveys).</summary>
    public const int MinAnswers = AppDbContext.MinAnonymousGroup;

    /// <summary>A pair that is live or completed on the day: approved by then, and not ended early before it.</summary>
    public static bool Counts(PairFact p, DateOnly asOf) =>
        p.ApprovedOn <= asOf && (p.Status != PairStatus.EndedEarly || p.EndedOn is not { } ended || ended > asOf);

    /// <summary>A pair that still works on the day: approved by then and neither completed nor ended by then.</summary>
    public static bool Live(PairFact p, DateOnly asOf) =>
        p.ApprovedOn <= asOf && (p.Status is PairStatus.Approved or PairStatus.Active || p.EndedOn is { } ended && ended > asOf);

    /// <summary>Working teachers in a live or completed pair (or group) as mentor or mentee, of all working teachers.</summary>
    public static Share Coverage(IndicatorFacts f)
    {
        var covered = new HashSet<int>();
        foreach (var p in f.Pairs.Where(p => Counts(p, f.AsOf)))
        {
            covered.Add(p.MentorId);
            covered.Add(p.MenteeId);
        }
        covered.IntersectWith(f.ActiveTeachers);
        return new Share(covered.Count, f.ActiveTeachers.Count);
    }

    /// <summary>Declared deficits (person and topic) that have a live or completed pair on that person and topic, of all declared.</summary>
    public static Share DeficitsCovered(IndicatorFacts f)
    {
        var paired = f.Pairs.Where(p => Counts(p, f.AsOf)).Select(p => (p.MenteeId, p.TopicId)).ToHashSet();
        var needs = f.Needs.Distinct().ToList();
        return new Share(needs.Count(paired.Contains), needs.Count);
    }

    /// <summary>Live pairs with a held meeting in the last 30 days, of all live pairs.</summary>
    public static Share RecentlyMet(IndicatorFacts f)
    {
        var live = f.Pairs.Where(p => Live(p, f.AsOf)).ToList();
        return new Share(live.Count(p => f.PairsMetRecently.Contains(p.Id)), live.Count);
    }

    /// <summary>Joint activities held other than lesson visits.</summary>
    public static int ActivitiesHeld(IndicatorFacts f) => f.Activities.Where(a => a.Key != ActivityKind.LessonVisit).Sum(a => a.Value);

    public static int LessonVisitsHeld(IndicatorFacts f) => f.Activities.GetValueOrDefault(ActivityKind.LessonVisit);

    /// <summary>Held meetings' and consultations' minutes in hours, to a tenth.</summary>
    public static decimal MentoringHours(IndicatorFacts f) => Math.Round((f.MeetingMinutes + f.ConsultationMinutes) / 60m, 1);

    /// <summary>Answers at or above their question's threshold, of all answers to satisfaction questions; null below <see cref="MinAnswers"/>.</summary>
    public static Share Satisfaction(IndicatorFacts f)
    {
        var all = f.Satisfaction.Sum(s => s.Count);
        return new Share(f.Satisfaction.Where(s => s.Number >= s.SatisfiedFrom).Sum(s => s.Count), all);
    }

    public static bool EnoughAnswers(Share s) => s.Denominator >= MinAnswers;

    /// <summary>
    /// Growth per topic: mean exit self-rating minus mean entry one, counting a named answer only when its author is a mentee of a
    /// live or completed pair on that topic; an anonymous answer has no author and counts at the topic level.
    /// </summary>
    public static IReadOnlyList<TopicGrowth> Growth(IndicatorFacts f)
    {
        var mentees = f.Pairs.Where(p => Counts(p, f.AsOf)).Select(p => (p.MenteeId, p.TopicId)).ToHashSet();
        return f.TopicRatings
            .Where(r => r.PersonId is not { } person || mentees.Contains((person, r.TopicId)))
            .GroupBy(r => r.TopicId)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var entry = g.Where(r => !r.Exit).Select(r => (decimal)r.Rating).ToList();
                var exit = g.Where(r => r.Exit).Select(r => (decimal)r.Rating).ToList();
                return new TopicGrowth(g.Key, entry.Count, entry.Count == 0 ? null : entry.Average(), exit.Count, exit.Count == 0 ? null : exit.Average());
            })
            .ToList();
    }

    /// <summary>The mean of the topics' growths that have enough answers; null when none has.</summary>
    public static decimal? OverallGrowth(IReadOnlyList<TopicGrowth> topics)
    {
        var known = topics.Where(t => t.Growth is not null).Select(t => t.Growth!.Value).ToList();
        return known.Count == 0 ? null : Math.Round(known.Average(), 2);
    }

    /// <summary>Working teachers who are both a mentor and a mentee in live or completed pairs, of the working teachers in such pairs.</summary>
    public static Share BothRoles(IndicatorFacts f)
    {
        var counted = f.Pairs.Where(p => Counts(p, f.AsOf)).ToList();
        var mentors = counted.Select(p => p.MentorId).Where(f.ActiveTeachers.Contains).ToHashSet();
        var mentees = counted.Select(p => p.MenteeId).Where(f.ActiveTeachers.Contains).ToHashSet();
        var all = mentors.Union(mentees).Count();
        mentors.IntersectWith(mentees);
        return new Share(mentors.Count, all);
    }

    /// <summary>Working teachers who took part in a held meeting, a joint activity or an event of the program, of all working teachers.</summary>
    public static Share Engagement(IndicatorFacts f) => new(f.Participants.Count(f.ActiveTeachers.Contains), f.ActiveTeachers.Count);

    /// <summary>The latest value on or before the day, or null.</summary>
    public static ExternalValueFact? LatestExternal(IndicatorFacts f, int indicatorId) =>
        f.ExternalValues.Where(v => v.IndicatorId == indicatorId && v.Date <= f.AsOf).OrderByDescending(v => v.Date).FirstOrDefault();

    /// <summary>NoData without a value or a target; Met at or above the target; Near from 90 % of it; otherwise Below.</summary>
    public static IndicatorStatus Status(decimal? value, decimal? target) => (value, target) switch
    {
        (null, _) or (_, null) => IndicatorStatus.NoData,
        var (v, t) when v >= t => IndicatorStatus.Met,
        var (v, t) when v >= t * 0.9m => IndicatorStatus.Near,
        _ => IndicatorStatus.Below,
    };
}
