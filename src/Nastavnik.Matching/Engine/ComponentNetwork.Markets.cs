namespace Nastavnik.Matching.Engine;

internal sealed partial class ComponentNetwork
{
    /// <summary>Arcs between the needs [needFrom, needTo) and offers [offerFrom, offerTo) of one topic market.</summary>
    private void AddMarket(int topic, int needFrom, int needTo, int offerFrom, int offerTo)
    {
        if (needFrom == needTo || offerFrom == offerTo) return;
        for (int i = offerFrom; i < offerTo; i++) _s.OfferInMarket[_p.OfferMentor[_offers[i]]] = _offers[i];

        var hubNeeds = new List<int>();
        for (int i = needFrom; i < needTo; i++)
        {
            int n = _needs[i];
            if (_compact && !NeedsOwnArcs(n, offerFrom, offerTo)) hubNeeds.Add(n);
            else AddAllDirectArcs(n, offerFrom, offerTo);
        }
        if (hubNeeds.Count > 0)
        {
            AddTopicHub(hubNeeds, offerFrom, offerTo);
            if (_p.Digital[topic] && _p.WReverseDigital > 0) AddExperienceChain(hubNeeds, offerFrom, offerTo);
            foreach (int n in hubNeeds) AddBonusArcs(n, offerFrom, offerTo);
        }

        for (int i = offerFrom; i < offerTo; i++) _s.OfferInMarket[_p.OfferMentor[_offers[i]]] = -1;
    }

    /// <summary>A need whose mentee offers the topic too, or has a conflict here, cannot use the hub (it would allow a forbidden contract).</summary>
    private bool NeedsOwnArcs(int n, int offerFrom, int offerTo)
    {
        int e = _p.NeedMentee[n];
        if (_s.OfferInMarket[e] >= 0) return true;
        if (!_p.HasConflict[e]) return false;
        for (int i = offerFrom; i < offerTo; i++)
            if (_p.IsConflict(e, _p.NeedTopic[n], _p.OfferMentor[_offers[i]])) return true;
        return false;
    }

    private void AddDirectArc(int n, int o)
    {
        int w = _p.Weight(n, o);
        if (w > 0) _arcs.Add(_s.NeedNode[n], _s.OfferNode[o], 1, -w, n, o);
    }

    private void AddAllDirectArcs(int n, int offerFrom, int offerTo)
    {
        for (int i = offerFrom; i < offerTo; i++)
            if (_p.IsAllowed(n, _offers[i])) AddDirectArc(n, _offers[i]);
    }

    private void AddTopicHub(List<int> hubNeeds, int offerFrom, int offerTo)
    {
        int hub = NewNode();
        int needArcs = _arcs.Count;
        foreach (int n in hubNeeds)
            _arcs.Add(_s.NeedNode[n], hub, 1, -(_p.WPriority[_p.NeedPriority[n]] + _sameSchoolOnHub), n);
        int offerArcs = _arcs.Count;
        for (int i = offerFrom; i < offerTo; i++)
        {
            int o = _offers[i];
            _arcs.Add(hub, _s.OfferNode[o], OfferCap(o), -_p.WLevel[_p.OfferLevel[o]], -1, o);
        }
        _hubs.Add(new HubInfo(needArcs, offerArcs, _arcs.Count, -1));
    }

    /// <summary>
    /// Chain nodes for the distinct values v of x(mentee) and x(mentor)+1, arcs from each value to
    /// the next lower one; a need enters at x(e), an offer leaves at x(m)+1, so it is reachable
    /// exactly when x(m) &lt; x(e). The offer arc carries level + reverse-digital bonus.
    /// </summary>
    private void AddExperienceChain(List<int> hubNeeds, int offerFrom, int offerTo)
    {
        int minOffer = int.MaxValue, maxNeed = int.MinValue;
        for (int i = offerFrom; i < offerTo; i++) minOffer = Math.Min(minOffer, _p.Experience[_p.OfferMentor[_offers[i]]]);
        foreach (int n in hubNeeds) maxNeed = Math.Max(maxNeed, _p.Experience[_p.NeedMentee[n]]);
        if (maxNeed <= minOffer) return;

        var values = new List<int>();
        foreach (int n in hubNeeds)
            if (_p.Experience[_p.NeedMentee[n]] > minOffer) values.Add(_p.Experience[_p.NeedMentee[n]]);
        for (int i = offerFrom; i < offerTo; i++)
            if (_p.Experience[_p.OfferMentor[_offers[i]]] < maxNeed) values.Add(_p.Experience[_p.OfferMentor[_offers[i]]] + 1);
        values.Sort();
        int distinct = 0;
        for (int i = 0; i < values.Count; i++) if (distinct == 0 || values[distinct - 1] != values[i]) values[distinct++] = values[i];
        values.RemoveRange(distinct, values.Count - distinct);

        int chainBase = _nodes;
        _nodes += distinct;
        for (int j = 1; j < distinct; j++) _arcs.Add(chainBase + j, chainBase + j - 1, hubNeeds.Count, 0);
        int needArcs = _arcs.Count;
        foreach (int n in hubNeeds)
        {
            int x = _p.Experience[_p.NeedMentee[n]];
            if (x > minOffer)
                _arcs.Add(_s.NeedNode[n], chainBase + values.BinarySearch(x), 1,
                    -(_p.WPriority[_p.NeedPriority[n]] + _sameSchoolOnHub), n);
        }
        int offerArcs = _arcs.Count;
        for (int i = offerFrom; i < offerTo; i++)
        {
            int o = _offers[i], x = _p.Experience[_p.OfferMentor[o]];
            if (x < maxNeed)
                _arcs.Add(chainBase + values.BinarySearch(x + 1), _s.OfferNode[o], OfferCap(o),
                    -(_p.WLevel[_p.OfferLevel[o]] + _p.WReverseDigital), -1, o);
        }
        _hubs.Add(new HubInfo(needArcs, offerArcs, _arcs.Count, chainBase));
    }

