using FsCheck.Xunit;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Monitoring;

namespace Nastavnik.Tests.Monitoring;

/// <summary>Invariants of the indicators on random facts (FsCheck): shares stay in [0, 1] and grow with the work done.</summary>
public sealed class IndicatorPropertyTests
{
    private static readonly DateOnly Day = new(2027, 3, 31);

    /// <summary>Pairs from every four bytes: mentor and mentee among 12 people (10 of them working), topic, status and days.</summary>
    private static IndicatorFacts Facts(byte[]? data, byte[]? extra = null)
    {
        data ??= [];
        extra ??= [];
        var pairs = Enumerable.Range(0, data.Length / 4).Select(i =>
        {
            var (a, b, c, d) = (data[4 * i], data[4 * i + 1], data[4 * i + 2], data[4 * i + 3]);
            var status = (PairStatus)(d % 4);
            var approved = Day.AddDays(5 - c % 60);
            return new PairFact(i + 1, a % 12, b % 12, c % 3, status, approved, status is PairStatus.Completed or PairStatus.EndedEarly ? approved.AddDays(d % 50) : null);
        }).ToList();
        return new IndicatorFacts
        {
            AsOf = Day,
            ActiveTeachers = Enumerable.Range(0, 10).ToHashSet(),
            Pairs = pairs,
            Needs = extra.Select(x => (x % 12, x / 12 % 3)).ToList(),
            PairsMetRecently = extra.Select(x => x % (pairs.Count + 2)).ToHashSet(),
            Participants = extra.Select(x => x % 14).ToHashSet(),
            Satisfaction = extra.Select(x => new SatisfactionFact(x % 5 + 1, 4, x % 3 + 1)).ToList(),
        };
    }

    private static bool InUnit(Share s) => s.Value is not { } v || v is >= 0 and <= 1;

    [Property]
    public bool Every_share_stays_between_0_and_1(byte[] data, byte[] extra)
    {
        var f = Facts(data, extra);
        return new[] { IndicatorFormulas.Coverage(f), IndicatorFormulas.DeficitsCovered(f), IndicatorFormulas.RecentlyMet(f), IndicatorFormulas.Satisfaction(f),
            IndicatorFormulas.BothRoles(f), IndicatorFormulas.Engagement(f) }.All(InUnit);
    }

    [Property]
    public bool Adding_an_active_pair_never_lowers_coverage(byte[] data, byte mentor, byte mentee, byte topic)
    {
        var f = Facts(data);
        var more = f with { Pairs = [.. f.Pairs, new PairFact(1000, mentor % 12, mentee % 12, topic % 3, PairStatus.Active, Day.AddDays(-topic), null)] };
        return (IndicatorFormulas.Coverage(more).Value ?? 0) >= (IndicatorFormulas.Coverage(f).Value ?? 0);
    }

    [Property]
    public bool Adding_a_held_meeting_never_lowers_the_30_day_share(byte[] data, byte[] extra, byte pair)
    {
        var f = Facts(data, extra);
        if (f.Pairs.Count == 0) return true;
        var met = f.PairsMetRecently.Append(f.Pairs[pair % f.Pairs.Count].Id).ToHashSet();
        return (IndicatorFormulas.RecentlyMet(f with { PairsMetRecently = met }).Value ?? 0) >= (IndicatorFormulas.RecentlyMet(f).Value ?? 0);
    }

    [Property]
    public bool Satisfaction_is_monotone_in_satisfied_answers(byte[] extra, byte answer, byte threshold)
    {
        var f = Facts(null, extra);
        var from = threshold % 5 + 1;
        var satisfied = new SatisfactionFact(from + answer % (6 - from), from, 1);
        var before = IndicatorFormulas.Satisfaction(f);
        var after = IndicatorFormulas.Satisfaction(f with { Satisfaction = [.. f.Satisfaction, satisfied] });
        return after.Numerator == before.Numerator + 1 && (after.Value ?? 0) >= (before.Value ?? 0);
    }
}
