using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Plans;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Documents;

/// <summary>
/// The program's reports for its managers: the final report, a quarter's report and the practice description, each a .docx filled
/// from the data with charts as pictures (<see cref="ProgramReports"/>). Downloads are audited by <see cref="DownloadAudit"/>.
/// </summary>
[Authorize(Policy = Policies.ProgramWrite)]
public class ReportsModel(AppDbContext db, ProgramReports reports, TimeProvider clock) : PageModel
{
    public MentoringProgram? Program { get; private set; }

    /// <summary>The quarters of the program's period up to today's, latest first.</summary>
    public List<(int Year, int Quarter)> Quarters { get; } = [];

    public async Task<IActionResult> OnGetAsync(int? programId, CancellationToken ct)
    {
        Program = programId is { } id ? await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) : await db.CurrentProgramAsync(ct);
        if (programId is not null && Program is null) return NotFound();
        if (Program is { } p)
        {
            var last = PlanLabels.QuarterOf(clock.Today() < p.EndDate ? clock.Today() : p.EndDate);
            for (var q = PlanLabels.QuarterOf(p.StartDate); q.CompareTo(last) <= 0; q = q.Quarter == 4 ? (q.Year + 1, 1) : (q.Year, q.Quarter + 1))
                Quarters.Insert(0, q);
        }
        return Page();
    }

    public async Task<IActionResult> OnGetFinalAsync(int programId, CancellationToken ct) => File(programId, await reports.FinalAsync(programId, ct));

    /// <summary>The quarter as «2026-4».</summary>
    public async Task<IActionResult> OnGetQuarterAsync(int programId, string? quarter, CancellationToken ct)
    {
        var parts = (quarter ?? "").Split('-');
        int? y = parts.Length == 2 && int.TryParse(parts[0], out var yy) ? yy : null, q = parts.Length == 2 && int.TryParse(parts[1], out var qq) ? qq : null;
        return File(programId, await reports.QuarterAsync(programId, y, q, ct));
    }

    public async Task<IActionResult> OnGetPracticeAsync(int programId, CancellationToken ct) => File(programId, await reports.PracticeAsync(programId, ct));

    private IActionResult File(int programId, CommandResult<Pairs.DocumentFile> result)
    {
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { } error)
        {
            TempData["Error"] = error.FullText;
            return Redirect($"/Documents/Reports/{programId}");
        }
        var f = result.Value!;
        return File(f.Bytes, f.ContentType, f.FileName);
    }
}
