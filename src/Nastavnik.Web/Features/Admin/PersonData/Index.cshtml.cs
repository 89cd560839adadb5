using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Admin.PersonData;

/// <summary>«Персональные данные» of a staff card: the export of everything stored and the erasure, for the school's administrator.</summary>
[Authorize(Policy = Policies.UsersManage)]
public class IndexModel(PersonDataCommands commands) : PageModel
{
    public Person Person { get; private set; } = null!;
    public int Accounts { get; private set; }

    [BindProperty]
    public string? Confirm { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnGetExportAsync(int id, CancellationToken ct)
    {
        var result = await commands.ExportAsync(id, ct);
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is not null) return Forbid();
        return File(result.Value!.Content, "application/zip", result.Value.FileName);
    }

    public async Task<IActionResult> OnPostEraseAsync(int id, CancellationToken ct)
    {
        var result = await commands.EraseAsync(id, Confirm, ct);
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { Kind: ErrorKind.Forbidden }) return Forbid();
        if (result.Error is { } error)
        {
            error.AddTo(ModelState);
            return await LoadAsync(id, ct) ?? Page();
        }
        TempData["Flash"] = "Персональные данные сотрудника удалены. В истории программ он показан как «Удалённый сотрудник».";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var result = await commands.SummaryAsync(id, ct);
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is not null) return Forbid();
        (Person, Accounts) = result.Value;
        return null;
    }
}
