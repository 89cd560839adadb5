namespace Nastavnik.Matching.Tests.Support;

/// <summary>
/// An independent optimum for mid-size problems: the network of docs/matching.md (S → mentee →
/// need → offer → mentor → T, one arc per contract) solved by successive shortest paths with
/// Bellman–Ford, augmenting while a path of negative cost exists. Slow but simple.
/// </summary>
public static class ShortestPathOracle
{
    public static long Optimum(MatchingProblem problem)
    {
        var spec = new Spec(problem);
        var locks = spec.AcceptedLocks();
        var lockedNeeds = locks.Select(l => (l.Mentee, l.Topic)).ToHashSet();
        long fixedWeight = locks.Sum(l => (long)spec.Weight(l.Mentee, l.Topic, l.Mentor));

        var node = new Dictionary<string, int>();
        int Node(string key) => node.TryGetValue(key, out int v) ? v : node[key] = node.Count;
        var arcs = new List<(int From, int To, int Cap, long Cost)>();
        int s = Node("S"), t = Node("T");
        foreach (var p in problem.Participants)
        {
            int usedLoad = locks.Count(l => l.Mentee == p.Id), usedCap = locks.Count(l => l.Mentor == p.Id);
            arcs.Add((s, Node($"e{p.Id}"), p.MaxMenteeLoad - usedLoad, 0));
            arcs.Add((Node($"m{p.Id}"), t, p.MentorCapacity - usedCap, 0));
        }
        foreach (var n in problem.Needs.Where(n => !lockedNeeds.Contains((n.Mentee, n.Topic))))
            arcs.Add((Node($"e{n.Mentee}"), Node($"n{n.Mentee}:{n.Topic}"), 1, 0));
        foreach (var o in problem.Offers)
            arcs.Add((Node($"o{o.Mentor}:{o.Topic}"), Node($"m{o.Mentor}"), o.Capacity - locks.Count(l => l.Mentor == o.Mentor && l.Topic == o.Topic), 0));
        foreach (var c in spec.Contracts().Where(c => !lockedNeeds.Contains((c.Mentee, c.Topic))))
            arcs.Add((Node($"n{c.Mentee}:{c.Topic}"), Node($"o{c.Mentor}:{c.Topic}"), 1, -c.Weight));

        // Residual graph: arc 2k forward, 2k+1 backward.
        int count = node.Count;
        var head = new List<int>[count];
        for (int i = 0; i < count; i++) head[i] = [];
        var to = new int[arcs.Count * 2]; var cap = new int[arcs.Count * 2]; var cost = new long[arcs.Count * 2];
        for (int k = 0; k < arcs.Count; k++)
        {
            var a = arcs[k];
            to[2 * k] = a.To; cap[2 * k] = Math.Max(0, a.Cap); cost[2 * k] = a.Cost; head[a.From].Add(2 * k);
            to[2 * k + 1] = a.From; cap[2 * k + 1] = 0; cost[2 * k + 1] = -a.Cost; head[a.To].Add(2 * k + 1);
        }
        long total = 0;
        while (true)
        {
            var dist = Enumerable.Repeat(long.MaxValue, count).ToArray();
            var via = Enumerable.Repeat(-1, count).ToArray();
            dist[s] = 0;
            bool changed = true;
            while (changed)
            {
                changed = false;
                for (int u = 0; u < count; u++)
                {
                    if (dist[u] == long.MaxValue) continue;
                    foreach (int e in head[u])
                        if (cap[e] > 0 && dist[u] + cost[e] < dist[to[e]]) { dist[to[e]] = dist[u] + cost[e]; via[to[e]] = e; changed = true; }
                }
            }
            if (dist[t] >= 0) break;
            for (int v = t; v != s; v = to[via[v] ^ 1]) { cap[via[v]]--; cap[via[v] ^ 1]++; }
            total += dist[t];
        }
        return fixedWeight - total;
    }
}
