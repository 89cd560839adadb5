using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Hosting;

/// <summary>
/// Every file a page hands out (the registry, the bases, the competency map, the roadmap, portfolio files: personal data) is
/// written to the audit trail with who, which school, the page and the file name, in one place for every page.
/// </summary>
public sealed class DownloadAudit : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not null || executed.Result is not FileResult file) return;
        var http = context.HttpContext;
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        var page = http.Request.Path.Value + http.Request.QueryString.Value;
        await AuditEvents.RecordAsync(db, db.School.SchoolId, http.User.Identity?.Name ?? "anonymous", "Export", "download",
            new { page, file = file.FileDownloadName }, http.RequestAborted);
    }
}
