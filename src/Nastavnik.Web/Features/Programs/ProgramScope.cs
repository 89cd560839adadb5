using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Programs;

/// <summary>Which program and which diagnostics round a page works on when none is named: the school's active program and its latest round.</summary>
public static class ProgramScope
{
    /// <summary>The active program; else the latest draft or completed one; null when the school has none.</summary>
    public static Task<MentoringProgram?> CurrentProgramAsync(this AppDbContext db, CancellationToken ct = default) =>
        db.Programs.AsNoTracking()
            .OrderBy(p => p.Status == ProgramStatus.Active ? 0 : p.Status == ProgramStatus.Draft ? 1 : 2)
            .ThenByDescending(p => p.StartDate).ThenByDescending(p => p.Id)
            .FirstOrDefaultAsync(ct);

    /// <summary>The latest diagnostics round of a program (open or closed); null when none has been opened.</summary>
    public static Task<DiagnosticsRound?> LatestRoundAsync(this AppDbContext db, int programId, CancellationToken ct = default) =>
        db.DiagnosticsRounds.AsNoTracking().Where(r => r.ProgramId == programId)
            .OrderByDescending(r => r.OpenedAt).ThenByDescending(r => r.Id)
            .FirstOrDefaultAsync(ct);
}
