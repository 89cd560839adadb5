using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Practices;

/// <summary>One material of the bank: what it is, its author, files and links; its author and the managers change or delete it.</summary>
[Authorize(Policy = Policies.ProgramRead)]
public class DetailsModel(PracticeQueries queries, PracticeCommands commands) : PageModel
{
    public PracticeView Material { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, ct) is not { } view) return NotFound();
        Material = view;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int version, CancellationToken ct)
    {
        var result = await commands.DeleteAsync(id, version, ct);
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { Kind: ErrorKind.Forbidden }) return Forbid();
        if (result.Error is { } error)
        {
            TempData["Error"] = error.FullText;
            return RedirectToPage(new { id });
        }
        TempData["Flash"] = $"Материал {RussianText.Quote(result.Value!.Title)} удалён из банка.";
        return RedirectToPage("/Practices/Index");
    }
}
