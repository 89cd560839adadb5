using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Nastavnik.Web.Features.Documents;

/// <summary>
/// A pair's quarterly report and ИОМ as .docx, for the pair's mentor and mentee and the managers (<see cref="PairReportFiles"/>; anyone
/// else gets 404). Downloads are audited by the page filter <c>DownloadAudit</c>; a problem goes back to the plan page with its text.
/// </summary>
[Authorize]
public class PairFileModel(PairReportFiles files) : PageModel
{
    public IActionResult OnGet(int pairId) => Redirect($"/Plans/ForPair/{pairId}");

    public async Task<IActionResult> OnGetReportAsync(int pairId, int? year, int? quarter, CancellationToken ct) =>
        File(pairId, await files.ReportAsync(pairId, year, quarter, ct));

    public async Task<IActionResult> OnGetPlanAsync(int pairId, CancellationToken ct) => File(pairId, await files.PlanAsync(pairId, ct));

    private IActionResult File(int pairId, CommandResult<Pairs.DocumentFile> result)
    {
        if (result.Error is { Kind: ErrorKind.NotFound or ErrorKind.Forbidden }) return NotFound();
        if (result.Error is { } error)
        {
            TempData["Error"] = error.FullText;
            return Redirect($"/Plans/ForPair/{pairId}");
        }
        var f = result.Value!;
        return File(f.Bytes, f.ContentType, f.FileName);
    }
}
