namespace Nastavnik.Matching;

/// <summary>Which teachers may be paired: scope group g(i) of docs/matching.md.</summary>
public enum MatchingScope
{
    /// <summary>Mentor and mentee work in the same school.</summary>
    School,
    /// <summary>Mentor and mentee work in the same district.</summary>
    District,
    /// <summary>Anyone may mentor anyone.</summary>
    All,
}

/// <summary>A teacher; every teacher may be a mentor and a mentee at once.</summary>
/// <param name="MentorCapacity">U: how many (mentee, topic) assignments the teacher can mentor in total.</param>
/// <param name="MaxMenteeLoad">L: how many topics the teacher can be mentored in at once.</param>
public sealed record Participant(
    int Id, int School, int District, int ExperienceYears, int Age, int MentorCapacity, int MaxMenteeLoad);

public sealed record Topic(int Id, string Name, bool Digital);

/// <summary>A resource competency: the mentor can mentor the topic at a level 1..3 for up to <paramref name="Capacity"/> mentees.</summary>
public sealed record Offer(int Mentor, int Topic, int Level, int Capacity);

/// <summary>A professional deficit of a teacher; priority 3 is the most urgent.</summary>
public sealed record Need(int Mentee, int Topic, int Priority);

/// <summary>
/// Mentors ranked by a mentee after the round table, best first (1 to 3 entries). Without
/// <paramref name="Topic"/> the list is mentee-wide: it ranks mentors for every need of the mentee
/// (r(e,m) of docs/matching.md). With a topic it ranks mentors for the need (Mentee, Topic) only and
/// replaces the mentee-wide list for that need, so the rank is r(e,t,m). When several lists are
/// given for the same mentee (or the same mentee and topic) the last one counts.
/// </summary>
public sealed record Preference(int Mentee, IReadOnlyList<int> Mentors, int? Topic = null);

/// <summary>A pair fixed by the curator: the need (Mentee, Topic) must be served by Mentor.</summary>
public sealed record CuratorLock(int Mentee, int Topic, int Mentor);

/// <summary>
/// A mentee–mentor pair that must not be formed: on any topic when <paramref name="Topic"/> is null,
/// otherwise only the contract (Mentee, Topic, Mentor) is removed and the mentor stays available to
/// the mentee on other topics.
/// </summary>
public sealed record Conflict(int Mentee, int Mentor, int? Topic = null);

/// <summary>Integer weights of the objective; arrays are indexed by priority, level and preference rank (index 0 unused).</summary>
public sealed record MatchingWeights(
    IReadOnlyList<int> Priority,
    IReadOnlyList<int> Level,
    IReadOnlyList<int> Preference,
    int SameSchool,
    int ReverseDigital)
{
    public static MatchingWeights Default { get; } =
        new([0, 100, 200, 300], [0, 20, 40, 60], [0, 50, 30, 15], 15, 25);
}

/// <summary>Everything the engine needs to know. Ids are any distinct integers; all references use them.</summary>
public sealed record MatchingProblem
{
    public required IReadOnlyList<Participant> Participants { get; init; }
    public required IReadOnlyList<Topic> Topics { get; init; }
    public required IReadOnlyList<Offer> Offers { get; init; }
    public required IReadOnlyList<Need> Needs { get; init; }
    public IReadOnlyList<Preference> Preferences { get; init; } = [];
    public MatchingWeights Weights { get; init; } = MatchingWeights.Default;
    public MatchingScope Scope { get; init; } = MatchingScope.All;
    public IReadOnlyList<CuratorLock> Locks { get; init; } = [];
    public IReadOnlyList<Conflict> Conflicts { get; init; } = [];
}

public enum MatchingMode
{
    /// <summary>Maximum total weight (exact min-cost flow).</summary>
    Optimal,
    /// <summary>Mentee-proposing deferred acceptance; the optimum is also computed to report the gap.</summary>
    Stable,
}

/// <summary>How the optimisation network is built; both give the same optimum.</summary>
public enum NetworkFormulation
{
    /// <summary>One arc per eligible (need, offer) contract, as in docs/matching.md.</summary>
    Direct,
    /// <summary>
    /// Contracts whose weight is the sum of a need part and an offer part go through one hub per topic
    /// (plus an experience chain for the reverse-digital bonus); only preferred and same-school pairs
    /// get their own arcs. Far fewer arcs, same optimum.
    /// </summary>
    Compact,
}

public sealed record MatchingSettings
{
    public MatchingMode Mode { get; init; } = MatchingMode.Optimal;
    public NetworkFormulation Formulation { get; init; } = NetworkFormulation.Compact;
    /// <summary>Upper bound on threads for independent components; 1 solves them one after another.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
    /// <summary>
    /// When false only assignments with their scores are produced (no explanations, pairs, groups or
    /// unserved-need analysis): what the command line needs.
    /// </summary>
    public bool Explain { get; init; } = true;

    public static MatchingSettings Default { get; } = new();
}
