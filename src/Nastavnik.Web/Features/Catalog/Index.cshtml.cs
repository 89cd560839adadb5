using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Catalog;

/// <summary>The catalog of directions and topics. Everyone signed in reads it; curators and administrators add, rename, reorder and retire.</summary>
[Authorize(Policy = Policies.CatalogRead)]
public class IndexModel(AppDbContext db, CatalogCommands catalog, IAuthorizationService auth) : PageModel
{
    public List<Direction> Directions { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public Task<IActionResult> OnPostAddTopicAsync(int directionId, string? name, bool isDigital, CancellationToken ct) => Edit(() =>
        Map(catalog.AddTopicAsync(directionId, name, isDigital, null, ct), t => $"Тема {RussianText.Quote(t.Name)} добавлена.", ct));

    public Task<IActionResult> OnPostRenameTopicAsync(int id, string? name, int version, CancellationToken ct) => Edit(() =>
        Map(catalog.UpdateTopicAsync(id, new TopicChange(name), version, ct), _ => "Название темы сохранено.", ct));

    public Task<IActionResult> OnPostMoveTopicAsync(int id, int delta, CancellationToken ct) => Edit(() =>
        Map(catalog.MoveTopicAsync(id, delta, ct), null, ct));

    public Task<IActionResult> OnPostRetireTopicAsync(int id, bool retire, CancellationToken ct) => Edit(() =>
        Map(catalog.RetireTopicAsync(id, retire, ct),
            t => retire ? $"Тема {RussianText.Quote(t.Name)} выведена из каталога; её история сохранена." : $"Тема {RussianText.Quote(t.Name)} возвращена в каталог.", ct));

    public Task<IActionResult> OnPostAddDirectionAsync(string? name, CancellationToken ct) => Edit(() =>
        Map(catalog.AddDirectionAsync(name, null, ct), _ => "Направление добавлено.", ct));

    public Task<IActionResult> OnPostRenameDirectionAsync(int id, string? name, CancellationToken ct) => Edit(() =>
        Map(catalog.UpdateDirectionAsync(id, new DirectionChange(name), ct), _ => "Название направления сохранено.", ct));

    // Reading needs catalog.read (the page's policy); every change needs catalog.write.
    private async Task<IActionResult> Edit(Func<Task<IActionResult>> change)
    {
        if (!(await auth.AuthorizeAsync(User, Policies.CatalogWrite)).Succeeded) return Forbid();
        return await change();
    }

    /// <summary>Success: the flash message and back to the catalog. A refusal: 404 for a missing record, else the page with the reason.</summary>
    private async Task<IActionResult> Map<T>(Task<CommandResult<T>> command, Func<T, string> done, CancellationToken ct)
    {
        var result = await command;
        return result.Error is { } error ? await Fail(error, ct) : Done(done(result.Value!));
    }

    private async Task<IActionResult> Map(Task<CommandResult> command, string? done, CancellationToken ct) =>
        (await command).Error is { } error ? await Fail(error, ct) : Done(done);

    private RedirectToPageResult Done(string? message)
    {
        if (message is not null) TempData["Flash"] = message;
        return RedirectToPage();
    }

    private async Task<IActionResult> Fail(CommandError error, CancellationToken ct)
    {
        if (error.Kind == ErrorKind.NotFound) return NotFound();
        Error = error.FullText;
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
