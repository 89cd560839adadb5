using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Pairs;
using Nastavnik.Web.Files.Documents;

namespace Nastavnik.Web.Hosting;

/// <summary>
/// Every file a page hands out (the registry, the bases, the competency map, the roadmap, portfolio files: personal data) is
/// written to the audit trail with who, which school, the page and the file name, in one place for every page; the API's files go
/// through <see cref="ApiFileAsync"/>. The same one place serves PDF: any .docx download asked with <c>?as=pdf</c> is converted by
/// <see cref="PdfConverter"/>, so every generator gets its PDF without code of its own.
/// </summary>
public sealed class DownloadAudit : IAsyncPageFilter
{
    /// <summary>The key of the layout's alert that shows why a file was not handed out (a PDF that could not be made).</summary>
    public const string FileErrorKey = "FileError";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not null || executed.Result is not FileResult file) return;
        var http = context.HttpContext;
        var name = file.FileDownloadName;
        if (file is FileContentResult contents && PdfConverter.IsDocx(name) && PdfConverter.Wanted(http.Request))
        {
            try
            {
                (var pdf, name) = await http.RequestServices.GetRequiredService<PdfConverter>().ConvertFileAsync(contents.FileContents, name, http.RequestAborted);
                executed.Result = new FileContentResult(pdf, PdfConverter.ContentType) { FileDownloadName = name };
            }
            catch (PdfConversionException e)
            {
                executed.Result = Back(http, e.Message);
                return;
            }
        }
        await RecordAsync(http.RequestServices.GetRequiredService<AppDbContext>(), http, name, http.RequestAborted);
    }

    /// <summary>A file of the API (a document or a list), handed out and written to the audit trail like a page's download; a .docx as PDF with <c>?as=pdf</c>.</summary>
    public static async Task<IResult> ApiFileAsync(CommandResult<DocumentFile> result, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        if (result.Error is { } error) return error.ToProblem();
        var f = result.Value!;
        if (PdfConverter.IsDocx(f.FileName) && PdfConverter.Wanted(http.Request))
        {
            try
            {
                var (pdf, name) = await http.RequestServices.GetRequiredService<PdfConverter>().ConvertFileAsync(f.Bytes, f.FileName, ct);
                f = new DocumentFile(pdf, PdfConverter.ContentType, name);
            }
            catch (PdfConversionException e)
            {
                return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "PDF недоступен");
            }
        }
        await RecordAsync(db, http, f.FileName, ct);
        return TypedResults.File(f.Bytes, f.ContentType, f.FileName);
    }

    /// <summary>
    /// A page's generated document: the file (a PDF with <c>?as=pdf</c>, by the filter above), 404 when not found, otherwise back to
    /// the page the link was on with the Russian refusal (e.g. a school's template that no longer fills) in the layout's alert.
    /// </summary>
    public static IActionResult PageFile(PageModel page, CommandResult<DocumentFile> result)
    {
        if (result.Error is { Kind: ErrorKind.NotFound }) return page.NotFound();
        if (result.Error is { } error) return Back(page.HttpContext, error.FullText);
        var f = result.Value!;
        return new FileContentResult(f.Bytes, f.ContentType) { FileDownloadName = f.FileName };
    }

    /// <summary>Back to the page the link was on, with the reason in the layout's alert; a plain message when there is no such page.</summary>
    public static IActionResult Back(HttpContext http, string message)
    {
        var referer = http.Request.Headers.Referer.ToString();
        if (Uri.TryCreate(referer, UriKind.Absolute, out var uri) && uri.Host == http.Request.Host.Host && uri.Port == (http.Request.Host.Port ?? uri.Port))
        {
            var temp = http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
            temp[FileErrorKey] = message;
            return new RedirectResult(uri.PathAndQuery);
        }
        return new ContentResult { Content = message, ContentType = "text/plain; charset=utf-8", StatusCode = StatusCodes.Status503ServiceUnavailable };
    }

    private static Task RecordAsync(AppDbContext db, HttpContext http, string file, CancellationToken ct) =>
        AuditEvents.RecordAsync(db, db.School.SchoolId, http.User.Identity?.Name ?? "anonymous", "Export", "download",
            new { page = http.Request.Path.Value + http.Request.QueryString.Value, file }, ct);
}
