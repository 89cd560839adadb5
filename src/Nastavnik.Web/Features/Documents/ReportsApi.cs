using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Documents;

/// <summary>
/// REST API of the reports (issue 14, item 5), downloads audited by <see cref="DownloadAudit.ApiFileAsync"/>: the program's final and
/// quarterly reports and the practice description for its managers; a pair's quarterly report and ИОМ for the pair and the managers
/// (others get 404 from the privacy filters).
/// </summary>
public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        var programs = api.MapGroup("/programs/{id:int}/reports").WithTags("Documents").RequireAuthorization(Policies.ProgramWrite);
        programs.MapGet("/final.docx", async (int id, ProgramReports reports, AppDbContext db, HttpContext http, CancellationToken ct) =>
            await DownloadAudit.ApiFileAsync(await reports.FinalAsync(id, ct), db, http, ct));
        // ?year=2026&quarter=4 (none: the current quarter).
        programs.MapGet("/quarter.docx", async (int id, int? year, int? quarter, ProgramReports reports, AppDbContext db, HttpContext http, CancellationToken ct) =>
            await DownloadAudit.ApiFileAsync(await reports.QuarterAsync(id, year, quarter, ct), db, http, ct));
        programs.MapGet("/practice.docx", async (int id, ProgramReports reports, AppDbContext db, HttpContext http, CancellationToken ct) =>
            await DownloadAudit.ApiFileAsync(await reports.PracticeAsync(id, ct), db, http, ct));

        var pairs = api.MapGroup("/pairs/{id:int}").WithTags("Documents").RequireAuthorization();
        // ?year=2026&quarter=4 (none: the latest report written).
        pairs.MapGet("/report.docx", async (int id, int? year, int? quarter, PairReportFiles files, AppDbContext db, HttpContext http, CancellationToken ct) =>
            await DownloadAudit.ApiFileAsync(await files.ReportAsync(id, year, quarter, ct), db, http, ct));
        pairs.MapGet("/plan.docx", async (int id, PairReportFiles files, AppDbContext db, HttpContext http, CancellationToken ct) =>
            await DownloadAudit.ApiFileAsync(await files.PlanAsync(id, ct), db, http, ct));
        return api;
    }
}
