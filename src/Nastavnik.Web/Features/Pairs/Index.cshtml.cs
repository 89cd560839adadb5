using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Pairs;

/// <summary>
/// The curator's pairs of the current program by status, with counts and filters, and the documents of approval: the order (its
/// number and date typed on download) and the list of pairs and groups. Downloads are audited by <see cref="DownloadAudit"/>.
/// </summary>
[Authorize(Policy = Policies.DiagnosticsManage)]
public class IndexModel(PairQueries queries, PairDocuments documents, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "status")] public PairStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }

    public MentoringProgram? Program { get; private set; }
    public IReadOnlyList<PairItem> All { get; private set; } = [];
    public IReadOnlyList<PairItem> Shown { get; private set; } = [];
    public DateOnly Today => clock.Today();
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Program = await queries.ProgramAsync(ct);
        if (Program is null) return;
        All = await queries.ListAsync(Program.Id, null, null, ct);
        Shown = await queries.ListAsync(Program.Id, Status, Q, ct);
        Error = TempData["Error"] as string;
    }

    /// <summary>The order fixing the live pairs and groups: number (may be empty: a line to fill by hand) and date (today by default).</summary>
    public async Task<IActionResult> OnGetOrderAsync(int programId, string? number, DateOnly? date, CancellationToken ct) =>
        File(await documents.OrderAsync(programId, number, date, ct));

    public async Task<IActionResult> OnGetListAsync(int programId, CancellationToken ct) => File(await documents.ListAsync(programId, ct));

    private IActionResult File(CommandResult<DocumentFile> result)
    {
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { } error)
        {
            TempData["Error"] = error.FullText;
            return RedirectToPage();
        }
        var f = result.Value!;
        return File(f.Bytes, f.ContentType, f.FileName);
    }
}
