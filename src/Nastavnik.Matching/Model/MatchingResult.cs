namespace Nastavnik.Matching;

/// <summary>The terms of w(e,t,m) for one assignment; <see cref="Total"/> is the weight.</summary>
public readonly record struct ScoreBreakdown(int Priority, int Level, int Preference, int SameSchool, int ReverseDigital)
{
    public int Total => Priority + Level + Preference + SameSchool + ReverseDigital;
}

/// <summary>
/// Mentor teaches mentee the topic, with the facts that explain why (the host renders them as text): the need's priority, the
/// mentor's level, the mentee's ranking of this mentor (<paramref name="PreferenceRank"/> 1..3, 0 when not ranked), the score terms
/// (<see cref="SameSchool"/>, <see cref="ReverseDigital"/>), <paramref name="Reverse"/> (the mentor has less experience) and
/// <paramref name="Locked"/> (the curator's lock).
/// </summary>
public sealed record Assignment(
    int Mentee, int Topic, int Mentor, ScoreBreakdown Score, int NeedPriority, int MentorLevel,
    int PreferenceRank, bool Reverse, bool Locked)
{
    /// <summary>Mentor and mentee work in the same school (the score's same-school term).</summary>
    public bool SameSchool => Score.SameSchool != 0;
    /// <summary>A younger mentor teaches a digital topic (the score's reverse-digital term).</summary>
    public bool ReverseDigital => Score.ReverseDigital != 0;
}

/// <summary>A tandem: one mentor and one mentee, for one or more topics.</summary>
public sealed record Pair(int Mentor, int Mentee, IReadOnlyList<int> Topics);

/// <summary>Group mentoring: one mentor with two or more mentees on one topic.</summary>
public sealed record Group(int Mentor, int Topic, IReadOnlyList<int> Mentees);

public enum UnservedReason
{
    /// <summary>Nobody offers the topic.</summary>
    NoOffer,
    /// <summary>Only the teacher themself offers the topic.</summary>
    OnlySelfOffers,
    /// <summary>The topic is offered, but only outside the scope (other school or district).</summary>
    OnlyOutsideScope,
    /// <summary>Every mentor in scope who offers the topic is in conflict with the mentee.</summary>
    OnlyConflictingMentors,
    /// <summary>The mentee already has as many topics as their load allows.</summary>
    MenteeLoadReached,
    /// <summary>Offered in scope, but every capable mentor is full (see <see cref="UnservedNeed.FullMentors"/>).</summary>
    AllMentorsFull,
    /// <summary>Mentors have room, but no contract adds positive weight (or the stable procedure left it out).</summary>
    NotSelected,
}

/// <summary>A need left open: <see cref="Reason"/> is the code, <see cref="FullMentors"/> its argument for <see cref="UnservedReason.AllMentorsFull"/>.</summary>
public sealed record UnservedNeed(int Mentee, int Topic, int Priority, UnservedReason Reason, IReadOnlyList<int> FullMentors);

/// <summary>Why a curator's lock was not honoured, checked in this order.</summary>
public enum LockIssueKind
{
    /// <summary>The mentee, the mentor or the topic is not in the problem.</summary>
    UnknownReference,
    /// <summary>The mentee has no need on the topic.</summary>
    NeedNotDeclared,
    /// <summary>The mentor does not offer the topic.</summary>
    MentorDoesNotOffer,
    /// <summary>Mentor and mentee are the same teacher.</summary>
    SelfMentoring,
    /// <summary>Mentor and mentee are not in one group of the problem's scope.</summary>
    OutsideScope,
    /// <summary>The pair is a conflict (for this topic or all topics).</summary>
    Conflict,
    /// <summary>An earlier lock already gave the need to another mentor.</summary>
    NeedAlreadyLocked,
    /// <summary>Earlier locks used the mentee's load (<see cref="LockIssue.Limit"/>).</summary>
    MenteeLoadExceeded,
    /// <summary>Earlier locks used the mentor's capacity on the topic (<see cref="LockIssue.Limit"/>).</summary>
    OfferCapacityExceeded,
    /// <summary>Earlier locks used the mentor's capacity in all (<see cref="LockIssue.Limit"/>).</summary>
    MentorCapacityExceeded,
}

/// <summary>
/// A curator's lock that could not be honoured; it is left out and the rest is solved. <see cref="Limit"/> is the exhausted
/// load or capacity for the three capacity kinds, 0 otherwise. The ids are those of <see cref="Lock"/>.
/// </summary>
public sealed record LockIssue(CuratorLock Lock, LockIssueKind Kind, int Limit = 0);

/// <summary>Stable matching next to the optimum: Gap = optimum − stable objective.</summary>
public sealed record StableReport(long StableObjective, long OptimalObjective, int OptimalNeedsServed)
{
    public long Gap => OptimalObjective - StableObjective;
    public double GapPercent => OptimalObjective == 0 ? 0 : 100.0 * Gap / OptimalObjective;
}

public sealed record SolveStatistics(
    int Components, int LargestComponentNodes, int Nodes, int Arcs, long Pivots, TimeSpan BuildTime, TimeSpan SolveTime);

public sealed record MatchingResult
{
    public required MatchingMode Mode { get; init; }
    /// <summary>Σ w over all assignments, locked ones included.</summary>
    public required long Objective { get; init; }
    /// <summary>Sorted by (mentee, topic).</summary>
    public required IReadOnlyList<Assignment> Assignments { get; init; }
    /// <summary>Sorted by (mentor, mentee). Empty unless <see cref="MatchingSettings.Explain"/>.</summary>
    public IReadOnlyList<Pair> Pairs { get; init; } = [];
    /// <summary>Sorted by (mentor, topic). Empty unless <see cref="MatchingSettings.Explain"/>.</summary>
    public IReadOnlyList<Group> Groups { get; init; } = [];
    /// <summary>Sorted by (mentee, topic). Empty unless <see cref="MatchingSettings.Explain"/>.</summary>
    public IReadOnlyList<UnservedNeed> UnservedNeeds { get; init; } = [];
    public IReadOnlyList<LockIssue> LockIssues { get; init; } = [];
    /// <summary>Set in <see cref="MatchingMode.Stable"/>.</summary>
    public StableReport? Stable { get; init; }
    public SolveStatistics? Statistics { get; init; }

    public int NeedsServed => Assignments.Count;
    public bool AllLocksHonoured => LockIssues.Count == 0;
}
