namespace Nastavnik.Matching.Tests.Support;

/// <summary>
/// The optimum by enumeration: accepted locks are fixed, then every need either stays open or takes
/// one of its eligible contracts, depth first, keeping C1–C4; a branch is cut only when even the best
/// remaining weights cannot beat the best complete assignment found.
/// </summary>
public static class BruteForce
{
    public static long Optimum(MatchingProblem problem)
    {
        var spec = new Spec(problem);
        var load = problem.Participants.ToDictionary(t => t.Id, t => t.MaxMenteeLoad);
        var mentorCap = problem.Participants.ToDictionary(t => t.Id, t => t.MentorCapacity);
        var offerCap = problem.Offers.ToDictionary(o => (o.Mentor, o.Topic), o => o.Capacity);
        long fixedWeight = 0;
        var done = new HashSet<(int, int)>();
        foreach (var l in spec.AcceptedLocks())
        {
            fixedWeight += spec.Weight(l.Mentee, l.Topic, l.Mentor);
            done.Add((l.Mentee, l.Topic));
            load[l.Mentee]--; mentorCap[l.Mentor]--; offerCap[(l.Mentor, l.Topic)]--;
        }
        var options = spec.Contracts()
            .Where(c => c.Weight > 0 && !done.Contains((c.Mentee, c.Topic)))
            .GroupBy(c => (c.Mentee, c.Topic))
            .Select(g => g.OrderByDescending(c => c.Weight).ToArray())
            .OrderByDescending(g => g[0].Weight).ToArray();
        var bestRest = new long[options.Length + 1];
        for (int i = options.Length - 1; i >= 0; i--) bestRest[i] = bestRest[i + 1] + options[i][0].Weight;

        long best = 0;
        void Search(int i, long value)
        {
            if (value > best) best = value;
            if (i == options.Length || value + bestRest[i] <= best) return;
            foreach (var c in options[i])
            {
                if (load[c.Mentee] == 0 || mentorCap[c.Mentor] == 0 || offerCap[(c.Mentor, c.Topic)] == 0) continue;
                load[c.Mentee]--; mentorCap[c.Mentor]--; offerCap[(c.Mentor, c.Topic)]--;
                Search(i + 1, value + c.Weight);
                load[c.Mentee]++; mentorCap[c.Mentor]++; offerCap[(c.Mentor, c.Topic)]++;
            }
            Search(i + 1, value);
        }
        Search(0, 0);
        return fixedWeight + best;
    }
}
