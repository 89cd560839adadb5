using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Monitoring;

/// <summary>
/// A program's SWOT analysis: the SWOT survey's answers by quadrant on the left, the curator's items in a 2×2 grid with counts, each
/// added (from an answer or typed), edited, moved and deleted through <see cref="SwotCommands"/>.
/// </summary>
[Authorize(Policy = Policies.SurveyResults)]
public class SwotModel(AppDbContext db, SwotCommands commands) : PageModel
{
    public SwotView Swot { get; private set; } = null!;
    public SwotSources Sources { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int programId, CancellationToken ct)
    {
        var swot = await SwotQueries.ForProgramAsync(db, programId, ct);
        if (swot is null) return NotFound();
        Swot = swot;
        Sources = await SwotQueries.SourcesAsync(db, programId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(int programId, SwotItemInput input, CancellationToken ct) =>
        Done(programId, await commands.CreateAsync(programId, input, ct), "Пункт добавлен.");

    public async Task<IActionResult> OnPostUpdateAsync(int programId, int id, int version, SwotItemInput input, CancellationToken ct) =>
        Done(programId, await commands.UpdateAsync(id, input, version, ct), "Пункт сохранён.");

    public async Task<IActionResult> OnPostMoveAsync(int programId, int id, int version, bool up, CancellationToken ct) =>
        Done(programId, await commands.MoveAsync(id, up, version, ct), null);

    public async Task<IActionResult> OnPostDeleteAsync(int programId, int id, int version, CancellationToken ct)
    {
        var result = await commands.DeleteAsync(id, version, ct);
        return Done(programId, result.Error, "Пункт удалён.");
    }

    private IActionResult Done(int programId, CommandResult<SwotItem> result, string? flash) => Done(programId, result.Error, flash);

    private IActionResult Done(int programId, CommandError? error, string? flash)
    {
        if (error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (error is not null) TempData["Error"] = error.FullText;
        else if (flash is not null) TempData["Flash"] = flash;
        return Redirect($"/Monitoring/{programId}/Swot");
    }
}
