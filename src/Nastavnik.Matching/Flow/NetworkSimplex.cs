using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Nastavnik.Matching.Flow;

/// <summary>
/// Primal network simplex for a minimum-cost circulation (every node supply is zero, lower bounds
/// are zero, capacities finite), after LEMON's NetworkSimplex: a strongly feasible spanning tree
/// kept as parent/thread/successor-count arrays, block-search pivot rule, integer costs. All data
/// lives in flat arrays indexed by arc and node; arcs [0, m) are the real ones, [m, m+n) the
/// artificial arcs to the extra root node n.
/// </summary>
internal sealed partial class NetworkSimplex
{
    private const sbyte StateUpper = -1, StateTree = 0, StateLower = 1;
    private const sbyte DirUp = 1, DirDown = -1;
    private const int Infinite = int.MaxValue;

    private readonly int _nodeCount, _arcCount, _root;
    private readonly int[] _source, _target, _cap, _flow;
    private readonly long[] _cost, _pi;
    private readonly int[] _parent, _pred, _thread, _revThread, _succNum, _lastSucc, _dirtyRevs;
    private readonly sbyte[] _predDir, _state;
    private readonly int _blockSize;
    private int _nextArc, _inArc, _join, _uIn, _vIn, _uOut, _vOut, _delta;

    public long Pivots { get; private set; }
    public int NodeCount => _nodeCount;
    public int ArcCount => _arcCount;

    /// <param name="source">Arc tails; only the first <paramref name="arcCount"/> entries are read (same for the other arrays).</param>
    /// <param name="blockSizeFactor">
    /// Pricing block = factor·√m arcs (at least 10). LEMON uses 1. Networks with many near-parallel
    /// arcs (one per contract) find an improving arc in far smaller blocks; see docs/matching-engine.md.
    /// </param>
    public NetworkSimplex(int nodeCount, int arcCount, int[] source, int[] target, int[] capacity, long[] cost,
        double blockSizeFactor = 1.0)
    {
        _nodeCount = nodeCount;
        _arcCount = arcCount;
        _root = nodeCount;
        int all = arcCount + nodeCount;
        _source = new int[all]; _target = new int[all]; _cap = new int[all]; _flow = new int[all];
        _cost = new long[all]; _state = new sbyte[all];
        Array.Copy(source, _source, arcCount); Array.Copy(target, _target, arcCount);
        Array.Copy(capacity, _cap, arcCount); Array.Copy(cost, _cost, arcCount);
        _pi = new long[nodeCount + 1];
        _parent = new int[nodeCount + 1]; _pred = new int[nodeCount + 1]; _thread = new int[nodeCount + 1];
        _revThread = new int[nodeCount + 1]; _succNum = new int[nodeCount + 1]; _lastSucc = new int[nodeCount + 1];
        _dirtyRevs = new int[nodeCount + 2];
        _predDir = new sbyte[nodeCount + 1];
        _blockSize = Math.Max((int)(blockSizeFactor * Math.Sqrt(arcCount)), 10);
    }

    public int Flow(int arc) => _flow[arc];
    public long Potential(int node) => _pi[node];

    public long TotalCost()
    {
        long total = 0;
        for (int e = 0; e < _arcCount; e++) total += _flow[e] * _cost[e];
        return total;
    }

    /// <summary>Finds a minimum-cost circulation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run()
    {
        if (_nodeCount == 0 || _arcCount == 0) return;
        Init();
        while (FindEnteringArc())
        {
            FindJoinNode();
            bool change = FindLeavingArc();
            if (_delta == Infinite) throw new InvalidOperationException("Unbounded flow: every arc needs a finite capacity.");
            ChangeFlow(change);
            if (change)
            {
                UpdateTreeStructure();
                UpdatePotential();
            }
            Pivots++;
        }
    }

