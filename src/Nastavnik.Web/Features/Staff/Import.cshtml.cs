using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Staff;

/// <summary>Upload → preview (column mapping, every problem, duplicates with update/skip) → commit all or nothing, once.</summary>
[Authorize(Policy = Policies.StaffWrite)]
[RequestSizeLimit(TableFileReader.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = TableFileReader.MaxRequestBytes)]
public class ImportModel(StaffImporter importer, StaffImportProgress progress) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Upload { get; set; }
    [BindProperty(SupportsGet = true)] public Dictionary<string, string>? Map { get; set; }
    [BindProperty] public DuplicateAction Duplicates { get; set; } = DuplicateAction.Skip;
    [BindProperty] public Dictionary<int, DuplicateAction> RowAction { get; set; } = [];

    public string? Error { get; private set; }
    public StaffImportPreview? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Upload is { } id) await ShowPreviewAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
    {
        var result = await importer.UploadAsync(file?.FileName, file is null ? null : file.OpenReadStream, file?.Length, ct);
        if (result.Error is { } error) { Error = error.FullText; Upload = null; return Page(); }
        return RedirectToPage(new { upload = result.Value });
    }

    public async Task<IActionResult> OnPostCommitAsync()
    {
        if (Upload is not { } id) { Error = StaffImporter.UploadNotFoundMessage; return Page(); }
        // Not the request's token: once started, the commit finishes even if the browser leaves (the page shows its progress).
        var result = await importer.CommitAsync(id, ChosenMapping(), Duplicates, RowAction, CancellationToken.None);
        if (result.Error is { } error)
        {
            Error = error.Kind == ErrorKind.Invalid ? error.Message : error.FullText;
            Upload = null;
            return Page();
        }
        TempData["Flash"] = result.Value!.Summary;
        return RedirectToPage("/Staff/Index");
    }

    /// <summary>«Отмена» and «Загрузить другой файл»: the stored file is deleted at once.</summary>
    public async Task<IActionResult> OnPostDiscardAsync(CancellationToken ct)
    {
        if (Upload is { } id) await importer.DiscardAsync(id, ct);
        return RedirectToPage();
    }

    /// <summary>How far the commit of this upload is, for the page's «Загружаем… N из M»; <c>running: false</c> when none runs here.</summary>
    public JsonResult OnGetProgress() => Upload is { } id && progress.Find(id) is { } p
        ? new JsonResult(new { running = true, done = p.Done, total = p.Total })
        : new JsonResult(new { running = false, done = 0, total = 0 });

    public IActionResult OnGetTemplate()
    {
        var bytes = XlsxWriter.Write(new XlsxWriter.Sheet("Педагоги", ExportModel.Headers[..^1],
            [["Иванова", "Алёна", "Сергеевна", "Учитель математики", "Алгебра, геометрия", "МО математики", 12, 1985, "первая", "ivanova@school.example", "+7 900 000-00-00", "да"]]));
        return File(bytes, XlsxWriter.ContentType, "Шаблон списка педагогов.xlsx");
    }

    private async Task ShowPreviewAsync(Guid id, CancellationToken ct)
    {
        var result = await importer.PreviewAsync(id, ChosenMapping(), ct);
        if (result.Error is { } error) { Error = error.FullText; Upload = null; return; }
        Preview = result.Value;
        Upload = Preview!.UploadId;
    }

    // Model binding falls back to unprefixed keys (e.g. "upload") when no map[...] key is sent: only field names count.
    private Dictionary<StaffField, int?>? ChosenMapping() =>
        Map is not null && Map.Keys.Any(k => Enum.TryParse<StaffField>(k, out _))
            ? Enum.GetValues<StaffField>().ToDictionary(f => f, f => Map.TryGetValue(f.ToString(), out var v) && int.TryParse(v, out var i) ? i : (int?)null)
            : null;
}
