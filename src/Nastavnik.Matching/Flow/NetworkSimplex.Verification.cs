namespace Nastavnik.Matching.Flow;

internal sealed partial class NetworkSimplex
{
    /// <summary>
    /// Certificate check for tests: flow within bounds, conserved at every node, and complementary
    /// slackness with the potentials (so the circulation is optimal). Returns null when all hold.
    /// </summary>
    public string? VerifyOptimality()
    {
        var balance = new long[_nodeCount];
        for (int e = 0; e < _arcCount; e++)
        {
            int f = _flow[e];
            if (f < 0 || f > _cap[e]) return $"arc {e}: flow {f} outside [0, {_cap[e]}]";
            balance[_source[e]] -= f;
            balance[_target[e]] += f;
            long rc = _cost[e] + _pi[_source[e]] - _pi[_target[e]];
            if (rc < 0 && f < _cap[e]) return $"arc {e}: reduced cost {rc} < 0 but flow {f} below capacity";
            if (rc > 0 && f > 0) return $"arc {e}: reduced cost {rc} > 0 but flow {f} positive";
        }
        for (int u = 0; u < _nodeCount; u++)
            if (balance[u] != 0) return $"node {u}: imbalance {balance[u]}";
        return null;
    }
}
