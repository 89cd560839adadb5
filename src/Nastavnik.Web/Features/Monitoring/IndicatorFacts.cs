using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Monitoring;

/// <summary>A pair of the program as the indicators read it: who, on which topic, its status and the days it was approved and ended.</summary>
public sealed record PairFact(int Id, int MentorId, int MenteeId, int TopicId, PairStatus Status, DateOnly ApprovedOn, DateOnly? EndedOn);

/// <summary>How many answers gave one value to a satisfaction question with its threshold (the lowest value counted as satisfied).</summary>
public sealed record SatisfactionFact(int Number, int SatisfiedFrom, int Count);

/// <summary>One self-rating of a topic in the entry or exit survey; <see cref="PersonId"/> is null for an anonymous survey.</summary>
public sealed record TopicRatingFact(bool Exit, int? PersonId, int TopicId, int Rating);

/// <summary>A value of an external indicator entered by the curator.</summary>
public sealed record ExternalValueFact(int IndicatorId, DateOnly Date, decimal Value);

/// <summary>
/// Everything the indicators of one program are computed from, as of one date, read by <see cref="IndicatorFactsLoader"/> with a fixed
/// number of set-based queries (counts and sums are aggregated by the database; the lists are at most one row per pair, person or answer
/// value). Hand-built in the unit tests.
/// </summary>
public sealed record IndicatorFacts
{
    public DateOnly AsOf { get; init; }
    /// <summary>The school's working (not archived) teachers.</summary>
    public IReadOnlySet<int> ActiveTeachers { get; init; } = new HashSet<int>();
    public IReadOnlyList<PairFact> Pairs { get; init; } = [];
    /// <summary>Declared deficits of the program's rounds: (person, topic), distinct.</summary>
    public IReadOnlyList<(int PersonId, int TopicId)> Needs { get; init; } = [];
    /// <summary>Pairs with a held meeting in the 30 days up to <see cref="AsOf"/> (inclusive).</summary>
    public IReadOnlySet<int> PairsMetRecently { get; init; } = new HashSet<int>();
    public int MeetingsHeld { get; init; }
    public int MeetingMinutes { get; init; }
    /// <summary>Joint activities held up to <see cref="AsOf"/>, by kind.</summary>
    public IReadOnlyDictionary<ActivityKind, int> Activities { get; init; } = new Dictionary<ActivityKind, int>();
    public int ConsultationsHeld { get; init; }
    public int ConsultationMinutes { get; init; }
    /// <summary>People who took part in a held meeting, a joint activity or attended a roadmap event of the program.</summary>
    public IReadOnlySet<int> Participants { get; init; } = new HashSet<int>();
    public IReadOnlyList<SatisfactionFact> Satisfaction { get; init; } = [];
    public IReadOnlyList<TopicRatingFact> TopicRatings { get; init; } = [];
    public IReadOnlyList<ExternalValueFact> ExternalValues { get; init; } = [];
    /// <summary>Names of the topics the self-ratings rate, for the source data.</summary>
    public IReadOnlyDictionary<int, string> TopicNames { get; init; } = new Dictionary<int, string>();
}
