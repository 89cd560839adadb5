using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Catalog;

/// <summary>The catalog of directions and topics. Everyone signed in reads it; curators and administrators add, rename, reorder and retire.</summary>
[Authorize(Policy = Policies.CatalogRead)]
public class IndexModel(AppDbContext db, IAuthorizationService auth) : PageModel
{
    public List<Direction> Directions { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public Task<IActionResult> OnPostAddTopicAsync(int directionId, string? name, bool isDigital, CancellationToken ct) => Edit(async () =>
    {
        var direction = await db.Directions.FirstOrDefaultAsync(d => d.Id == directionId, ct);
        if (direction is null) return NotFound();
        if (CatalogRules.CheckName(name) is { } error) return await Fail(error, ct);
        var clean = RussianText.Clean(name)!;
        if (await CatalogRules.TopicNameTakenAsync(db, directionId, clean, null, ct)) return await Fail($"Тема «{clean}» уже есть в направлении «{direction.Name}».", ct);
        var order = await db.Topics.Where(t => t.DirectionId == directionId).Select(t => (int?)t.SortOrder).MaxAsync(ct) ?? 0;
        db.Topics.Add(new Topic { DirectionId = directionId, Code = await CatalogRules.NextTopicCodeAsync(db, direction, ct), Name = clean, IsDigital = isDigital, SortOrder = order + 1 });
        await db.SaveChangesAsync(ct);
        return Done($"Тема «{clean}» добавлена.");
    });

    public Task<IActionResult> OnPostRenameTopicAsync(int id, string? name, int version, CancellationToken ct) => Edit(async () =>
    {
        var topic = await db.Topics.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (topic is null) return NotFound();
        if (CatalogRules.CheckName(name) is { } error) return await Fail(error, ct);
        var clean = RussianText.Clean(name)!;
        if (await CatalogRules.TopicNameTakenAsync(db, topic.DirectionId, clean, id, ct)) return await Fail($"Тема «{clean}» уже есть в этом направлении.", ct);
        db.Entry(topic).Property(t => t.Version).OriginalValue = version;
        topic.Name = clean;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return await Fail("Эту тему только что изменил другой пользователь. Проверьте название и повторите.", ct); }
        return Done("Название темы сохранено.");
    });

    public Task<IActionResult> OnPostMoveTopicAsync(int id, int delta, CancellationToken ct) => Edit(async () =>
    {
        var topic = await db.Topics.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (topic is null) return NotFound();
        await CatalogRules.MoveTopicAsync(db, topic, Math.Sign(delta), ct);
        await db.SaveChangesAsync(ct);
        return Done(null);
    });

    public Task<IActionResult> OnPostRetireTopicAsync(int id, bool retire, CancellationToken ct) => Edit(async () =>
    {
        var topic = await db.Topics.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (topic is null) return NotFound();
        topic.IsRetired = retire;
        await db.SaveChangesAsync(ct);
        return Done(retire ? $"Тема «{topic.Name}» выведена из каталога; её история сохранена." : $"Тема «{topic.Name}» возвращена в каталог.");
    });

    public Task<IActionResult> OnPostAddDirectionAsync(string? name, CancellationToken ct) => Edit(async () =>
    {
        if (CatalogRules.CheckName(name, 200) is { } error) return await Fail(error, ct);
        var order = await db.Directions.Select(d => (int?)d.SortOrder).MaxAsync(ct) ?? 0;
        db.Directions.Add(new Direction { Code = await CatalogRules.NextDirectionCodeAsync(db, ct), Name = RussianText.Clean(name)!, SortOrder = order + 1 });
        await db.SaveChangesAsync(ct);
        return Done("Направление добавлено.");
    });

    public Task<IActionResult> OnPostRenameDirectionAsync(int id, string? name, CancellationToken ct) => Edit(async () =>
    {
        var direction = await db.Directions.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (direction is null) return NotFound();
        if (CatalogRules.CheckName(name, 200) is { } error) return await Fail(error, ct);
        direction.Name = RussianText.Clean(name)!;
        await db.SaveChangesAsync(ct);
        return Done("Название направления сохранено.");
    });

    // Reading needs catalog.read (the page's policy); every change needs catalog.write.
    private async Task<IActionResult> Edit(Func<Task<IActionResult>> change)
    {
        if (!(await auth.AuthorizeAsync(User, Policies.CatalogWrite)).Succeeded) return Forbid();
        return await change();
    }

    private IActionResult Done(string? message)
    {
        if (message is not null) TempData["Flash"] = message;
        return RedirectToPage();
    }

    private async Task<IActionResult> Fail(string error, CancellationToken ct)
    {
        Error = error;
        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        CanEdit = (await auth.AuthorizeAsync(User, Policies.CatalogWrite)).Succeeded;
        Directions = await db.Directions.AsNoTracking().Include(d => d.Topics.OrderBy(t => t.SortOrder).ThenBy(t => t.Id))
            .OrderBy(d => d.SortOrder).ToListAsync(ct);
    }
}
