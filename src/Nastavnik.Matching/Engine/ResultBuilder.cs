namespace Nastavnik.Matching.Engine;

/// <summary>Turns chosen contracts into the public result: scores, explanations, pairs, groups, open needs.</summary>
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
            int rank = p.PreferenceRank(e, m);
            assignments[i] = new Assignment(
                p.TeacherId[e], p.TopicId[p.NeedTopic[n]], p.TeacherId[m], score, p.NeedPriority[n], p.OfferLevel[o],
                rank, p.Experience[m] < p.Experience[e], isLocked,
                settings.Explain ? Texts.Assignment(p, n, o, score, rank, isLocked) : "");
        }

        var result = new MatchingResult
        {
            Mode = settings.Mode, Objective = objective, Assignments = assignments,
            LockIssues = issues, Stable = stable, Statistics = statistics,
        };
        if (!settings.Explain) return result;
        return result with
        {
            Pairs = assignments.GroupBy(a => (a.Mentor, a.Mentee)).OrderBy(g => g.Key)
                .Select(g => new Pair(g.Key.Mentor, g.Key.Mentee, g.Select(a => a.Topic).Order().ToArray())).ToArray(),
            Groups = assignments.GroupBy(a => (a.Mentor, a.Topic)).Where(g => g.Count() >= 2).OrderBy(g => g.Key)
                .Select(g => new Group(g.Key.Mentor, g.Key.Topic, g.Select(a => a.Mentee).Order().ToArray())).ToArray(),
            UnservedNeeds = UnservedAnalyzer.Analyze(p, all.Select(a => (a.Need, a.Offer)).ToList()),
        };
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
                if (p.IsConflict(e, m)) continue;
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
            open.Add(new UnservedNeed(p.TeacherId[e], p.TopicId[t], p.NeedPriority[n], reason, fullMentors,
                Texts.Unserved(p, n, reason, fullMentors)));
        }
        return [.. open];
    }
}
