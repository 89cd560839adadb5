using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Pairs;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Documents;

/// <summary>
/// A registered order: its frozen .docx and scan, «Ознакомлен(а)» for a person it concerns, and for the managers who confirmed and
/// when, with the sheet. Anyone else, another school included, gets 404 (the privacy filters hide the order). Files are audited by
/// <see cref="DownloadAudit"/>.
/// </summary>
[Authorize]
public class OrderModel(AppDbContext db, OrderRegister register, AcknowledgementCommands acknowledgements) : PageModel
{
    public OrderRegister.Row Order { get; private set; } = null!;
    public DateTime? MyConfirmation { get; private set; }
    public bool Concerned { get; private set; }
    /// <summary>Who the order concerns and when each confirmed: the managers only.</summary>
    public List<AcknowledgementCommands.Line>? Lines { get; private set; }

    public async Task<IActionResult> OnGetAsync(int orderId, CancellationToken ct)
    {
        if (await register.FindAsync(orderId, ct) is not { } order) return NotFound();
        Order = order;
        var me = db.School.PersonId;
        var mine = await db.OrderAcknowledgements.AsNoTracking().Where(a => a.OrderId == orderId && a.PersonId == me)
            .Select(a => new { a.ConfirmedAt }).FirstOrDefaultAsync(ct);
        Concerned = mine is not null;
        MyConfirmation = mine?.ConfirmedAt;
        Lines = await acknowledgements.LinesAsync(orderId, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(int orderId, CancellationToken ct) => Hand(await register.FileAsync(orderId, OrderFileKind.Docx, ct));

    public async Task<IActionResult> OnGetScanAsync(int orderId, CancellationToken ct) => Hand(await register.FileAsync(orderId, OrderFileKind.Scan, ct));

    public async Task<IActionResult> OnGetSheetAsync(int orderId, CancellationToken ct) => Hand(await acknowledgements.SheetAsync(orderId, ct));

    public async Task<IActionResult> OnPostConfirmAsync(int orderId, string? returnUrl, CancellationToken ct)
    {
        var result = await acknowledgements.ConfirmAsync(orderId, ct);
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { } error) TempData["Error"] = error.Message;
        else TempData["Flash"] = "Ознакомление с приказом отмечено.";
        return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage(new { orderId });
    }

    private IActionResult Hand(CommandResult<DocumentFile> result)
    {
        if (result.Error is not null) return NotFound();
        var f = result.Value!;
        // A scan is what a person uploaded: handed out as an attachment, never rendered as a page of the site.
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(f.Bytes, f.ContentType, f.FileName);
    }
}
