using Nastavnik.Matching.Flow;
using Shouldly;

namespace Nastavnik.Matching.Tests;

/// <summary>The solver alone, on random circulations, against negative-cycle cancelling.</summary>
public class NetworkSimplexTests
{
    [Fact]
    public void Random_circulations_are_optimal_and_match_cycle_cancelling()
    {
        for (int seed = 1; seed <= 2000; seed++)
        {
            var rng = new Random(seed);
            int n = rng.Next(2, 12), m = rng.Next(1, 40);
            var source = new int[m]; var target = new int[m]; var cap = new int[m]; var cost = new long[m];
            for (int e = 0; e < m; e++)
            {
                source[e] = rng.Next(n); target[e] = rng.Next(n);
                cap[e] = rng.Next(0, 6); cost[e] = rng.Next(-10, 11);
            }
            var simplex = new NetworkSimplex(n, m, source, target, cap, cost);
            simplex.Run();

            simplex.VerifyOptimality().ShouldBeNull($"seed {seed}");
            simplex.TotalCost().ShouldBe(CycleCancelling(n, source, target, cap, cost), $"seed {seed}");
        }
    }

    [Fact]
    public void Large_random_circulations_carry_an_optimality_certificate()
    {
        for (int seed = 1; seed <= 30; seed++)
        {
            var rng = new Random(seed);
            int n = rng.Next(50, 400), m = rng.Next(n, 8 * n);
            var source = new int[m]; var target = new int[m]; var cap = new int[m]; var cost = new long[m];
            for (int e = 0; e < m; e++)
            {
                source[e] = rng.Next(n); target[e] = rng.Next(n);
                cap[e] = rng.Next(0, 20); cost[e] = rng.Next(-1000, 1001);
            }
            // Both block sizes in use: LEMON's √m (compact networks) and the small one of direct networks.
            var simplex = new NetworkSimplex(n, m, source, target, cap, cost, seed % 2 == 0 ? 1.0 : 0.05);
            simplex.Run();

            simplex.VerifyOptimality().ShouldBeNull($"seed {seed}");
            simplex.TotalCost().ShouldBeLessThan(0, $"seed {seed}: random costs always leave a negative cycle to use");
        }
    }

    [Fact]
    public void Empty_network_is_fine()
    {
        var simplex = new NetworkSimplex(0, 0, [], [], [], []);
        simplex.Run();
        simplex.TotalCost().ShouldBe(0);
    }

    private static long CycleCancelling(int n, int[] source, int[] target, int[] cap, long[] cost)
    {
        int m = source.Length;
        var flow = new int[m];
        while (true)
        {
            // Bellman–Ford from a virtual source to all nodes on the residual graph; find a negative cycle.
            var dist = new long[n];
            var via = Enumerable.Repeat(-1, n).ToArray();
            int last = -1;
            for (int round = 0; round < n; round++)
            {
                last = -1;
                for (int e = 0; e < 2 * m; e++)
                {
                    int a = e >> 1; bool forward = (e & 1) == 0;
                    int u = forward ? source[a] : target[a], v = forward ? target[a] : source[a];
                    long c = forward ? cost[a] : -cost[a];
                    int residual = forward ? cap[a] - flow[a] : flow[a];
                    if (residual > 0 && dist[u] + c < dist[v]) { dist[v] = dist[u] + c; via[v] = e; last = v; }
                }
            }
            if (last < 0) break;
            for (int k = 0; k < n; k++) last = Tail(via[last]);
            int x = last, bottleneck = int.MaxValue;
            do { bottleneck = Math.Min(bottleneck, Residual(via[x])); x = Tail(via[x]); } while (x != last);
            do { int e = via[x]; flow[e >> 1] += (e & 1) == 0 ? bottleneck : -bottleneck; x = Tail(e); } while (x != last);
        }
        long total = 0;
        for (int a = 0; a < m; a++) total += flow[a] * cost[a];
        return total;

        int Tail(int e) => (e & 1) == 0 ? source[e >> 1] : target[e >> 1];
        int Residual(int e) => (e & 1) == 0 ? cap[e >> 1] - flow[e >> 1] : flow[e >> 1];
    }
}
