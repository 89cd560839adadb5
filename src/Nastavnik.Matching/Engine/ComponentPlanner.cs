namespace Nastavnik.Matching.Engine;

/// <summary>
/// A set of markets (group, topic) joined by shared teachers; components share no teacher, need or
/// offer, so each one is an independent min-cost flow problem.
/// </summary>
internal sealed record Component(int[] Markets, int NeedCount, int OfferCount)
{
    public int Size => NeedCount + OfferCount;
}

internal static class ComponentPlanner
{
    public static bool NeedActive(IndexedProblem p, Residual r, int need) =>
        !r.NeedDone[need] && r.MenteeLoad[p.NeedMentee[need]] > 0;

    public static bool OfferActive(IndexedProblem p, Residual r, int offer) =>
        r.OfferCapacity[offer] > 0 && r.MentorCapacity[p.OfferMentor[offer]] > 0;

    /// <summary>Markets with both an open need and an open offer, grouped by union-find over teachers.</summary>
    public static List<Component> Plan(IndexedProblem p, Residual r)
    {
        int markets = p.GroupCount * p.TopicCount;
        var demand = new int[markets];
        var supply = new int[markets];
        for (int k = 0; k < markets; k++)
        {
            for (int i = p.MarketNeedStart[k]; i < p.MarketNeedStart[k + 1]; i++)
                if (NeedActive(p, r, p.MarketNeed[i])) demand[k]++;
            for (int i = p.MarketStart[k]; i < p.MarketStart[k + 1]; i++)
                if (OfferActive(p, r, p.MarketOffer[i])) supply[k]++;
        }

        var parent = new int[markets];
        for (int k = 0; k < markets; k++) parent[k] = k;
        var teacherMarket = new int[p.TeacherCount];
        Array.Fill(teacherMarket, -1);
        for (int k = 0; k < markets; k++)
        {
            if (demand[k] == 0 || supply[k] == 0) continue;
            for (int i = p.MarketNeedStart[k]; i < p.MarketNeedStart[k + 1]; i++)
                Link(parent, teacherMarket, p.NeedMentee[p.MarketNeed[i]], k);
            for (int i = p.MarketStart[k]; i < p.MarketStart[k + 1]; i++)
                Link(parent, teacherMarket, p.OfferMentor[p.MarketOffer[i]], k);
        }

        var componentOfRoot = new Dictionary<int, int>();
        var lists = new List<List<int>>();
        var counts = new List<(int Needs, int Offers)>();
        for (int k = 0; k < markets; k++)
        {
            if (demand[k] == 0 || supply[k] == 0) continue;
            int root = Find(parent, k);
            if (!componentOfRoot.TryGetValue(root, out int c))
            {
                componentOfRoot[root] = c = lists.Count;
                lists.Add([]);
                counts.Add((0, 0));
            }
            lists[c].Add(k);
            counts[c] = (counts[c].Needs + demand[k], counts[c].Offers + supply[k]);
        }
        return lists.Select((l, i) => new Component([.. l], counts[i].Needs, counts[i].Offers)).ToList();
    }

    private static void Link(int[] parent, int[] teacherMarket, int teacher, int market)
    {
        if (teacherMarket[teacher] < 0) { teacherMarket[teacher] = market; return; }
        int a = Find(parent, teacherMarket[teacher]), b = Find(parent, market);
        if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b);
    }

    private static int Find(int[] parent, int k)
    {
        while (parent[k] != k) { parent[k] = parent[parent[k]]; k = parent[k]; }
        return k;
    }
}
