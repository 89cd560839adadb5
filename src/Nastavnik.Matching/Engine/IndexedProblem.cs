namespace Nastavnik.Matching.Engine;

/// <summary>
/// The problem in dense arrays: teachers, topics, needs and offers become 0-based indices, so the
/// solvers work on flat arrays without per-item objects or dictionary look-ups.
/// </summary>
internal sealed class IndexedProblem
{
    public readonly MatchingProblem Source;
    public readonly int TeacherCount, TopicCount, GroupCount;
    public readonly int[] TeacherId, School, Group, Experience, MentorCapacity, MenteeLoad;
    public readonly int[] TopicId;
    public readonly bool[] Digital;
    public readonly int[] NeedMentee, NeedTopic, NeedPriority;
    public readonly int[] OfferMentor, OfferTopic, OfferLevel, OfferCapacity;
    /// <summary>
    /// Ranked mentors of need n are PrefMentor[PrefStart[n]..PrefStart[n+1]): the mentee's list for that
    /// topic when there is one, otherwise the mentee-wide list.
    /// </summary>
    public readonly int[] PrefStart, PrefMentor;
    /// <summary>Offers of market (group g, topic t) are MarketOffer[MarketStart[g*T+t]..MarketStart[g*T+t+1]), by (school, mentor).</summary>
    public readonly int[] MarketStart, MarketOffer;
    /// <summary>Needs of market k are MarketNeed[MarketNeedStart[k]..MarketNeedStart[k+1]), by need index.</summary>
    public readonly int[] MarketNeedStart, MarketNeed;
    /// <summary>True when the mentee has any conflict, on every topic or on one; the sets are looked up only then.</summary>
    public readonly bool[] HasConflict;
    private readonly HashSet<long> _conflicts = [];
    private readonly HashSet<(int Mentee, int Topic, int Mentor)> _topicConflicts = [];
    private readonly Dictionary<int, int>? _teacherIndex, _topicIndex;
    public readonly int[] WPriority, WLevel, WPreference;
    public readonly int WSameSchool, WReverseDigital;

    public IndexedProblem(MatchingProblem p)
    {
        Source = p;
        TeacherCount = p.Participants.Count;
        TopicCount = p.Topics.Count;
        TeacherId = p.Participants.Select(x => x.Id).ToArray();
        TopicId = p.Topics.Select(x => x.Id).ToArray();
        _teacherIndex = BuildIndex(TeacherId, "participant");
        _topicIndex = BuildIndex(TopicId, "topic");
        Digital = p.Topics.Select(x => x.Digital).ToArray();

        School = new int[TeacherCount]; Group = new int[TeacherCount]; Experience = new int[TeacherCount];
        MentorCapacity = new int[TeacherCount]; MenteeLoad = new int[TeacherCount];
        var groupIds = new Dictionary<int, int>();
        for (int i = 0; i < TeacherCount; i++)
        {
            var t = p.Participants[i];
            School[i] = t.School; Experience[i] = t.ExperienceYears;
            MentorCapacity[i] = Math.Max(0, t.MentorCapacity); MenteeLoad[i] = Math.Max(0, t.MaxMenteeLoad);
            int key = p.Scope switch { MatchingScope.School => t.School, MatchingScope.District => t.District, _ => 0 };
            if (!groupIds.TryGetValue(key, out int g)) groupIds[key] = g = groupIds.Count;
            Group[i] = g;
        }
        GroupCount = Math.Max(1, groupIds.Count);

        WPriority = p.Weights.Priority.ToArray(); WLevel = p.Weights.Level.ToArray();
        WPreference = p.Weights.Preference.ToArray();
        WSameSchool = p.Weights.SameSchool; WReverseDigital = p.Weights.ReverseDigital;

        int nn = p.Needs.Count;
        NeedMentee = new int[nn]; NeedTopic = new int[nn]; NeedPriority = new int[nn];
        var seenNeeds = new HashSet<long>();
        for (int i = 0; i < nn; i++)
        {
            var n = p.Needs[i];
            NeedMentee[i] = TeacherIndex(n.Mentee, "need");
            NeedTopic[i] = TopicIndex(n.Topic, "need");
            NeedPriority[i] = CheckRange(n.Priority, WPriority.Length, "need priority");
            if (!seenNeeds.Add(Key(NeedMentee[i], NeedTopic[i])))
                throw new MatchingInputException($"Duplicate need: mentee {n.Mentee}, topic {n.Topic}.");
        }

        int no = p.Offers.Count;
        OfferMentor = new int[no]; OfferTopic = new int[no]; OfferLevel = new int[no]; OfferCapacity = new int[no];
        var seenOffers = new HashSet<long>();
        for (int i = 0; i < no; i++)
        {
            var o = p.Offers[i];
            OfferMentor[i] = TeacherIndex(o.Mentor, "offer");
            OfferTopic[i] = TopicIndex(o.Topic, "offer");
            OfferLevel[i] = CheckRange(o.Level, WLevel.Length, "offer level");
            OfferCapacity[i] = Math.Max(0, o.Capacity);
            if (!seenOffers.Add(Key(OfferMentor[i], OfferTopic[i])))
                throw new MatchingInputException($"Duplicate offer: mentor {o.Mentor}, topic {o.Topic}.");
        }

        (PrefStart, PrefMentor) = BuildPreferences(p);
        (MarketStart, MarketOffer) = BuildMarkets();
        (MarketNeedStart, MarketNeed) = Bucket(NeedMentee.Length, n => MarketOf(Group[NeedMentee[n]], NeedTopic[n]));

        HasConflict = new bool[TeacherCount];
        foreach (var c in p.Conflicts)
        {
            int e = TeacherIndex(c.Mentee, "conflict"), m = TeacherIndex(c.Mentor, "conflict");
            if (c.Topic is { } topicId) _topicConflicts.Add((e, TopicIndex(topicId, "conflict"), m));
            else _conflicts.Add(Key(e, m));
            HasConflict[e] = true;
        }
    }

