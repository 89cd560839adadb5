using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Pairs;

namespace Nastavnik.Web.Hosting;

/// <summary>
/// Every file a page hands out (the registry, the bases, the competency map, the roadmap, portfolio files: personal data) is
/// written to the audit trail with who, which school, the page and the file name, in one place for every page; the API's files go
/// through <see cref="ApiFileAsync"/>.
/// </summary>
public sealed class DownloadAudit : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not null || executed.Result is not FileResult file) return;
        var http = context.HttpContext;
        await RecordAsync(http.RequestServices.GetRequiredService<AppDbContext>(), http, file.FileDownloadName, http.RequestAborted);
    }

    /// <summary>A file of the API (a document or a list), handed out and written to the audit trail like a page's download.</summary>
    public static async Task<IResult> ApiFileAsync(CommandResult<DocumentFile> result, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        if (result.Error is { } error) return error.ToProblem();
        var f = result.Value!;
        await RecordAsync(db, http, f.FileName, ct);
        return TypedResults.File(f.Bytes, f.ContentType, f.FileName);
    }

    private static Task RecordAsync(AppDbContext db, HttpContext http, string file, CancellationToken ct) =>
        AuditEvents.RecordAsync(db, db.School.SchoolId, http.User.Identity?.Name ?? "anonymous", "Export", "download",
            new { page = http.Request.Path.Value + http.Request.QueryString.Value, file }, ct);
}
