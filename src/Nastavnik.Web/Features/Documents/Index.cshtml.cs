using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Documents;

/// <summary>
/// A program's orders in the order of the year, each downloaded as a .docx filled from the data with the number and date typed on
/// the page. Downloads are audited by <see cref="DownloadAudit"/>.
/// </summary>
[Authorize(Policy = Policies.ProgramWrite)]
public class IndexModel(AppDbContext db, ProgramOrders orders, ProgramSheets sheets, Awards awards, TimeProvider clock) : PageModel
{
    public MentoringProgram? Program { get; private set; }
    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(int? programId, CancellationToken ct)
    {
        Program = programId is { } id ? await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) : await db.CurrentProgramAsync(ct);
        return programId is not null && Program is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnGetOrderAsync(int programId, string code, string? number, DateOnly? date, CancellationToken ct) =>
        File(programId, await orders.OrderAsync(programId, code, number, date, ct));

    public async Task<IActionResult> OnGetThanksAsync(int programId, DateOnly? date, CancellationToken ct) =>
        File(programId, await orders.ThanksAsync(programId, date, ct));

    /// <summary>An Excel file of the program: <c>bases</c> (the target model's mentor and mentee bases) or <c>indicators</c>.</summary>
    public async Task<IActionResult> OnGetSheetAsync(int programId, string? kind, CancellationToken ct) => kind switch
    {
        "bases" => File(programId, await sheets.BasesAsync(programId, ct)),
        "indicators" => File(programId, await sheets.IndicatorsAsync(programId, ct)),
        _ => NotFound(),
    };

    public async Task<IActionResult> OnGetCertificatesAsync(int programId, DateOnly? date, CancellationToken ct) =>
        File(programId, await awards.CertificatesAsync(programId, date, ct));

    public async Task<IActionResult> OnGetPartnerLettersAsync(int programId, DateOnly? date, CancellationToken ct) =>
        File(programId, await awards.PartnerLettersAsync(programId, date, ct));

    private IActionResult File(int programId, CommandResult<Pairs.DocumentFile> result)
    {
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { } error)
        {
            TempData["Error"] = error.FullText;
            return Redirect($"/Documents/{programId}");
        }
        var f = result.Value!;
        return File(f.Bytes, f.ContentType, f.FileName);
    }
}

/// <summary>The form of a set of letters or certificates on the page of documents (<c>_Award.cshtml</c>).</summary>
public sealed record AwardForm(string Key, string Handler, string Title, string Hint, int ProgramId, DateOnly Today, string? PartnersUrl);
