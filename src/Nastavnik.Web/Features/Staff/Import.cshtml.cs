using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Staff;

/// <summary>Upload → preview (column mapping, every problem, duplicates with update/skip) → commit all or nothing.</summary>
[Authorize(Policy = Policies.StaffWrite)]
[RequestSizeLimit(TableFileReader.MaxBytes + 1024 * 1024)]
public class ImportModel(AppDbContext db, StaffImporter importer) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Upload { get; set; }
    [BindProperty(SupportsGet = true)] public Dictionary<string, string>? Map { get; set; }
    [BindProperty] public DuplicateAction Duplicates { get; set; } = DuplicateAction.Skip;
    [BindProperty] public Dictionary<int, DuplicateAction> RowAction { get; set; } = [];

    public string? FileName { get; private set; }
    public string? Error { get; private set; }
    public StaffImportPreview? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Upload is null) return Page();
        var upload = await db.ImportUploads.AsNoTracking().FirstOrDefaultAsync(u => u.Id == Upload && u.Kind == "staff", ct);
        if (upload is null) { Error = "Загруженный файл не найден: загрузите его ещё раз."; Upload = null; return Page(); }
        await BuildPreview(upload, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
    {
        var (upload, error) = await ImportUploads.StoreAsync(db, file, "staff", User.Identity!.Name!, "Выберите файл .xlsx или .csv со списком педагогов.", ct);
        if (upload is null) { Error = error; return Page(); }
        return RedirectToPage(new { upload = upload.Id });
    }

    public async Task<IActionResult> OnPostCommitAsync(CancellationToken ct)
    {
        var upload = await db.ImportUploads.FirstOrDefaultAsync(u => u.Id == Upload && u.Kind == "staff", ct);
        if (upload is null) { Error = "Загруженный файл не найден: загрузите его ещё раз."; Upload = null; return Page(); }
        await BuildPreview(upload, ct);
        if (Preview is null || Preview.Problems.Count > 0)
        {
            Error = "Ничего не загружено: исправьте ошибки в файле и загрузите его снова.";
            return Page();
        }
        var result = await importer.CommitAsync(Preview, Duplicates, RowAction, User.Identity!.Name!, ct);
        db.ImportUploads.Remove(upload);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = $"Загрузка завершена: добавлено {RussianText.Plural(result.Created, "педагог", "педагога", "педагогов")}, обновлено {result.Updated}, пропущено {result.Skipped}.";
        return RedirectToPage("/Staff/Index");
    }

    public IActionResult OnGetTemplate()
    {
        var bytes = XlsxWriter.Write(new XlsxWriter.Sheet("Педагоги", ExportModel.Headers[..^1],
            [["Иванова", "Алёна", "Сергеевна", "Учитель математики", "Алгебра, геометрия", "МО математики", 12, 1985, "первая", "ivanova@school.example", "+7 900 000-00-00", "да"]]));
        return File(bytes, XlsxWriter.ContentType, "Шаблон списка педагогов.xlsx");
    }

    private async Task BuildPreview(ImportUpload upload, CancellationToken ct)
    {
        FileName = upload.FileName;
        TableFile table;
        try { table = TableFileReader.Read(upload.FileName, upload.Content); }
        catch (TableFileException e) { Error = e.Message; return; }
        // Model binding falls back to unprefixed keys (e.g. "upload") when no map[...] key is sent: only field names count.
        var mapping = Map is not null && Map.Keys.Any(k => Enum.TryParse<StaffField>(k, out _))
            ? Enum.GetValues<StaffField>().ToDictionary(f => f, f => Map.TryGetValue(f.ToString(), out var v) && int.TryParse(v, out var i) && i >= 0 && i < table.Headers.Count ? i : (int?)null)
            : StaffImportMapping.Guess(table.Headers);
        Preview = await importer.PreviewAsync(table, mapping, ct);
    }
}
