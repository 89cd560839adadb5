using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Admin.Users;

/// <summary>
/// The result of issuing codes (bulk creation or one new code): who got an account, who was refused and why, and the slips to
/// print (.docx or PDF), written on download from the batch <see cref="SlipStore"/> keeps for 45 minutes for the administrator who issued it.
/// </summary>
[Authorize(Policy = Policies.UsersManage)]
public class SlipsModel(AppDbContext db, SlipStore store) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public SlipBatch? Batch { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Batch = await LoadAsync(ct);

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct) =>
        await LoadAsync(ct) is { Cards.Count: > 0 } batch ? File(SlipDocx.Write(batch.Cards), DocxWriter.ContentType, FileName(".docx")) : NotFound();

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct) =>
        await LoadAsync(ct) is { Cards.Count: > 0 } batch ? File(SlipPdf.Write(batch.Cards, batch.Title), "application/pdf", FileName(".pdf")) : NotFound();

    private string FileName(string extension) => $"листки-входа-{db.Clock.UtcTime():yyyy-MM-dd-HHmm}{extension}";

    private Task<SlipBatch?> LoadAsync(CancellationToken ct) => store.LoadAsync(db.School.SchoolId!.Value, User.Identity!.Name!, Id, ct);
}
