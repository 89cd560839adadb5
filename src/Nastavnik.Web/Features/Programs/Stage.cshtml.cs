using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Programs;

/// <summary>Renames or deletes a stage of a roadmap (deleting removes its events too).</summary>
[Authorize(Policy = Policies.ProgramWrite)]
public class StageModel(AppDbContext db, ProgramCommands commands) : PageModel
{
    [BindProperty] public string? Title { get; set; }
    public RoadmapStage Stage { get; private set; } = null!;
    public int EventCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(int programId, int stageId, CancellationToken ct)
    {
        if (!await LoadAsync(programId, stageId, ct)) return NotFound();
        Title = Stage.Title;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int programId, int stageId, CancellationToken ct)
    {
        if (!await LoadAsync(programId, stageId, ct)) return NotFound();
        var result = await commands.RenameStageAsync(programId, stageId, Title, ct);
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { } error)
        {
            error.AddTo(ModelState, nameof(Title));
            return Page();
        }
        TempData["Flash"] = "Этап переименован.";
        return RedirectToPage("/Programs/Roadmap", new { id = programId });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int programId, int stageId, CancellationToken ct)
    {
        if (!await LoadAsync(programId, stageId, ct)) return NotFound();
        var result = await commands.DeleteStageAsync(programId, stageId, ct);
        if (!result.Ok) return NotFound();
        TempData["Flash"] = $"Этап {RussianText.Quote(Stage.Title)} удалён вместе с мероприятиями: {result.Value}.";
        return RedirectToPage("/Programs/Roadmap", new { id = programId });
    }

    private async Task<bool> LoadAsync(int programId, int stageId, CancellationToken ct)
    {
        var stage = await db.RoadmapStages.AsNoTracking().Include(s => s.Events).FirstOrDefaultAsync(s => s.Id == stageId && s.ProgramId == programId, ct);
        if (stage is null) return false;
        Stage = stage;
        EventCount = stage.Events.Count;
        return true;
    }
}
