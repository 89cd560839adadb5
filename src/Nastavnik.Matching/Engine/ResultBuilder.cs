namespace Nastavnik.Matching.Engine;

/// <summary>Turns chosen contracts into the public result: scores and their facts, pairs, groups, open needs with their reasons.</summary>
internal static class ResultBuilder
{
    public static MatchingResult Build(
        IndexedProblem p, List<(int Need, int Offer)> locked, List<(int Need, int Offer)> solved,
        List<LockIssue> issues, MatchingSettings settings, StableReport? stable, SolveStatistics? statistics)
    {
        var all = new List<(int Need, int Offer, bool Locked)>(locked.Count + solved.Count);
        foreach (var (n, o) in locked) all.Add((n, o, true));
        foreach (var (n, o) in solved) all.Add((n, o, false));
        all.Sort((a, b) => Compare(p, a.Need, b.Need));

        var assignments = new Assignment[all.Count];
        long objective = 0;
        for (int i = 0; i < all.Count; i++)
        {
            var (n, o, isLocked) = all[i];
            int e = p.NeedMentee[n], m = p.OfferMentor[o];
            var score = p.Score(n, o);
            objective += score.Total;
            int rank = p.PreferenceRank(n, m);
            assignments[i] = new Assignment(
                p.TeacherId[e], p.TopicId[p.NeedTopic[n]], p.TeacherId[m], score, p.NeedPriority[n], p.OfferLevel[o],
                rank, p.Experience[m] < p.Experience[e], isLocked);
        }

        var result = new MatchingResult
        {
            Mode = settings.Mode, Objective = objective, Assignments = assignments,
            LockIssues = issues, Stable = stable, Statistics = statistics,
        };
        if (!settings.Explain) return result;
        return result with
        {
            Pairs = Pairs(assignments),
            Groups = Groups(assignments),
            UnservedNeeds = UnservedAnalyzer.Analyze(p, all.Select(a => (a.Need, a.Offer)).ToList()),
        };
    }

    /// <summary>Runs of equal (mentor, mentee) after sorting by (mentor, mentee, topic).</summary>
    private static Pair[] Pairs(Assignment[] assignments)
    {
        var sorted = (Assignment[])assignments.Clone();
        Array.Sort(sorted, (a, b) => a.Mentor != b.Mentor ? a.Mentor.CompareTo(b.Mentor)
            : a.Mentee != b.Mentee ? a.Mentee.CompareTo(b.Mentee) : a.Topic.CompareTo(b.Topic));
        var pairs = new List<Pair>();
        for (int i = 0, j; i < sorted.Length; i = j)
        {
            for (j = i + 1; j < sorted.Length && sorted[j].Mentor == sorted[i].Mentor && sorted[j].Mentee == sorted[i].Mentee; j++) { }
            var topics = new int[j - i];
            for (int k = i; k < j; k++) topics[k - i] = sorted[k].Topic;
            pairs.Add(new Pair(sorted[i].Mentor, sorted[i].Mentee, topics));
        }
        return [.. pairs];
    }

    /// <summary>Runs of two or more equal (mentor, topic) after sorting by (mentor, topic, mentee).</summary>
    private static Group[] Groups(Assignment[] assignments)
    {
        var sorted = (Assignment[])assignments.Clone();
        Array.Sort(sorted, (a, b) => a.Mentor != b.Mentor ? a.Mentor.CompareTo(b.Mentor)
            : a.Topic != b.Topic ? a.Topic.CompareTo(b.Topic) : a.Mentee.CompareTo(b.Mentee));
        var groups = new List<Group>();
        for (int i = 0, j; i < sorted.Length; i = j)
        {
            for (j = i + 1; j < sorted.Length && sorted[j].Mentor == sorted[i].Mentor && sorted[j].Topic == sorted[i].Topic; j++) { }
            if (j - i < 2) continue;
            var mentees = new int[j - i];
            for (int k = i; k < j; k++) mentees[k - i] = sorted[k].Mentee;
            groups.Add(new Group(sorted[i].Mentor, sorted[i].Topic, mentees));
        }
        return [.. groups];
    }

    /// <summary>Order by (mentee id, topic id).</summary>
    public static int Compare(IndexedProblem p, int needA, int needB)
    {
        int c = p.TeacherId[p.NeedMentee[needA]].CompareTo(p.TeacherId[p.NeedMentee[needB]]);
        return c != 0 ? c : p.TopicId[p.NeedTopic[needA]].CompareTo(p.TopicId[p.NeedTopic[needB]]);
    }
}

/// <summary>Why each need without a mentor stayed open, checked from the most basic cause down.</summary>
internal static class UnservedAnalyzer
{
    public static UnservedNeed[] Analyze(IndexedProblem p, List<(int Need, int Offer)> assigned)
    {
        var served = new bool[p.NeedMentee.Length];
        var menteeLoad = new int[p.TeacherCount];
        var offerUsed = new int[p.OfferMentor.Length];
        var mentorUsed = new int[p.TeacherCount];
        foreach (var (n, o) in assigned)
        {
            served[n] = true; menteeLoad[p.NeedMentee[n]]++; offerUsed[o]++; mentorUsed[p.OfferMentor[o]]++;
        }
        var offersOfTopic = new int[p.TopicCount];
        foreach (int t in p.OfferTopic) offersOfTopic[t]++;

        var open = new List<UnservedNeed>();
        var order = Enumerable.Range(0, p.NeedMentee.Length).Where(n => !served[n]).ToList();
        order.Sort((a, b) => ResultBuilder.Compare(p, a, b));
        foreach (int n in order)
        {
            int e = p.NeedMentee[n], t = p.NeedTopic[n], k = p.MarketOf(p.Group[e], t);
            int others = 0, allowed = 0;
            bool selfOffers = false;
            var full = new List<int>();
            for (int i = p.MarketStart[k]; i < p.MarketStart[k + 1]; i++)
            {
                int o = p.MarketOffer[i], m = p.OfferMentor[o];
                if (m == e) { selfOffers = true; continue; }
                others++;
                if (p.IsConflict(e, t, m)) continue;
                allowed++;
                if (offerUsed[o] >= p.OfferCapacity[o] || mentorUsed[m] >= p.MentorCapacity[m]) full.Add(p.TeacherId[m]);
            }
            UnservedReason reason =
                offersOfTopic[t] == 0 ? UnservedReason.NoOffer
                : offersOfTopic[t] == 1 && selfOffers ? UnservedReason.OnlySelfOffers
                : others == 0 ? UnservedReason.OnlyOutsideScope
                : allowed == 0 ? UnservedReason.OnlyConflictingMentors
                : menteeLoad[e] >= p.MenteeLoad[e] ? UnservedReason.MenteeLoadReached
                : full.Count == allowed ? UnservedReason.AllMentorsFull
                : UnservedReason.NotSelected;
            IReadOnlyList<int> fullMentors = reason == UnservedReason.AllMentorsFull ? full.Order().ToArray() : [];
            open.Add(new UnservedNeed(p.TeacherId[e], p.TopicId[t], p.NeedPriority[n], reason, fullMentors));
        }
        return [.. open];
    }
}
