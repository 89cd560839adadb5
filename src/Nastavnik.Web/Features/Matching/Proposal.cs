using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Matching;

/// <summary>A row of the latest run as the curator decided on it.</summary>
public enum ProposalState
{
    /// <summary>The engine's proposal, no decision on it.</summary>
    Proposed,
    /// <summary>The curator locked this mentor for the need: every next run keeps it.</summary>
    Locked,
    /// <summary>The curator rejected this mentor for the need: left out of approval, never proposed again on this topic.</summary>
    Rejected,
    /// <summary>The curator moved the need to another mentor (a lock on it): approval stores that mentor.</summary>
    Moved,
}

/// <summary>One assignment of the run, its state and the mentor an approval gives the need to (the locked one when moved).</summary>
public sealed record ProposalRow(ProposedAssignment Assignment, ProposalState State, int MentorId);

/// <summary>
/// The latest run as the curator sees it: its rows with the curator's decisions applied. <see cref="Pairs"/> is exactly what
/// «Утвердить пары» stores: every row but the rejected ones, moved rows with their new mentor.
/// </summary>
public sealed record Proposal(MatchingRun Run, IReadOnlyList<ProposalRow> Rows, IReadOnlyList<MatchDecision> Decisions)
{
    public IReadOnlyList<(int Mentor, int Mentee, int Topic)> Pairs { get; } =
        Rows.Where(r => r.State != ProposalState.Rejected).Select(r => (r.MentorId, r.Assignment.MenteeId, r.Assignment.TopicId)).ToList();

    /// <summary>
    /// The state of each assignment: a lock of this very mentor makes it Locked; a lock of another mentor on the same need makes it
    /// Moved (the need goes to that mentor, whatever was said about this one); a rejection of this mentor makes it Rejected.
    /// </summary>
    public static IReadOnlyList<ProposalRow> Apply(IReadOnlyList<ProposedAssignment> assignments, IReadOnlyList<MatchDecision> decisions)
    {
        var locks = decisions.Where(d => d.Kind == MatchDecisionKind.Lock).ToLookup(d => (d.MenteeId, d.TopicId), d => d.MentorId);
        var rejected = decisions.Where(d => d.Kind == MatchDecisionKind.Reject).Select(d => (d.MenteeId, d.TopicId, d.MentorId)).ToHashSet();
        return assignments.Select(a =>
        {
            var locked = locks[(a.MenteeId, a.TopicId)].ToList();
            if (locked.Contains(a.MentorId)) return new ProposalRow(a, ProposalState.Locked, a.MentorId);
            if (locked.Count > 0) return new ProposalRow(a, ProposalState.Moved, locked[0]);
            return rejected.Contains((a.MenteeId, a.TopicId, a.MentorId))
                ? new ProposalRow(a, ProposalState.Rejected, a.MentorId)
                : new ProposalRow(a, ProposalState.Proposed, a.MentorId);
        }).ToList();
    }
}

/// <summary>
/// How assignments (mentor, mentee, topic) form pairs and groups: a group is a mentor with two or more mentees on one topic; a
/// tandem is a distinct mentor–mentee pair with at least one topic they work on outside a group (a pair on two topics counts once).
/// </summary>
public sealed record Formation(int Tandems, int Groups, int GroupMentees)
{
    public static readonly Formation Empty = new(0, 0, 0);

    public sealed record Tandem(int Mentor, int Mentee, IReadOnlyList<int> Topics);
    public sealed record Group(int Mentor, int Topic, IReadOnlyList<int> Mentees);

    /// <summary>The tandems (with their topics outside groups) and the groups of the assignments.</summary>
    public static (IReadOnlyList<Tandem> Tandems, IReadOnlyList<Group> Groups) Split(IEnumerable<(int Mentor, int Mentee, int Topic)> assignments)
    {
        var list = assignments.Distinct().ToList();
        var groups = list.GroupBy(a => (a.Mentor, a.Topic)).Where(g => g.Select(a => a.Mentee).Distinct().Count() >= 2)
            .Select(g => new Group(g.Key.Mentor, g.Key.Topic, g.Select(a => a.Mentee).Distinct().ToList())).ToList();
        var inGroup = groups.Select(g => (g.Mentor, g.Topic)).ToHashSet();
        var tandems = list.Where(a => !inGroup.Contains((a.Mentor, a.Topic))).GroupBy(a => (a.Mentor, a.Mentee))
            .Select(g => new Tandem(g.Key.Mentor, g.Key.Mentee, g.Select(a => a.Topic).ToList())).ToList();
        return (tandems, groups);
    }

    public static Formation Of(IEnumerable<(int Mentor, int Mentee, int Topic)> assignments)
    {
        var (tandems, groups) = Split(assignments);
        return new Formation(tandems.Count, groups.Count, groups.Sum(g => g.Mentees.Count));
    }

    public string TandemsText => RussianText.Plural(Tandems, "пара", "пары", "пар");
    public string GroupsText => RussianText.Plural(Groups, "группа", "группы", "групп");
    /// <summary>«2 пары, 1 группа».</summary>
    public string Text => $"{TandemsText}, {GroupsText}";
}
