using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Programs;

/// <summary>A program's roadmap as the page and the exports show it: stages in order, each with its events in order.</summary>
public sealed record Roadmap(MentoringProgram Program, IReadOnlyList<RoadmapStage> Stages)
{
    public int EventCount => Stages.Sum(s => s.Events.Count);
    public int OverdueCount(DateOnly today) => Stages.Sum(s => s.Events.Count(e => e.IsOverdue(today)));

    /// <summary>«2.3»: the stage's number and the event's number within it.</summary>
    public static string Number(int stageIndex, int eventIndex) => $"{stageIndex + 1}.{eventIndex + 1}";

    public static async Task<Roadmap?> LoadAsync(AppDbContext db, int programId, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return null;
        var stages = await db.RoadmapStages.AsNoTracking().Where(s => s.ProgramId == programId).OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(ct);
        var events = await db.RoadmapEvents.AsNoTracking().Include(e => e.ResponsiblePerson).Where(e => e.ProgramId == programId)
            .OrderBy(e => e.SortOrder).ThenBy(e => e.Id).ToListAsync(ct);
        foreach (var s in stages) s.Events = events.Where(e => e.StageId == s.Id).ToList();
        return new Roadmap(program, stages);
    }
}