    private void Init()
    {
        Array.Fill(_state, StateLower, 0, _arcCount);
        _parent[_root] = -1; _pred[_root] = -1;
        _thread[_root] = 0; _revThread[0] = _root;
        _succNum[_root] = _nodeCount + 1; _lastSucc[_root] = _root - 1;
        _pi[_root] = 0;
        for (int u = 0, e = _arcCount; u != _nodeCount; ++u, ++e)
        {
            _parent[u] = _root; _pred[u] = e;
            _thread[u] = u + 1; _revThread[u + 1] = u;
            _succNum[u] = 1; _lastSucc[u] = u;
            _cap[e] = Infinite; _state[e] = StateTree;
            _predDir[u] = DirUp; _pi[u] = 0;
            _source[e] = u; _target[e] = _root; _flow[e] = 0; _cost[e] = 0;
        }
    }

    /// <summary>Block search: scan blocks of about √m arcs from where the last search stopped; take the most negative reduced cost of the first block that has one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool FindEnteringArc()
    {
        ref int src = ref MemoryMarshal.GetArrayDataReference(_source);
        ref int tgt = ref MemoryMarshal.GetArrayDataReference(_target);
        ref long cost = ref MemoryMarshal.GetArrayDataReference(_cost);
        ref long pi = ref MemoryMarshal.GetArrayDataReference(_pi);
        ref sbyte state = ref MemoryMarshal.GetArrayDataReference(_state);
        long min = 0;
        int cnt = _blockSize, e, m = _arcCount, next = _nextArc;
        for (int pass = 0; pass < 2; pass++)
        {
            int end = pass == 0 ? m : next;
            for (e = pass == 0 ? next : 0; e < end; ++e)
            {
                long c = Unsafe.Add(ref state, e) * (Unsafe.Add(ref cost, e)
                    + Unsafe.Add(ref pi, Unsafe.Add(ref src, e)) - Unsafe.Add(ref pi, Unsafe.Add(ref tgt, e)));
                if (c < min) { min = c; _inArc = e; }
                if (--cnt == 0)
                {
                    if (min < 0) { _nextArc = e; return true; }
                    cnt = _blockSize;
                }
            }
        }
        if (min >= 0) return false;
        _nextArc = next; // the whole ring was scanned; continue from the same place
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FindJoinNode()
    {
        int u = _source[_inArc], v = _target[_inArc];
        while (u != v)
        {
            if (_succNum[u] < _succNum[v]) u = _parent[u];
            else v = _parent[v];
        }
        _join = u;
    }

    /// <summary>Returns false when the entering arc itself is the blocking one (it just flips bound).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool FindLeavingArc()
    {
        int first, second;
        if (_state[_inArc] == StateLower) { first = _source[_inArc]; second = _target[_inArc]; }
        else { first = _target[_inArc]; second = _source[_inArc]; }
        _delta = _cap[_inArc];
        int result = 0;
        for (int u = first; u != _join; u = _parent[u])
        {
            int e = _pred[u], d = _flow[e];
            if (_predDir[u] == DirDown) d = _cap[e] == Infinite ? Infinite : _cap[e] - d;
            if (d < _delta) { _delta = d; _uOut = u; result = 1; }
        }
        for (int u = second; u != _join; u = _parent[u])
        {
            int e = _pred[u], d = _flow[e];
            if (_predDir[u] == DirUp) d = _cap[e] == Infinite ? Infinite : _cap[e] - d;
            if (d <= _delta) { _delta = d; _uOut = u; result = 2; }
        }
        if (result == 1) { _uIn = first; _vIn = second; }
        else { _uIn = second; _vIn = first; }
        return result != 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ChangeFlow(bool change)
    {
        if (_delta > 0)
        {
            int val = _state[_inArc] * _delta;
            _flow[_inArc] += val;
            for (int u = _source[_inArc]; u != _join; u = _parent[u]) _flow[_pred[u]] -= _predDir[u] * val;
            for (int u = _target[_inArc]; u != _join; u = _parent[u]) _flow[_pred[u]] += _predDir[u] * val;
        }
        if (change)
        {
            _state[_inArc] = StateTree;
            _state[_pred[_uOut]] = _flow[_pred[_uOut]] == 0 ? StateLower : StateUpper;
        }
        else
        {
            _state[_inArc] = (sbyte)-_state[_inArc];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void UpdateTreeStructure()
    {
        int oldRevThread = _revThread[_uOut], oldSuccNum = _succNum[_uOut], oldLastSucc = _lastSucc[_uOut];
        _vOut = _parent[_uOut];

        if (_uIn == _uOut)
        {
            _parent[_uIn] = _vIn;
            _pred[_uIn] = _inArc;
            _predDir[_uIn] = _uIn == _source[_inArc] ? DirUp : DirDown;
            if (_thread[_vIn] != _uOut)
            {
                int after = _thread[oldLastSucc];
                _thread[oldRevThread] = after; _revThread[after] = oldRevThread;
                after = _thread[_vIn];
                _thread[_vIn] = _uOut; _revThread[_uOut] = _vIn;
                _thread[oldLastSucc] = after; _revThread[after] = oldLastSucc;
            }
        }
        else
        {
            ReverseStem(oldRevThread, oldSuccNum, oldLastSucc);
        }

        int upLimitOut = _lastSucc[_join] == _vIn ? _join : -1;
        int lastSuccOut = _lastSucc[_uOut];
        for (int u = _vIn; u != -1 && _lastSucc[u] == _vIn; u = _parent[u]) _lastSucc[u] = lastSuccOut;

        if (_join != oldRevThread && _vIn != oldRevThread)
        {
            for (int u = _vOut; u != upLimitOut && _lastSucc[u] == oldLastSucc; u = _parent[u]) _lastSucc[u] = oldRevThread;
        }
        else if (lastSuccOut != oldLastSucc)
        {
            for (int u = _vOut; u != upLimitOut && _lastSucc[u] == oldLastSucc; u = _parent[u]) _lastSucc[u] = lastSuccOut;
        }

        for (int u = _vIn; u != _join; u = _parent[u]) _succNum[u] += oldSuccNum;
        for (int u = _vOut; u != _join; u = _parent[u]) _succNum[u] -= oldSuccNum;
    }

    /// <summary>Re-hangs the stem u_in … u_out under v_in: parents, thread order, preds and subtree sizes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReverseStem(int oldRevThread, int oldSuccNum, int oldLastSucc)
    {
        int threadContinue = oldRevThread == _vIn ? _thread[oldLastSucc] : _thread[_vIn];
        int stem = _uIn, parStem = _vIn;
        int last = _lastSucc[_uIn];
        int after = _thread[last];
        _thread[_vIn] = _uIn;
        int dirty = 0;
        _dirtyRevs[dirty++] = _vIn;
        while (stem != _uOut)
        {
            int nextStem = _parent[stem];
            _thread[last] = nextStem;
            _dirtyRevs[dirty++] = last;
            int before = _revThread[stem];
            _thread[before] = after; _revThread[after] = before;
            _parent[stem] = parStem;
            parStem = stem;
            stem = nextStem;
            last = _lastSucc[stem] == _lastSucc[parStem] ? _revThread[parStem] : _lastSucc[stem];
            after = _thread[last];
        }
        _parent[_uOut] = parStem;
        _thread[last] = threadContinue; _revThread[threadContinue] = last;
        _lastSucc[_uOut] = last;
        if (oldRevThread != _vIn)
        {
            _thread[oldRevThread] = after; _revThread[after] = oldRevThread;
        }
        for (int i = 0; i < dirty; i++)
        {
            int u = _dirtyRevs[i];
            _revThread[_thread[u]] = u;
        }
        int tmpSc = 0, tmpLs = _lastSucc[_uOut];
        for (int u = _uOut, p = _parent[u]; u != _uIn; u = p, p = _parent[u])
        {
            _pred[u] = _pred[p];
            _predDir[u] = (sbyte)-_predDir[p];
            tmpSc += _succNum[u] - _succNum[p];
            _succNum[u] = tmpSc;
            _lastSucc[p] = tmpLs;
        }
        _pred[_uIn] = _inArc;
        _predDir[_uIn] = _uIn == _source[_inArc] ? DirUp : DirDown;
        _succNum[_uIn] = oldSuccNum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void UpdatePotential()
    {
        long sigma = _pi[_vIn] - _pi[_uIn] - _predDir[_uIn] * _cost[_inArc];
        int end = _thread[_lastSucc[_uIn]];
        for (int u = _uIn; u != end; u = _thread[u]) _pi[u] += sigma;
    }
}
