using Microsoft.EntityFrameworkCore;
using Nastavnik.Matching;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Matching;

/// <summary>
/// Matching once a program's pairs are at work (issue 12): any pair has left «утверждена», was created by hand, or has records
/// (history, agreement, plan, meetings, activities, reports). Then «Подобрать пары» matches only the needs without a live pair, with
/// each mentor's capacity (in all and on the topic) and each mentee's load reduced by their live pairs, and «Утвердить пары» adds
/// pairs and never deletes one. Before that, approval still replaces the approved pairs (nothing has happened to them yet).
/// </summary>
public static class PairsAtWork
{
    /// <summary>Whether any pair of the program is at work.</summary>
    public static Task<bool> AnyAsync(AppDbContext db, int programId, CancellationToken ct)
    {
        var pairs = db.MentoringPairs.Where(p => p.ProgramId == programId);
        return pairs.AnyAsync(p => p.Status != PairStatus.Approved || p.Manual
            || db.PairChanges.Any(c => c.PairId == p.Id) || db.PairAgreements.Any(a => a.PairId == p.Id)
            || db.PlanGoals.Any(g => g.PairId == p.Id) || db.PlanTasks.Any(t => t.PairId == p.Id)
            || db.MeetingParticipants.Any(m => m.PairId == p.Id) || db.JointActivities.Any(a => a.PairId == p.Id)
            || db.PairReports.Any(r => r.PairId == p.Id), ct);
    }

    /// <summary>The live pairs (approved or active) of the program: mentor, mentee, topic.</summary>
    public static async Task<List<(int Mentor, int Mentee, int Topic)>> LiveAsync(AppDbContext db, int programId, CancellationToken ct) =>
        (await db.MentoringPairs.AsNoTracking().Where(p => p.ProgramId == programId && (p.Status == PairStatus.Approved || p.Status == PairStatus.Active))
            .Select(p => new { p.MentorId, p.MenteeId, p.TopicId }).ToListAsync(ct))
        .Select(p => (p.MentorId, p.MenteeId, p.TopicId)).ToList();

    /// <summary>
    /// The problem without the needs that have a live pair, with capacities and loads reduced by the live pairs (never below zero).
    /// Pairs of people or topics outside the problem (archived since, no consent) still use up nothing.
    /// </summary>
    public static MatchingProblem Reduce(ProgramMatchingInput input, IReadOnlyList<(int Mentor, int Mentee, int Topic)> live)
    {
        var person = input.People.ToDictionary(p => p.PersonId, p => p.EngineId);
        var topic = input.Topics.ToDictionary(t => t.TopicId, t => t.EngineId);
        var mapped = live.Where(l => person.ContainsKey(l.Mentor) && person.ContainsKey(l.Mentee) && topic.ContainsKey(l.Topic))
            .Select(l => (Mentor: person[l.Mentor], Mentee: person[l.Mentee], Topic: topic[l.Topic])).ToList();
        var served = mapped.Select(l => (l.Mentee, l.Topic)).ToHashSet();
        var mentorLoad = mapped.GroupBy(l => l.Mentor).ToDictionary(g => g.Key, g => g.Count());
        var offerLoad = mapped.GroupBy(l => (l.Mentor, l.Topic)).ToDictionary(g => g.Key, g => g.Count());
        var menteeLoad = mapped.GroupBy(l => l.Mentee).ToDictionary(g => g.Key, g => g.Count());
        var p = input.Problem;
        return p with
        {
            Participants = p.Participants.Select(x => x with
            {
                MentorCapacity = Math.Max(0, x.MentorCapacity - mentorLoad.GetValueOrDefault(x.Id)),
                MaxMenteeLoad = Math.Max(0, x.MaxMenteeLoad - menteeLoad.GetValueOrDefault(x.Id)),
            }).ToList(),
            Offers = p.Offers.Select(o => o with { Capacity = Math.Max(0, o.Capacity - offerLoad.GetValueOrDefault((o.Mentor, o.Topic))) }).ToList(),
            Needs = p.Needs.Where(n => !served.Contains((n.Mentee, n.Topic))).ToList(),
            Preferences = p.Preferences.Where(x => x.Topic is not { } t || !served.Contains((x.Mentee, t))).ToList(),
        };
    }
}