    /// <summary>Own arcs, with the exact weight, to same-school mentors (unless the hub already counts the school) and to ranked mentors.</summary>
    private void AddBonusArcs(int n, int offerFrom, int offerTo)
    {
        int e = _p.NeedMentee[n], market = Market(n);
        if (_sameSchoolOnHub == 0 && _p.WSameSchool > 0)
        {
            int school = _p.School[e];
            int lo = offerFrom, hi = offerTo;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (_p.School[_p.OfferMentor[_offers[mid]]] < school) lo = mid + 1; else hi = mid;
            }
            for (int i = lo; i < offerTo && _p.School[_p.OfferMentor[_offers[i]]] == school; i++)
            {
                _s.DirectMark[_offers[i]] = n + 1;
                AddDirectArc(n, _offers[i]);
            }
        }
        for (int k = _p.PrefStart[n]; k < _p.PrefStart[n + 1]; k++)
        {
            int rank = k - _p.PrefStart[n] + 1;
            // A ranked mentor may belong to another component, whose build (maybe on another thread) sets
            // OfferInMarket for its own markets: only an offer of this very market is taken.
            int o = _s.OfferInMarket[_p.PrefMentor[k]];
            if (o < 0 || MarketOfOffer(o) != market) continue;
            if (rank >= _p.WPreference.Length || _p.WPreference[rank] <= 0 || _s.DirectMark[o] == n + 1) continue;
            _s.DirectMark[o] = n + 1;
            AddDirectArc(n, o);
        }
    }

    /// <summary>Contracts (need, offer) carried by the optimal circulation.</summary>
    public List<(int Need, int Offer)> Decode()
    {
        var solver = _solver ?? throw new InvalidOperationException("Solve first.");
        var result = new List<(int, int)>();
        for (int a = 0; a < _arcs.Count; a++)
            if (_arcs.Need[a] >= 0 && _arcs.Offer[a] >= 0 && solver.Flow(a) > 0) result.Add((_arcs.Need[a], _arcs.Offer[a]));
        foreach (var hub in _hubs)
        {
            var entries = new List<(int Level, int Need)>();
            var exits = new List<(int Level, int Offer, int Flow)>();
            for (int a = hub.NeedArcs; a < hub.OfferArcs; a++)
                if (solver.Flow(a) > 0) entries.Add((_arcs.Target[a] - hub.ChainBase, _arcs.Need[a]));
            for (int a = hub.OfferArcs; a < hub.End; a++)
                if (solver.Flow(a) > 0) exits.Add((_arcs.Source[a] - hub.ChainBase, _arcs.Offer[a], solver.Flow(a)));
            if (hub.ChainBase >= 0)
            {
                // Walk the chain from the top: a need entering at level v can leave at any level ≤ v.
                entries.Sort((x, y) => y.Level != x.Level ? y.Level.CompareTo(x.Level) : x.Need.CompareTo(y.Need));
                exits.Sort((x, y) => y.Level != x.Level ? y.Level.CompareTo(x.Level) : x.Offer.CompareTo(y.Offer));
            }
            int next = 0;
            var waiting = new Queue<int>();
            foreach (var (level, offer, flow) in exits)
            {
                while (next < entries.Count && entries[next].Level >= level) waiting.Enqueue(entries[next++].Need);
                for (int f = 0; f < flow; f++)
                    result.Add((waiting.Count > 0 ? waiting.Dequeue() : throw new InvalidOperationException("Hub flow is not conserved."), offer));
            }
        }
        return result;
    }
}
