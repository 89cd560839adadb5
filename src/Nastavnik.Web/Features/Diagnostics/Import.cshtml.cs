using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Diagnostics;

/// <summary>
/// Import of self-assessment answers from a Google/Yandex Forms export into the open round: upload → column mapping (saved per
/// header set) and unknown topics → names to confirm → commit all or nothing.
/// </summary>
[Authorize(Policy = Policies.DiagnosticsManage)]
[RequestSizeLimit(TableFileReader.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = TableFileReader.MaxRequestBytes)]
public class ImportModel(AppDbContext db, FormsImporter importer) : PageModel
{
    public const string Kind = "forms";

    [BindProperty(SupportsGet = true)] public Guid? Upload { get; set; }
    [BindProperty] public List<FormsColumnRole> Role { get; set; } = [];
    [BindProperty] public List<int> Value { get; set; } = [];
    [BindProperty] public List<string> AliasKey { get; set; } = [];
    [BindProperty] public List<string> AliasTopic { get; set; } = [];
    [BindProperty] public Dictionary<int, int> Confirm { get; set; } = [];
    /// <summary>Rows older than the round or than the teacher's answers in the app that the curator chose to load anyway.</summary>
    [BindProperty] public List<int> Include { get; set; } = [];

    public MentoringProgram? Program { get; private set; }
    public DiagnosticsRound? Round { get; private set; }
    public string? FileName { get; private set; }
    public string? Error { get; private set; }
    public FormsImportPreview? Preview { get; private set; }
    public List<Topic> Topics { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadScopeAsync(ct) || Upload is null) return Page();
        var upload = await FindUploadAsync(ct);
        if (upload is not null) await BuildPreviewAsync(upload, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
    {
        if (!await LoadScopeAsync(ct)) return Page();
        Upload = null;
        var (upload, error) = await ImportUploads.StoreAsync(db, file, Kind, User.Identity!.Name!, "Выберите файл .csv или .xlsx, выгруженный из Google Форм или Яндекс Форм.", ct);
        if (upload is null) { Error = error; return Page(); }
        return RedirectToPage(new { upload = upload.Id });
    }

    /// <summary>Saves the curator's column mapping and topic aliases for this set of headers, then shows the preview again.</summary>
    public async Task<IActionResult> OnPostMapAsync(CancellationToken ct)
    {
        if (!await LoadScopeAsync(ct)) return Page();
        var upload = await FindUploadAsync(ct);
        if (upload is null) return Page();
        TableFile table;
        try { table = TableFileReader.Read(upload.FileName, upload.Content); }
        catch (TableFileException e) { Error = e.Message; return Page(); }
        var current = await FormsImportColumns.LoadAsync(db, table.Headers, ct);
        var columns = table.Headers.Select((_, i) => i < Role.Count
            ? new FormsColumnChoice(Role[i], i < Value.Count && Value[i] is >= 1 and <= 3 ? Value[i] : 2)
            : current.Columns[i]).ToList();
        var topicIds = await db.Topics.Select(t => t.Id).ToListAsync(ct);
        var aliases = current.Aliases.ToDictionary();
        for (var i = 0; i < AliasKey.Count && i < AliasTopic.Count; i++)
            if (int.TryParse(AliasTopic[i], out var id) && (id == FormsMapping.IgnoreTopic || topicIds.Contains(id)))
                aliases[AliasKey[i]] = id;
        await FormsImportColumns.SaveAsync(db, table.Headers, new FormsMapping(columns, aliases, true), User.Identity!.Name!, ct);
        return RedirectToPage(new { upload = upload.Id });
    }

    /// <summary>Applies the curator's choices (uncertain names, older rows to include) and shows the preview with them.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (!await LoadScopeAsync(ct)) return Page();
        var upload = await FindUploadAsync(ct);
        if (upload is not null) await BuildPreviewAsync(upload, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(CancellationToken ct)
    {
        if (!await LoadScopeAsync(ct)) return Page();
        var upload = await FindUploadAsync(ct);
        if (upload is null) return Page();
        await BuildPreviewAsync(upload, ct);
        if (Preview is null) return Page();
        var result = await importer.CommitAsync(Preview, Round!.Id, User.Identity!.Name!, upload.Id, ct);
        if (result.Error is { } error) { Error = error.FullText; return Page(); }
        TempData["Flash"] = result.Value!.Summary;
        return RedirectToPage();
    }

    private async Task<bool> LoadScopeAsync(CancellationToken ct)
    {
        Program = await db.CurrentProgramAsync(ct);
        Round = Program is null ? null : await db.LatestRoundAsync(Program.Id, ct);
        return Round is { IsOpen: true };
    }

    private async Task<ImportUpload?> FindUploadAsync(CancellationToken ct)
    {
        var upload = Upload is null ? null : await db.ImportUploads.FirstOrDefaultAsync(u => u.Id == Upload && u.Kind == Kind, ct);
        if (upload is null) { Error = "Загруженный файл не найден: загрузите его ещё раз."; Upload = null; }
        return upload;
    }

    private async Task BuildPreviewAsync(ImportUpload upload, CancellationToken ct)
    {
        FileName = upload.FileName;
        TableFile table;
        try { table = TableFileReader.Read(upload.FileName, upload.Content); }
        catch (TableFileException e) { Error = e.Message; return; }
        var mapping = await FormsImportColumns.LoadAsync(db, table.Headers, ct);
        Preview = await importer.PreviewAsync(table, mapping, Round!, new FormsChoices(Confirm, Include), ct);
        Topics = await db.Topics.AsNoTracking().Include(t => t.Direction).Where(t => !t.IsRetired)
            .OrderBy(t => t.Direction!.SortOrder).ThenBy(t => t.SortOrder).ThenBy(t => t.Name).ToListAsync(ct);
    }
}
