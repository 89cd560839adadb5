using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Documents;

/// <summary>The social partners of a program (issue 14, item 6): the curator adds, corrects and removes them; their letters of thanks are on the page of documents.</summary>
[Authorize(Policy = Policies.ProgramWrite)]
public class PartnersModel(AppDbContext db, PartnerCommands partners) : PageModel
{
    public MentoringProgram Program { get; private set; } = null!;
    public List<ProgramPartner> Partners { get; private set; } = [];
    public CommandError? Error { get; private set; }
    /// <summary>The partner whose form shows the error (null: the form of a new one).</summary>
    public int? ErrorFor { get; private set; }
    [BindProperty] public PartnerForm Input { get; set; } = new();

    public sealed class PartnerForm
    {
        public string? Organization { get; set; }
        public string? Head { get; set; }
        public string? HeadPosition { get; set; }
        public string? Contribution { get; set; }
        public PartnerInput ToInput() => new(Organization, Head, HeadPosition, Contribution);
    }

    public async Task<IActionResult> OnGetAsync(int programId, CancellationToken ct) => await LoadAsync(programId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(int programId, CancellationToken ct)
    {
        var result = await partners.AddAsync(programId, Input.ToInput(), ct);
        return await DoneAsync(programId, result.Error, null, "Партнёр добавлен.", ct);
    }

    public async Task<IActionResult> OnPostUpdateAsync(int programId, int id, int version, CancellationToken ct)
    {
        var result = await partners.UpdateAsync(id, version, Input.ToInput(), ct);
        return await DoneAsync(programId, result.Error, id, "Изменения сохранены.", ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int programId, int id, int version, CancellationToken ct)
    {
        var result = await partners.DeleteAsync(id, version, ct);
        return await DoneAsync(programId, result.Error, id, "Партнёр удалён.", ct);
    }

    private async Task<IActionResult> DoneAsync(int programId, CommandError? error, int? id, string done, CancellationToken ct)
    {
        if (error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (error is null)
        {
            TempData["Flash"] = done;
            return Redirect($"/Documents/Partners/{programId}");
        }
        if (!await LoadAsync(programId, ct)) return NotFound();
        (Error, ErrorFor) = (error, id);
        return Page();
    }

    private async Task<bool> LoadAsync(int programId, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return false;
        Program = program;
        Partners = await partners.ListAsync(programId, ct);
        return true;
    }
}
