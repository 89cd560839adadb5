namespace Nastavnik.Matching.Tests.Support;

/// <summary>
/// docs/matching.md written out a second time, plainly and independently of the engine: scope
/// groups, eligibility, the weight formula and how locks are accepted. Oracles and checks use it.
/// </summary>
public sealed class Spec
{
    public MatchingProblem Problem { get; }
    public Dictionary<int, Participant> Teachers { get; }
    public Dictionary<(int Mentee, int Topic), Need> Needs { get; }
    public Dictionary<(int Mentor, int Topic), Offer> Offers { get; }
    private readonly Dictionary<int, Topic> _topics;
    private readonly List<Conflict> _conflicts;
    private readonly List<Preference> _preferences;

    public Spec(MatchingProblem problem)
    {
        Problem = problem;
        Teachers = problem.Participants.ToDictionary(t => t.Id);
        _topics = problem.Topics.ToDictionary(t => t.Id);
        Needs = problem.Needs.ToDictionary(n => (n.Mentee, n.Topic));
        Offers = problem.Offers.ToDictionary(o => (o.Mentor, o.Topic));
        _conflicts = [.. problem.Conflicts];
        _preferences = [.. problem.Preferences];
    }

    public int GroupOf(int teacher) => Problem.Scope switch
    {
        MatchingScope.School => Teachers[teacher].School,
        MatchingScope.District => Teachers[teacher].District,
        _ => 0,
    };

    /// <summary>A conflict without a topic removes the pair on every topic; one with a topic only on that topic.</summary>
    public bool IsConflict(int mentee, int topic, int mentor) =>
        _conflicts.Any(c => c.Mentee == mentee && c.Mentor == mentor && (c.Topic is null || c.Topic == topic));

    public bool Eligible(int mentee, int topic, int mentor) =>
        Needs.ContainsKey((mentee, topic)) && Offers.ContainsKey((mentor, topic)) && mentee != mentor
        && GroupOf(mentee) == GroupOf(mentor) && !IsConflict(mentee, topic, mentor);

    /// <summary>
    /// r(e,t,m): position of the mentor in the mentee's list for this topic if there is one, otherwise
    /// in the mentee-wide list; the last list given for the same (mentee, topic) or mentee counts.
    /// Repeated mentors count once, at their first position.
    /// </summary>
    public int Rank(int mentee, int topic, int mentor)
    {
        var list = _preferences.LastOrDefault(p => p.Mentee == mentee && p.Topic == topic)
            ?? _preferences.LastOrDefault(p => p.Mentee == mentee && p.Topic is null);
        if (list is null) return 0;
        int i = list.Mentors.Distinct().ToList().IndexOf(mentor);
        return i < 0 ? 0 : i + 1;
    }

    public ScoreBreakdown Score(int mentee, int topic, int mentor)
    {
        var w = Problem.Weights;
        var e = Teachers[mentee];
        var m = Teachers[mentor];
        int rank = Rank(mentee, topic, mentor);
        return new ScoreBreakdown(
            w.Priority[Needs[(mentee, topic)].Priority],
            w.Level[Offers[(mentor, topic)].Level],
            rank > 0 && rank < w.Preference.Count ? w.Preference[rank] : 0,
            e.School == m.School ? w.SameSchool : 0,
            _topics[topic].Digital && m.ExperienceYears < e.ExperienceYears ? w.ReverseDigital : 0);
    }

    public int Weight(int mentee, int topic, int mentor) => Score(mentee, topic, mentor).Total;

    /// <summary>Every eligible contract (e, t, m) with its weight.</summary>
    public List<(int Mentee, int Topic, int Mentor, int Weight)> Contracts() =>
        (from n in Problem.Needs
         from o in Problem.Offers
         where o.Topic == n.Topic && Eligible(n.Mentee, n.Topic, o.Mentor)
         select (n.Mentee, n.Topic, o.Mentor, Weight(n.Mentee, n.Topic, o.Mentor))).ToList();

    /// <summary>Locks in the curator's order; one is kept when eligible and every capacity still has room.</summary>
    public List<CuratorLock> AcceptedLocks()
    {
        var accepted = new List<CuratorLock>();
        var done = new HashSet<(int, int)>();
        var load = new Dictionary<int, int>();
        var offerUse = new Dictionary<(int, int), int>();
        var mentorUse = new Dictionary<int, int>();
        foreach (var l in Problem.Locks)
        {
            if (!Teachers.ContainsKey(l.Mentee) || !Teachers.ContainsKey(l.Mentor) || !_topics.ContainsKey(l.Topic)) continue;
            if (!Eligible(l.Mentee, l.Topic, l.Mentor) || done.Contains((l.Mentee, l.Topic))) continue;
            if (load.GetValueOrDefault(l.Mentee) >= Teachers[l.Mentee].MaxMenteeLoad) continue;
            if (offerUse.GetValueOrDefault((l.Mentor, l.Topic)) >= Offers[(l.Mentor, l.Topic)].Capacity) continue;
            if (mentorUse.GetValueOrDefault(l.Mentor) >= Teachers[l.Mentor].MentorCapacity) continue;
            done.Add((l.Mentee, l.Topic));
            load[l.Mentee] = load.GetValueOrDefault(l.Mentee) + 1;
            offerUse[(l.Mentor, l.Topic)] = offerUse.GetValueOrDefault((l.Mentor, l.Topic)) + 1;
            mentorUse[l.Mentor] = mentorUse.GetValueOrDefault(l.Mentor) + 1;
            accepted.Add(l);
        }
        return accepted;
    }
}
