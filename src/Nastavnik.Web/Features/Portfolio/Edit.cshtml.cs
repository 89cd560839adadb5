using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Portfolio;

/// <summary>Adds or edits one of the teacher's own portfolio items, with attached files; another teacher's item is «not found».</summary>
[Authorize(Policy = Policies.OwnProfile)]
[RequestSizeLimit(PortfolioFiles.MaxBytes * PortfolioFiles.MaxPerItem + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = PortfolioFiles.MaxBytes * PortfolioFiles.MaxPerItem + 1024 * 1024)]
public class EditModel(AppDbContext db, PortfolioCommands portfolio) : PageModel
{
    public sealed record FileRow(int Id, string FileName, long Length);

    [BindProperty] public PortfolioItemInput Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    [BindProperty] public List<IFormFile> Uploads { get; set; } = [];
    [BindProperty] public List<int> RemoveFiles { get; set; } = [];
    public int? Id { get; private set; }
    public List<TopicGroup> Topics { get; private set; } = [];
    public List<FileRow> Files { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? topicId, CancellationToken ct)
    {
        if (id is not null)
        {
            var item = await portfolio.OwnItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
            if (item is null) return NotFound();
            Input = PortfolioItemInput.From(item);
            Version = item.Version;
        }
        else Input.TopicId = topicId;
        return await FormAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        // The form again with the messages, but never over another teacher's item.
        if (!ModelState.IsValid) return id is null || await portfolio.OwnItems.AnyAsync(i => i.Id == id, ct) ? await FormAsync(id, ct) : NotFound();
        var uploads = Uploads.Select(f => new FileUpload(f.FileName, f.Length, f.OpenReadStream())).ToList();
        try
        {
            var result = id is null
                ? await portfolio.CreateItemAsync(Input, uploads, ct)
                : await portfolio.UpdateItemAsync(id.Value, Input, Version, uploads, RemoveFiles, ct);
            if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
            if (result.Error is { Kind: ErrorKind.Forbidden }) return Forbid();
            if (result.Error is { } error)
            {
                error.AddTo(ModelState);
                return await FormAsync(id, ct);
            }
            TempData["Flash"] = id is null ? $"Материал {RussianText.Quote(result.Value!.Title)} добавлен в портфолио." : "Изменения сохранены.";
            return RedirectToPage("/Portfolio/Index");
        }
        finally
        {
            foreach (var u in uploads) await u.Content.DisposeAsync();
        }
    }

    /// <summary>The form with the topics and the files of the item (one of the teacher's own, checked by the caller).</summary>
    private async Task<IActionResult> FormAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is not null)
            Files = await db.PortfolioFiles.AsNoTracking().Where(f => f.ItemId == id).OrderBy(f => f.Id)
                .Select(f => new FileRow(f.Id, f.FileName, f.Length)).ToListAsync(ct);
        Topics = await db.TopicGroupsAsync(Input.TopicId, ct);
        return Page();
    }
}
