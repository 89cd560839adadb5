namespace Nastavnik.Matching.Tests.Support;

/// <summary>Seeded random problems: tiny ones for the brute-force oracle, larger ones for cross-checks.</summary>
public static class RandomInstances
{
    public sealed record Shape(
        int MinTeachers, int MaxTeachers, int MinTopics, int MaxTopics, int Schools, int Districts,
        int MaxNeeds, int MaxOffers, int MaxOfferCapacity, int MaxMentorCapacity, int MaxLoad,
        bool LocksAndConflicts, bool RandomScope, bool ArbitraryIds = false);

    /// <summary>6–9 teachers, 3–4 topics: small enough to enumerate every feasible assignment.</summary>
    public static readonly Shape Tiny = new(6, 9, 3, 4, 3, 2, 2, 2, 2, 3, 2, true, true);

    /// <summary>30–120 teachers: for comparing formulations and an independent flow oracle.</summary>
    public static readonly Shape Medium = new(30, 120, 5, 12, 6, 3, 4, 3, 3, 4, 3, true, true);

    public static MatchingProblem Create(int seed, Shape shape)
    {
        var rng = new Random(seed);
        int n = rng.Next(shape.MinTeachers, shape.MaxTeachers + 1);
        int topicCount = rng.Next(shape.MinTopics, shape.MaxTopics + 1);
        // Arbitrary ids check that nothing assumes ids are positions.
        int Id(int i) => shape.ArbitraryIds ? 1000 + 7 * i : i;

        var topics = Enumerable.Range(0, topicCount).Select(t => new Topic(Id(t), $"Тема {t}", rng.Next(3) == 0)).ToArray();
        var participants = new Participant[n];
        var offers = new List<Offer>();
        var needs = new List<Need>();
        for (int i = 0; i < n; i++)
        {
            var offered = Pick(rng, topicCount, rng.Next(0, shape.MaxOffers + 1));
            foreach (int t in offered) offers.Add(new Offer(Id(i), Id(t), rng.Next(1, 4), rng.Next(1, shape.MaxOfferCapacity + 1)));
            // Usually a teacher does not need what they offer; sometimes they do (self-offer must be excluded).
            var needed = Pick(rng, topicCount, rng.Next(0, shape.MaxNeeds + 1)).Where(t => !offered.Contains(t) || rng.Next(4) == 0).ToArray();
            foreach (int t in needed) needs.Add(new Need(Id(i), Id(t), rng.Next(1, 4)));
            int school = rng.Next(shape.Schools);
            int experience = rng.Next(0, 30);
            // Capacities mostly follow offers and needs, as in the generator; sometimes they are 0 anyway.
            int capacity = offered.Length == 0 || rng.Next(8) == 0 ? 0 : rng.Next(1, shape.MaxMentorCapacity + 1);
            int load = needed.Length == 0 || rng.Next(8) == 0 ? 0 : rng.Next(1, shape.MaxLoad + 1);
            participants[i] = new Participant(Id(i), school, school % shape.Districts, experience, 22 + experience + rng.Next(10), capacity, load);
        }
        var preferences = participants.Where(_ => rng.Next(3) == 0)
            .Select(p => new Preference(p.Id, Pick(rng, n, rng.Next(1, 4)).Select(Id).Where(m => m != p.Id).ToArray()))
            .Where(p => p.Mentors.Count > 0).ToList();
        // Per-need lists and per-topic conflicts come from a second generator, so the draws above (and the
        // instances older tests were written against) stay as they were.
        var extra = new Random(unchecked(seed * 7919 + 17));
        AddTopicPreferences(extra, preferences, needs, offers, n, Id);

        var locks = new List<CuratorLock>();
        var conflicts = new List<Conflict>();
        if (shape.LocksAndConflicts)
        {
            for (int k = rng.Next(0, 3); k > 0; k--)
                conflicts.Add(new Conflict(Id(rng.Next(n)), Id(rng.Next(n))));
            // Conflicts on one topic, mostly on a contract that could be formed, sometimes on any teacher pair.
            for (int k = extra.Next(0, 3); k > 0 && needs.Count > 0; k--)
            {
                var need = needs[extra.Next(needs.Count)];
                var sameTopic = offers.Where(o => o.Topic == need.Topic).ToArray();
                int mentor = sameTopic.Length > 0 && extra.Next(4) != 0 ? sameTopic[extra.Next(sameTopic.Length)].Mentor : Id(extra.Next(n));
                conflicts.Add(new Conflict(need.Mentee, mentor, need.Topic));
            }
            for (int k = rng.Next(0, 3); k > 0 && needs.Count > 0 && offers.Count > 0; k--)
            {
                var need = needs[rng.Next(needs.Count)];
                // Mostly plausible locks (mentor offers the topic), sometimes arbitrary ones that must be rejected.
                var sameTopic = offers.Where(o => o.Topic == need.Topic).ToArray();
                int mentor = sameTopic.Length > 0 && rng.Next(4) != 0 ? sameTopic[rng.Next(sameTopic.Length)].Mentor : Id(rng.Next(n));
                locks.Add(new CuratorLock(need.Mentee, need.Topic, mentor));
            }
        }
        var scope = shape.RandomScope ? (MatchingScope)rng.Next(3) : MatchingScope.All;
        return new MatchingProblem
        {
            Participants = participants, Topics = topics, Offers = offers, Needs = needs, Preferences = preferences,
            Scope = scope, Locks = locks, Conflicts = conflicts,
        };
    }

    /// <summary>
    /// For some needs a list of their own (mostly mentors who offer the topic, so it matters), which
    /// replaces the mentee-wide list for that need only; sometimes an empty one (no ranking for that
    /// need), a second list for the same need (the last counts) or a list for a topic not needed.
    /// </summary>
    private static void AddTopicPreferences(Random rng, List<Preference> preferences, List<Need> needs, List<Offer> offers, int n, Func<int, int> id)
    {
        foreach (var need in needs)
        {
            if (rng.Next(4) != 0) continue;
            var offering = offers.Where(o => o.Topic == need.Topic && o.Mentor != need.Mentee).Select(o => o.Mentor).ToArray();
            rng.Shuffle(offering);
            var mentors = offering.Take(rng.Next(1, 4)).ToList();
            if (rng.Next(3) == 0) mentors.Insert(rng.Next(mentors.Count + 1), id(rng.Next(n)));
            if (rng.Next(10) == 0) mentors.Clear();
            mentors.RemoveAll(m => m == need.Mentee);
            preferences.Add(new Preference(need.Mentee, mentors.Distinct().Take(3).ToArray(), need.Topic));
            if (rng.Next(10) == 0)
                preferences.Add(new Preference(need.Mentee, offering.Reverse().Take(2).ToArray(), need.Topic));
        }
        if (needs.Count > 0 && rng.Next(5) == 0)
        {
            var need = needs[rng.Next(needs.Count)];
            int other = offers.Count > 0 ? offers[rng.Next(offers.Count)].Topic : need.Topic;
            if (!needs.Any(x => x.Mentee == need.Mentee && x.Topic == other))
                preferences.Add(new Preference(need.Mentee, [id(rng.Next(n))], other));
        }
    }

    private static int[] Pick(Random rng, int count, int k)
    {
        var all = Enumerable.Range(0, count).ToArray();
        rng.Shuffle(all);
        return all.Take(Math.Min(k, count)).Order().ToArray();
    }
}
