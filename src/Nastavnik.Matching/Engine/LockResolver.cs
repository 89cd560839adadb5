namespace Nastavnik.Matching.Engine;

/// <summary>Capacities left after the curator's locks; the optimiser and the stable matcher work on these.</summary>
internal sealed class Residual
{
    public readonly int[] MenteeLoad, MentorCapacity, OfferCapacity;
    public readonly bool[] NeedDone;

    public Residual(IndexedProblem p)
    {
        MenteeLoad = (int[])p.MenteeLoad.Clone();
        MentorCapacity = (int[])p.MentorCapacity.Clone();
        OfferCapacity = (int[])p.OfferCapacity.Clone();
        NeedDone = new bool[p.NeedMentee.Length];
    }

    public void Consume(IndexedProblem p, int need, int offer)
    {
        NeedDone[need] = true;
        MenteeLoad[p.NeedMentee[need]]--;
        OfferCapacity[offer]--;
        MentorCapacity[p.OfferMentor[offer]]--;
    }
}

/// <summary>
/// Turns curator locks into forced assignments, in the curator's order. A lock that cannot hold
/// (unknown need or offer, out of scope, conflict, capacity exhausted by earlier locks) is reported
/// and skipped; the rest of the problem is still solved.
/// </summary>
internal static class LockResolver
{
    public static List<(int Need, int Offer)> Apply(IndexedProblem p, Residual r, List<LockIssue> issues)
    {
        var locked = new List<(int, int)>();
        var locks = p.Source.Locks;
        if (locks.Count == 0) return locked;
        var needByKey = new Dictionary<long, int>();
        for (int n = 0; n < p.NeedMentee.Length; n++) needByKey[IndexedProblem.Key(p.NeedMentee[n], p.NeedTopic[n])] = n;
        var offerByKey = new Dictionary<long, int>();
        for (int o = 0; o < p.OfferMentor.Length; o++) offerByKey[IndexedProblem.Key(p.OfferMentor[o], p.OfferTopic[o])] = o;

        foreach (var l in locks)
        {
            var (kind, limit, need, offer) = Check(p, r, l, needByKey, offerByKey);
            if (kind is { } k) { issues.Add(new LockIssue(l, k, limit)); continue; }
            r.Consume(p, need, offer);
            locked.Add((need, offer));
        }
        return locked;
    }

    /// <summary>The first reason the lock cannot hold (with the exhausted limit for the capacity kinds), or null with its contract.</summary>
    private static (LockIssueKind? Kind, int Limit, int Need, int Offer) Check(
        IndexedProblem p, Residual r, CuratorLock l, Dictionary<long, int> needByKey, Dictionary<long, int> offerByKey)
    {
        if (!p.TryTeacherIndex(l.Mentee, out int e) || !p.TryTeacherIndex(l.Mentor, out int m) || !p.TryTopicIndex(l.Topic, out int t))
            return (LockIssueKind.UnknownReference, 0, -1, -1);
        if (e == m) return (LockIssueKind.SelfMentoring, 0, -1, -1);
        if (!needByKey.TryGetValue(IndexedProblem.Key(e, t), out int need)) return (LockIssueKind.NeedNotDeclared, 0, -1, -1);
        if (!offerByKey.TryGetValue(IndexedProblem.Key(m, t), out int offer)) return (LockIssueKind.MentorDoesNotOffer, 0, -1, -1);
        if (p.Group[e] != p.Group[m]) return (LockIssueKind.OutsideScope, 0, -1, -1);
        if (p.IsConflict(e, t, m)) return (LockIssueKind.Conflict, 0, -1, -1);
        if (r.NeedDone[need]) return (LockIssueKind.NeedAlreadyLocked, 0, -1, -1);
        if (r.MenteeLoad[e] <= 0) return (LockIssueKind.MenteeLoadExceeded, p.MenteeLoad[e], -1, -1);
        if (r.OfferCapacity[offer] <= 0) return (LockIssueKind.OfferCapacityExceeded, p.OfferCapacity[offer], -1, -1);
        if (r.MentorCapacity[m] <= 0) return (LockIssueKind.MentorCapacityExceeded, p.MentorCapacity[m], -1, -1);
        return (null, 0, need, offer);
    }
}
