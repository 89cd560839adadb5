using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Portfolio;

/// <summary>Adds or edits one of the teacher's own portfolio items, with attached files; another teacher's item is «not found».</summary>
[Authorize(Policy = Policies.OwnProfile)]
[RequestSizeLimit(PortfolioFiles.MaxBytes * PortfolioFiles.MaxPerItem + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = PortfolioFiles.MaxBytes * PortfolioFiles.MaxPerItem + 1024 * 1024)]
public class EditModel(AppDbContext db) : PageModel
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
        Id = id;
        if (id is not null)
        {
            var item = await OwnItemAsync(id.Value, ct);
            if (item is null) return NotFound();
            Input = PortfolioItemInput.From(item);
            Version = item.Version;
        }
        else Input.TopicId = topicId;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        PortfolioItem? item = null;
        if (id is not null)
        {
            item = await OwnItemAsync(id.Value, ct);
            if (item is null) return NotFound();
        }
        if (Input.TopicId is { } topicId && !await db.Topics.AnyAsync(t => t.Id == topicId, ct))
            ModelState.AddModelError("Input.TopicId", "Такой темы нет в каталоге школы: выберите тему из списка.");
        // File ids only: the contents stay in the database.
        var existing = id is null ? [] : await db.PortfolioFiles.Where(f => f.ItemId == id).Select(f => f.Id).ToListAsync(ct);
        var removed = existing.Intersect(RemoveFiles).ToList();
        var kept = existing.Count - removed.Count;
        if (kept + Uploads.Count > PortfolioFiles.MaxPerItem)
            ModelState.AddModelError(nameof(Uploads), $"К материалу можно приложить не больше {PortfolioFiles.MaxPerItem} файлов; сейчас их было бы {kept + Uploads.Count}.");
        foreach (var f in Uploads)
            if (PortfolioFiles.Problem(PortfolioFiles.SafeName(f.FileName), f.Length) is { } problem) ModelState.AddModelError(nameof(Uploads), problem);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        if (item is null)
        {
            item = new PortfolioItem { PersonId = db.School.PersonId, Title = "" };
            db.PortfolioItems.Add(item);
        }
        else db.Entry(item).Property(i => i.Version).OriginalValue = Version;
        Input.ApplyTo(item);
        // A version bump even when only files change, so a parallel edit of the same item is noticed.
        if (item.Id != 0) db.Entry(item).Property(i => i.UpdatedAt).IsModified = true;
        foreach (var fileId in removed)
            db.PortfolioFiles.Remove(new PortfolioFile { Id = fileId, ItemId = item.Id, SchoolId = item.SchoolId, FileName = "", ContentType = "", Content = [] });
        foreach (var f in Uploads)
        {
            var name = PortfolioFiles.SafeName(f.FileName);
            using var ms = new MemoryStream();
            await f.CopyToAsync(ms, ct);
            item.Files.Add(new PortfolioFile { FileName = name, ContentType = PortfolioFiles.ContentType(name)!, Length = ms.Length, Content = ms.ToArray() });
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Пока вы редактировали материал, его сохранили в другой вкладке или на другом устройстве. Ваши изменения не сохранены: откройте материал заново и внесите правки ещё раз.");
            await LoadAsync(ct);
            return Page();
        }
        TempData["Flash"] = id is null ? $"Материал «{item.Title}» добавлен в портфолио." : "Изменения сохранены.";
        return RedirectToPage("/Portfolio/Index");
    }

    private Task<PortfolioItem?> OwnItemAsync(int id, CancellationToken ct)
    {
        var own = db.School.PersonId;
        return db.PortfolioItems.FirstOrDefaultAsync(i => i.Id == id && i.PersonId == own, ct);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Topics = await db.TopicGroupsAsync(Input.TopicId, ct);
        if (Id is { } id)
            Files = await db.PortfolioFiles.AsNoTracking().Where(f => f.ItemId == id).OrderBy(f => f.Id)
                .Select(f => new FileRow(f.Id, f.FileName, f.Length)).ToListAsync(ct);
    }
}