    public static long Key(int a, int b) => ((long)a << 32) | (uint)b;

    public int MarketOf(int group, int topic) => group * TopicCount + topic;

    /// <summary>Is the contract (mentee, topic, mentor) removed by a conflict, on every topic or on this one?</summary>
    public bool IsConflict(int mentee, int topic, int mentor) =>
        HasConflict[mentee] && (_conflicts.Contains(Key(mentee, mentor)) || _topicConflicts.Contains((mentee, topic, mentor)));

    /// <summary>1-based position of mentor in the ranking for the need, 0 when absent: r(e,t,m).</summary>
    public int PreferenceRank(int need, int mentor)
    {
        for (int k = PrefStart[need]; k < PrefStart[need + 1]; k++)
            if (PrefMentor[k] == mentor) return k - PrefStart[need] + 1;
        return 0;
    }

    public ScoreBreakdown Score(int need, int offer)
    {
        int e = NeedMentee[need], m = OfferMentor[offer], t = NeedTopic[need];
        int rank = PreferenceRank(need, m);
        return new ScoreBreakdown(
            WPriority[NeedPriority[need]],
            WLevel[OfferLevel[offer]],
            rank > 0 && rank < WPreference.Length ? WPreference[rank] : 0,
            School[e] == School[m] ? WSameSchool : 0,
            Digital[t] && Experience[m] < Experience[e] ? WReverseDigital : 0);
    }

    public int Weight(int need, int offer) => Score(need, offer).Total;

    /// <summary>An eligible contract: same market (checked by the caller), not self, not in conflict.</summary>
    public bool IsAllowed(int need, int offer)
    {
        int e = NeedMentee[need], m = OfferMentor[offer];
        return e != m && !IsConflict(e, NeedTopic[need], m);
    }

    public int TeacherIndex(int id, string what) =>
        TryTeacherIndex(id, out int i) ? i : throw new MatchingInputException($"Unknown participant {id} in {what}.");

    public int TopicIndex(int id, string what) =>
        TryTopicIndex(id, out int i) ? i : throw new MatchingInputException($"Unknown topic {id} in {what}.");

    public bool TryTeacherIndex(int id, out int index) => TryIndex(_teacherIndex, TeacherCount, id, out index);

