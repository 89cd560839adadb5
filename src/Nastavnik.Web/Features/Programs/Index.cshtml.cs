using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Programs;

/// <summary>The school's programs: the chosen (by default the current) one as a card, the others as a list.</summary>
[Authorize(Policy = Policies.ProgramRead)]
public class IndexModel(AppDbContext db, ProgramCommands commands, TimeProvider clock) : PageModel
{
    public sealed record ProgramRow(int Id, string Name, DateOnly StartDate, DateOnly EndDate, ProgramStatus Status);

    public List<ProgramRow> Programs { get; private set; } = [];
    public MentoringProgram? Program { get; private set; }
    public int EventCount { get; private set; }
    public int OverdueCount { get; private set; }
    public bool CanEdit => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Curator);
    public string? Error { get; private set; }

    /// <summary>Deletes a draft (the button asks first, wwwroot/js/confirm.js); see <see cref="ProgramCommands.DeleteDraftAsync"/>.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, int version, CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        var result = await commands.DeleteDraftAsync(id, version, ct);
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { } error)
        {
            Error = error.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await OnGetAsync(id, ct);
        }
        TempData["Flash"] = $"Черновик «{result.Value}» удалён.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Programs = await db.Programs.AsNoTracking()
            .OrderBy(p => p.Status == ProgramStatus.Active ? 0 : p.Status == ProgramStatus.Draft ? 1 : 2)
            .ThenByDescending(p => p.StartDate).ThenByDescending(p => p.Id)
            .Select(p => new ProgramRow(p.Id, p.Name, p.StartDate, p.EndDate, p.Status)).ToListAsync(ct);
        var chosen = id ?? Programs.FirstOrDefault()?.Id;
        if (chosen is null) return Page();
        Program = await db.Programs.AsNoTracking().Include(p => p.Curators).ThenInclude(c => c.Person)
            .Include(p => p.Indicators).ThenInclude(i => i.Targets).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == chosen, ct);
        if (Program is null) return NotFound();
        var today = clock.Today();
        EventCount = await db.RoadmapEvents.CountAsync(e => e.ProgramId == chosen, ct);
        OverdueCount = await db.RoadmapEvents.CountAsync(e => e.ProgramId == chosen && e.Status == EventStatus.Planned && e.DueDate < today, ct);
        return Page();
    }
}
