using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Documents;

/// <summary>
/// REST API of a program's orders: the list of kinds, each order as a .docx, the letters of thanks to mentors, the mentors' certificates
/// and the partners' letters, the Excel bases and indicators, downloads audited; any .docx as PDF with <c>?as=pdf</c>
/// (<see cref="DownloadAudit.ApiFileAsync"/>); the register of orders (<see cref="OrderRegisterApi"/>). Managers only.
/// </summary>
public static class DocumentsApi
{
    public sealed record OrderKindDto(string Code, string Title, string Url);

    public static RouteGroupBuilder MapDocumentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/programs").WithTags("Documents").RequireAuthorization(Policies.ProgramWrite);

        group.MapGet("/{id:int}/orders", (int id) =>
            TypedResults.Ok(ProgramOrders.All.Select(t => new OrderKindDto(t.Code, t.Title, $"/api/v1/programs/{id}/orders/{t.Code}.docx")).ToList()));

        // ?number=12-о&date=yyyy-MM-dd (no number: a line to write it by hand; no date: today).
        group.MapGet("/{id:int}/orders/{code}.docx", async (int id, string code, string? number, DateOnly? date, ProgramOrders orders, AppDbContext db, HttpContext http, CancellationToken ct) =>
            await DownloadAudit.ApiFileAsync(await orders.OrderAsync(id, code, number, date, ct), db, http, ct));
        group.MapGet("/{id:int}/thanks-letters.docx", async (int id, DateOnly? date, ProgramOrders orders, AppDbContext db, HttpContext http, CancellationToken ct) =>
            await DownloadAudit.ApiFileAsync(await orders.ThanksAsync(id, date, ct), db, http, ct));
        group.MapGet("/{id:int}/bases.xlsx", async (int id, ProgramSheets sheets, AppDbContext db, HttpContext http, CancellationToken ct) =>
            await DownloadAudit.ApiFileAsync(await sheets.BasesAsync(id, ct), db, http, ct));
        group.MapGet("/{id:int}/indicators.xlsx", async (int id, ProgramSheets sheets, AppDbContext db, HttpContext http, CancellationToken ct) =>
            await DownloadAudit.ApiFileAsync(await sheets.IndicatorsAsync(id, ct), db, http, ct));
        group.MapGet("/{id:int}/certificates.docx", async (int id, DateOnly? date, Awards awards, AppDbContext db, HttpContext http, CancellationToken ct) =>
            await DownloadAudit.ApiFileAsync(await awards.CertificatesAsync(id, date, ct), db, http, ct));
        group.MapGet("/{id:int}/partner-letters.docx", async (int id, DateOnly? date, Awards awards, AppDbContext db, HttpContext http, CancellationToken ct) =>
            await DownloadAudit.ApiFileAsync(await awards.PartnerLettersAsync(id, date, ct), db, http, ct));
        return api.MapOrderRegisterApi();
    }
}