    public bool TryTopicIndex(int id, out int index) => TryIndex(_topicIndex, TopicCount, id, out index);

    private static bool TryIndex(Dictionary<int, int>? map, int count, int id, out int index)
    {
        if (map is null) { index = id; return (uint)id < (uint)count; }
        return map.TryGetValue(id, out index);
    }

    /// <summary>Null when ids already are 0..n-1 in order (the instance files), so look-ups are free.</summary>
    private static Dictionary<int, int>? BuildIndex(int[] ids, string what)
    {
        bool identity = true;
        for (int i = 0; i < ids.Length && identity; i++) identity = ids[i] == i;
        if (identity) return null;
        var map = new Dictionary<int, int>(ids.Length);
        for (int i = 0; i < ids.Length; i++)
            if (!map.TryAdd(ids[i], i)) throw new MatchingInputException($"Duplicate {what} id {ids[i]}.");
        return map;
    }

    private static int CheckRange(int value, int weightCount, string what) =>
        value >= 1 && value < weightCount ? value
            : throw new MatchingInputException($"The {what} {value} is outside 1..{weightCount - 1}.");

    /// <summary>
    /// Per need: the mentee's list for the need's topic, else the mentee-wide list. Repeated lists for
    /// the same mentee (or the same mentee and topic) are lenient: the last one counts, as it always did
    /// for mentee-wide lists. A topic list for a topic the mentee does not need is ignored.
    /// </summary>
    private (int[] Start, int[] Mentor) BuildPreferences(MatchingProblem p)
    {
        var wide = new int[TeacherCount][];
        Dictionary<long, int[]>? byTopic = null;
        foreach (var pref in p.Preferences)
        {
            int e = TeacherIndex(pref.Mentee, "preference");
            var ranked = new List<int>(pref.Mentors.Count);
            foreach (int id in pref.Mentors)
            {
                int m = TeacherIndex(id, "preference");
                if (!ranked.Contains(m)) ranked.Add(m);
            }
            if (pref.Topic is { } topicId) (byTopic ??= [])[Key(e, TopicIndex(topicId, "preference"))] = [.. ranked];
            else wide[e] = [.. ranked];
        }
        int needCount = NeedMentee.Length;
        var lists = new int[]?[needCount];
        var start = new int[needCount + 1];
        for (int n = 0; n < needCount; n++)
        {
            int e = NeedMentee[n];
            lists[n] = byTopic is not null && byTopic.TryGetValue(Key(e, NeedTopic[n]), out var own) ? own : wide[e];
            start[n + 1] = start[n] + (lists[n]?.Length ?? 0);
        }
        var mentors = new int[start[needCount]];
        for (int n = 0; n < needCount; n++) lists[n]?.CopyTo(mentors, start[n]);
        return (start, mentors);
    }

    /// <summary>Counting sort of items 0..count-1 by key (stable, so items stay in index order).</summary>
    private (int[] Start, int[] Items) Bucket(int count, Func<int, int> keyOf)
    {
        int markets = GroupCount * TopicCount;
        var start = new int[markets + 1];
        var key = new int[count];
        for (int i = 0; i < count; i++) start[(key[i] = keyOf(i)) + 1]++;
        for (int k = 0; k < markets; k++) start[k + 1] += start[k];
        var fill = (int[])start.Clone();
        var items = new int[count];
        for (int i = 0; i < count; i++) items[fill[key[i]]++] = i;
        return (start, items);
    }

    private (int[] Start, int[] Offers) BuildMarkets()
    {
        int markets = GroupCount * TopicCount;
        var (start, offers) = Bucket(OfferMentor.Length, o => MarketOf(Group[OfferMentor[o]], OfferTopic[o]));
        for (int k = 0; k < markets; k++)
        {
            var span = offers.AsSpan(start[k], start[k + 1] - start[k]);
            if (span.Length > 1)
                span.Sort((a, b) => School[OfferMentor[a]] != School[OfferMentor[b]]
                    ? School[OfferMentor[a]].CompareTo(School[OfferMentor[b]])
                    : OfferMentor[a].CompareTo(OfferMentor[b]));
        }
        return (start, offers);
    }
}
