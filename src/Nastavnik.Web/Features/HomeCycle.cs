using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Diagnostics;
using Nastavnik.Web.Features.Programs;

namespace Nastavnik.Web.Features;

/// <summary>The state of the program cycle (docs/ui.md: the curator's home is the cycle), read in a few small queries.</summary>
public sealed record HomeCycle(
    int ProgramId, string ProgramName, ProgramStatus Status,
    int Events, int EventsDone, int EventsOverdue,
    int? RoundId, bool RoundOpen, DateOnly? Deadline, int Answered, int Eligible,
    int Needs, int UncoveredNeeds, int Mentors, int? ProposedServed, int MenteesWithMentor,
    ChoiceStage? ChoiceStage, int ChoiceMade, int LivePairs = 0, int StalledPairs = 0)
{
    public static async Task<HomeCycle?> LoadAsync(AppDbContext db, DateOnly today, CancellationToken ct = default)
    {
        var program = await db.CurrentProgramAsync(ct);
        if (program is null) return null;
        var events = await db.RoadmapEvents.Where(e => e.ProgramId == program.Id)
            .Select(e => new { e.Status, e.DueDate }).ToListAsync(ct);
        var round = await db.LatestRoundAsync(program.Id, ct);
        var eligible = await db.People.CountAsync(Participation.IsAsked, ct);
        int answered = 0, needs = 0, uncovered = 0, mentors = 0, choiceMade = 0;
        ChoiceStage? choice = null;
        if (round is not null)
        {
            // The figures of the competency map, computed by the map itself, so both pages say the same.
            var participation = await Participation.LoadAsync(db, round.Id, ct);
            var map = CompetencyMap.Build(await CompetencyData.LoadAsync(db, round.Id, withNeeds: true, ct), new CompetencyMapFilter(), participation, pageSize: 1);
            (eligible, answered) = (participation.Asked, participation.Answered);
            needs = map.Balances.Sum(b => b.Needs);
            uncovered = map.Uncovered.Count;
            mentors = map.Mentors;
            choice = await db.ChoiceStages.AsNoTracking().FirstOrDefaultAsync(s => s.RoundId == round.Id, ct);
            if (choice is not null) choiceMade = await db.Choices.Where(m => m.RoundId == round.Id).Select(m => m.MenteeId).Distinct().CountAsync(ct);
        }
        var lastRun = await db.MatchingRuns.Where(r => r.ProgramId == program.Id).OrderByDescending(r => r.Id).Select(r => (int?)r.NeedsServed).FirstOrDefaultAsync(ct);
        var approved = await db.MentoringPairs.Where(p => p.ProgramId == program.Id).Select(p => p.MenteeId).Distinct().CountAsync(ct);
        var live = await db.MentoringPairs.CountAsync(p => p.ProgramId == program.Id && (p.Status == PairStatus.Approved || p.Status == PairStatus.Active), ct);
        var stalled = live == 0 ? 0 : await Pairs.StalledPairs.Query(db, db.Clock.UtcTime(), today).CountAsync(s => s.ProgramId == program.Id, ct);
        return new HomeCycle(program.Id, program.Name, program.Status,
            events.Count, events.Count(e => e.Status == EventStatus.Done),
            events.Count(e => e.Status == EventStatus.Planned && e.DueDate is { } d && d < today),
            round?.Id, round?.IsOpen ?? false, round?.Deadline, answered, eligible, needs, uncovered, mentors, lastRun, approved, choice, choiceMade,
            live, stalled);
    }
}
