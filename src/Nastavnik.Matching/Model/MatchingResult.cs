namespace Nastavnik.Matching;

/// <summary>The terms of w(e,t,m) for one assignment; <see cref="Total"/> is the weight.</summary>
public readonly record struct ScoreBreakdown(int Priority, int Level, int Preference, int SameSchool, int ReverseDigital)
{
    public int Total => Priority + Level + Preference + SameSchool + ReverseDigital;
}

/// <summary>Mentor teaches mentee the topic. <paramref name="PreferenceRank"/> is 1..3 or 0 when not ranked.</summary>
public sealed record Assignment(
    int Mentee, int Topic, int Mentor, ScoreBreakdown Score, int NeedPriority, int MentorLevel,
    int PreferenceRank, bool Reverse, bool Locked, string Explanation);

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

public sealed record UnservedNeed(
    int Mentee, int Topic, int Priority, UnservedReason Reason, IReadOnlyList<int> FullMentors, string Explanation);

public enum LockIssueKind
{
    UnknownReference,
    NeedNotDeclared,
    MentorDoesNotOffer,
    SelfMentoring,
    OutsideScope,
    Conflict,
    NeedAlreadyLocked,
    MenteeLoadExceeded,
    OfferCapacityExceeded,
    MentorCapacityExceeded,
}

/// <summary>A curator's lock that could not be honoured; it is left out and the rest is solved.</summary>
public sealed record LockIssue(CuratorLock Lock, LockIssueKind Kind, string Message);

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
