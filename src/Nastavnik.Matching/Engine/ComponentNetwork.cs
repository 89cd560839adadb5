using Nastavnik.Matching.Flow;

namespace Nastavnik.Matching.Engine;

/// <summary>
/// Scratch arrays indexed by teacher, need or offer, shared by all components. Components have
/// disjoint teachers, needs and offers, so parallel builds never write the same entry.
/// </summary>
internal sealed class Scratch(IndexedProblem p)
{
    public readonly int[] TeacherCount = new int[p.TeacherCount];
    public readonly int[] MenteeNode = new int[p.TeacherCount];
    public readonly int[] MentorNode = new int[p.TeacherCount];
    /// <summary>Offer of a teacher in the market being built, −1 when none.</summary>
    public readonly int[] OfferInMarket = Enumerable.Repeat(-1, p.TeacherCount).ToArray();
    public readonly int[] NeedNode = new int[p.NeedMentee.Length];
    public readonly int[] OfferNode = new int[p.OfferMentor.Length];
    /// <summary>Need (+1) that last got a direct arc to this offer, to avoid duplicates.</summary>
    public readonly int[] DirectMark = new int[p.OfferMentor.Length];
}

/// <summary>
/// The min-cost circulation of one component. Node 0 is the hub H: H → mentee [L] → need [1] →
/// … → offer [u] → mentor [U] → H. Mentee and mentor nodes are left out when their capacity cannot
/// bind. Between needs and offers either one arc per contract (direct), or — compact — a hub per
/// topic carrying priority + level, an experience chain adding the reverse-digital bonus for
/// x(mentor) &lt; x(mentee), and direct arcs only where a pair bonus (same school, preference)
/// applies. Every hub path costs at most the contract's true weight and the best path costs exactly
/// it, so the optimum is the same; decoding pairs needs and offers through each hub.
/// </summary>
internal sealed partial class ComponentNetwork
{
    private readonly IndexedProblem _p;
    private readonly Residual _r;
    private readonly Scratch _s;
    private readonly bool _compact;
    private readonly ArcBuffer _arcs;
    private readonly List<int> _needs = [], _offers = [];
    private readonly List<HubInfo> _hubs = [];
    private int _nodes = 1;
    private int _sameSchoolOnHub;
    private NetworkSimplex? _solver;

    /// <summary>Arcs [NeedArcs, OfferArcs) go need → hub, [OfferArcs, End) hub → offer; ChainBase ≥ 0 marks an experience chain.</summary>
    private readonly record struct HubInfo(int NeedArcs, int OfferArcs, int End, int ChainBase);

    public ComponentNetwork(IndexedProblem p, Residual r, Scratch s, Component c, bool compact)
    {
        _p = p; _r = r; _s = s; _compact = compact;
        _arcs = new ArcBuffer(Math.Max(256, 4 * c.Size));
        foreach (int k in c.Markets)
        {
            for (int i = p.MarketNeedStart[k]; i < p.MarketNeedStart[k + 1]; i++)
                if (ComponentPlanner.NeedActive(p, r, p.MarketNeed[i])) _needs.Add(p.MarketNeed[i]);
            for (int i = p.MarketStart[k]; i < p.MarketStart[k + 1]; i++)
                if (ComponentPlanner.OfferActive(p, r, p.MarketOffer[i])) _offers.Add(p.MarketOffer[i]);
        }
        _sameSchoolOnHub = SingleSchool() ? p.WSameSchool : 0;
        AddMenteeSide();
        AddMentorSide();
        int needAt = 0, offerAt = 0;
        foreach (int k in c.Markets)
        {
            int needEnd = needAt, offerEnd = offerAt;
            while (needEnd < _needs.Count && Market(_needs[needEnd]) == k) needEnd++;
            while (offerEnd < _offers.Count && MarketOfOffer(_offers[offerEnd]) == k) offerEnd++;
            AddMarket(k % p.TopicCount, needAt, needEnd, offerAt, offerEnd);
            needAt = needEnd; offerAt = offerEnd;
        }
    }

    public int NodeCount => _nodes;
    public int ArcCount => _arcs.Count;
    public long Pivots => _solver?.Pivots ?? 0;
    internal NetworkSimplex? Solver => _solver;

    /// <summary>
    /// Measured on the generator's district and city instances: the direct network (~50 arcs per
    /// node, the arcs of one need nearly alike) pivots fastest with blocks of ~0.05·√m arcs, 2–3×
    /// faster than LEMON's √m; the compact network is best near √m.
    /// </summary>
    private const double DirectBlockFactor = 0.05, CompactBlockFactor = 1.0;

    public void Solve()
    {
        _solver = new NetworkSimplex(_nodes, _arcs.Count, _arcs.Source, _arcs.Target, _arcs.Capacity, _arcs.Cost,
            _compact ? CompactBlockFactor : DirectBlockFactor);
        _solver.Run();
    }

    private int Market(int need) => _p.MarketOf(_p.Group[_p.NeedMentee[need]], _p.NeedTopic[need]);
    private int MarketOfOffer(int offer) => _p.MarketOf(_p.Group[_p.OfferMentor[offer]], _p.OfferTopic[offer]);
    private int NewNode() => _nodes++;
    private int OfferCap(int o) => Math.Min(_r.OfferCapacity[o], _r.MentorCapacity[_p.OfferMentor[o]]);

    private bool SingleSchool()
    {
        int school = _needs.Count > 0 ? _p.School[_p.NeedMentee[_needs[0]]] : 0;
        foreach (int n in _needs) if (_p.School[_p.NeedMentee[n]] != school) return false;
        foreach (int o in _offers) if (_p.School[_p.OfferMentor[o]] != school) return false;
        return true;
    }

    private void AddMenteeSide()
    {
        foreach (int n in _needs) { _s.TeacherCount[_p.NeedMentee[n]] = 0; _s.MenteeNode[_p.NeedMentee[n]] = -1; }
        foreach (int n in _needs) _s.TeacherCount[_p.NeedMentee[n]]++;
        foreach (int n in _needs)
        {
            int e = _p.NeedMentee[n];
            if (_s.MenteeNode[e] < 0)
            {
                int load = _r.MenteeLoad[e];
                _s.MenteeNode[e] = load < _s.TeacherCount[e] ? NewNode() : 0;
                if (_s.MenteeNode[e] != 0) _arcs.Add(0, _s.MenteeNode[e], load, 0);
            }
            _s.NeedNode[n] = NewNode();
            _arcs.Add(_s.MenteeNode[e], _s.NeedNode[n], 1, 0);
        }
    }

    private void AddMentorSide()
    {
        foreach (int o in _offers) { _s.TeacherCount[_p.OfferMentor[o]] = 0; _s.MentorNode[_p.OfferMentor[o]] = -1; }
        foreach (int o in _offers) _s.TeacherCount[_p.OfferMentor[o]] += OfferCap(o);
        foreach (int o in _offers)
        {
            int m = _p.OfferMentor[o];
            if (_s.MentorNode[m] < 0)
            {
                int capacity = _r.MentorCapacity[m];
                _s.MentorNode[m] = capacity < _s.TeacherCount[m] ? NewNode() : 0;
                if (_s.MentorNode[m] != 0) _arcs.Add(_s.MentorNode[m], 0, capacity, 0);
            }
            _s.OfferNode[o] = NewNode();
            _arcs.Add(_s.OfferNode[o], _s.MentorNode[m], OfferCap(o), 0);
        }
    }
}
