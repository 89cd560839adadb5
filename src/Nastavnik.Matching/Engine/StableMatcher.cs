namespace Nastavnik.Matching.Engine;

/// <summary>
/// Mentee-proposing deferred acceptance with capacities. Each need proposes to its mentors in the
/// mentee's order (ranked mentors first, then by weight, then by id); a mentee keeps at most L needs
/// in play, most urgent first (priority, then topic). A mentor holds the best proposals by weight
/// (ties: lower mentee, then topic) within the offer capacity u and the mentor capacity U — a laminar
/// family, so holding is greedy and rejections are final, and the outcome has no blocking contract.
/// </summary>
internal static class StableMatcher
{
    public static List<(int Need, int Offer)> Solve(IndexedProblem p, Residual r)
    {
        var lists = new CandidateLists(p, r);
        int needCount = p.NeedMentee.Length;
        var position = new int[needCount];
        var heldOnOffer = new int[p.OfferMentor.Length];
        var heldByMentor = new List<int>?[p.TeacherCount];
        var pending = new Stack<int>();

        // Needs of each mentee, most urgent first; only the first L alive ones propose at a time.
        var order = Enumerable.Range(0, needCount).Where(n => lists.Length(n) > 0)
            .OrderBy(n => p.NeedMentee[n]).ThenByDescending(n => p.NeedPriority[n]).ThenBy(n => p.NeedTopic[n]).ToArray();
        var start = new int[p.TeacherCount + 1];
        foreach (int n in order) start[p.NeedMentee[n] + 1]++;
        for (int e = 0; e < p.TeacherCount; e++) start[e + 1] += start[e];
        var frontier = new int[p.TeacherCount];
        for (int e = 0; e < p.TeacherCount; e++)
        {
            frontier[e] = start[e] + Math.Min(r.MenteeLoad[e], start[e + 1] - start[e]);
            for (int k = start[e]; k < frontier[e]; k++) pending.Push(order[k]);
        }

        while (pending.Count > 0)
        {
            int n = pending.Pop();
            if (position[n] >= lists.Length(n))
            {
                int e = p.NeedMentee[n];
                if (frontier[e] < start[e + 1]) pending.Push(order[frontier[e]++]);
                continue;
            }
            int offer = lists.Offer(n, position[n]);
            int m = p.OfferMentor[offer];
            var held = heldByMentor[m] ??= [];
            int rejected = n;
            if (heldOnOffer[offer] < r.OfferCapacity[offer] && held.Count < r.MentorCapacity[m])
            {
                rejected = -1;
            }
            else
            {
                // The tight set containing the new contract: the offer if it is full, else all of the mentor's.
                bool offerFull = heldOnOffer[offer] >= r.OfferCapacity[offer];
                int worst = -1;
                foreach (int h in held)
                    if ((!offerFull || lists.CurrentOffer(h, position) == offer) && (worst < 0 || Better(p, lists, position, worst, h)))
                        worst = h;
                if (worst >= 0 && Better(p, lists, position, n, worst))
                {
                    held.Remove(worst);
                    heldOnOffer[lists.CurrentOffer(worst, position)]--;
                    rejected = worst;
                }
            }
            if (rejected != n) { held.Add(n); heldOnOffer[offer]++; }
            if (rejected >= 0) { position[rejected]++; pending.Push(rejected); }
        }

        var result = new List<(int, int)>();
        foreach (var held in heldByMentor)
            if (held is not null)
                foreach (int n in held) result.Add((n, lists.CurrentOffer(n, position)));
        return result;
    }

    /// <summary>Mentor's view: is need a's current proposal better than need b's?</summary>
    private static bool Better(IndexedProblem p, CandidateLists lists, int[] position, int a, int b)
    {
        int wa = lists.Weight(a, position[a]), wb = lists.Weight(b, position[b]);
        if (wa != wb) return wa > wb;
        if (p.NeedMentee[a] != p.NeedMentee[b]) return p.NeedMentee[a] < p.NeedMentee[b];
        return p.NeedTopic[a] < p.NeedTopic[b];
    }
}

/// <summary>Per open need, its acceptable offers (eligible, open, positive weight) in the mentee's order, flat.</summary>
internal sealed class CandidateLists
{
    private readonly int[] _start, _offer, _weight;

    public CandidateLists(IndexedProblem p, Residual r)
    {
        int needCount = p.NeedMentee.Length;
        _start = new int[needCount + 1];
        var offers = new List<int>();
        var weights = new List<int>();
        var buffer = new List<(int Rank, int Weight, int Mentor, int Offer)>();
        for (int n = 0; n < needCount; n++)
        {
            _start[n] = offers.Count;
            if (!ComponentPlanner.NeedActive(p, r, n)) continue;
            int e = p.NeedMentee[n], k = p.MarketOf(p.Group[e], p.NeedTopic[n]);
            buffer.Clear();
            for (int i = p.MarketStart[k]; i < p.MarketStart[k + 1]; i++)
            {
                int o = p.MarketOffer[i];
                if (!ComponentPlanner.OfferActive(p, r, o) || !p.IsAllowed(n, o)) continue;
                int w = p.Weight(n, o);
                if (w <= 0) continue;
                int rank = p.PreferenceRank(n, p.OfferMentor[o]);
                buffer.Add((rank == 0 ? int.MaxValue : rank, w, p.OfferMentor[o], o));
            }
            buffer.Sort((a, b) => a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank)
                : a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : a.Mentor.CompareTo(b.Mentor));
            foreach (var c in buffer) { offers.Add(c.Offer); weights.Add(c.Weight); }
        }
        _start[needCount] = offers.Count;
        _offer = [.. offers];
        _weight = [.. weights];
    }

    public int Length(int need) => _start[need + 1] - _start[need];
    public int Offer(int need, int position) => _offer[_start[need] + position];
    public int Weight(int need, int position) => _weight[_start[need] + position];
    public int CurrentOffer(int need, int[] position) => Offer(need, position[need]);
}
