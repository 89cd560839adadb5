using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Portfolio;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Plans;

/// <summary>
/// Edits one task of a plan: deadline, owner, status, result (text, link, files). When someone else saved the task meanwhile, the form
/// keeps the user's text, shows what is saved now and takes the new version, so a second «Сохранить» is a deliberate choice.
/// </summary>
[Authorize(Policy = Policies.ProgramRead)]
public class TaskModel(AppDbContext db, PlanCommands plans) : PageModel
{
    [BindProperty] public PlanTaskInput Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    public PlanTask Saved { get; private set; } = null!;
    public bool Stale { get; private set; }
    public List<(int Id, string Text)> Goals { get; private set; } = [];
    public List<PlanFileView> AttachedFiles { get; private set; } = [];
    public (DateOnly Start, DateOnly End) Period { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = PlanTaskInput.From(Saved);
        Version = Saved.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await LoadAsync(id, ct) ? Page() : NotFound();
        var uploads = Files.Select(f => new FileUpload(f.FileName, f.Length, f.OpenReadStream())).ToList();
        var result = await plans.UpdateTaskAsync(id, Input, Version, uploads, ct);
        if (result.Error is null)
        {
            TempData["Flash"] = "Задача сохранена.";
            return Redirect($"/Plans/{result.Value!.PlanId}");
        }
        if (result.Error.Kind == ErrorKind.NotFound) return NotFound();
        result.Error.AddTo(ModelState);
        if (!await LoadAsync(id, ct)) return NotFound();
        if (result.Error.Kind == ErrorKind.Stale)
        {
            // The user's text stays in the form; the next save is made over what is saved now.
            Stale = true;
            ModelState.Remove(nameof(Version));
            Version = Saved.Version;
        }
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var task = await db.PlanTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null) return false;
        Saved = task;
        Goals = (await db.PlanGoals.AsNoTracking().Where(g => g.PairId == task.PairId && g.PlanId == task.PlanId).OrderBy(g => g.Id)
            .Select(g => new { g.Id, g.Text }).ToListAsync(ct)).Select(g => (g.Id, g.Text)).ToList();
        AttachedFiles = await db.PlanTaskFiles.AsNoTracking().Where(f => f.TaskId == id).OrderBy(f => f.Id)
            .Select(f => new PlanFileView(f.Id, f.FileName, f.Length)).ToListAsync(ct);
        var period = await db.MentoringPairs.Where(p => p.Id == task.PairId)
            .Join(db.Programs, p => p.ProgramId, g => g.Id, (p, g) => new { g.StartDate, g.EndDate }).FirstOrDefaultAsync(ct);
        Period = period is null ? default : (period.StartDate, period.EndDate);
        return true;
    }
}
