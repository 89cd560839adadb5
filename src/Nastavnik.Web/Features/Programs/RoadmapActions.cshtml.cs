using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Programs;

/// <summary>The roadmap page's quick changes (template, stages, order, status); each returns to the roadmap.</summary>
[Authorize(Policy = Policies.ProgramWrite)]
public class RoadmapActionsModel(AppDbContext db) : PageModel
{
    public IActionResult OnGet(int programId) => RedirectToPage("/Programs/Roadmap", new { id = programId });

    public async Task<IActionResult> OnPostApplyTemplateAsync(int programId, string? template, CancellationToken ct)
    {
        var program = await db.Programs.FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return NotFound();
        if (RoadmapTemplates.Find(template) is not { } t) return Back(programId, error: "Выберите шаблон дорожной карты.");
        if (await db.RoadmapStages.AnyAsync(s => s.ProgramId == programId, ct))
            return Back(programId, error: "В дорожной карте уже есть этапы, поэтому шаблон не применён: мероприятия задвоились бы. Удалите этапы или дополните карту вручную.");
        await RoadmapTemplates.ApplyAsync(db, program, t.Code, ct);
        return Back(programId, $"Дорожная карта заполнена по шаблону «{t.Name}»: {RussianText.Plural(t.EventCount, "мероприятие", "мероприятия", "мероприятий")}. Проверьте сроки и ответственных.");
    }

    public async Task<IActionResult> OnPostAddStageAsync(int programId, string? title, CancellationToken ct)
    {
        if (!await db.Programs.AnyAsync(p => p.Id == programId, ct)) return NotFound();
        var clean = RussianText.Clean(title);
        if (clean is null || clean.Length > 300) return Back(programId, error: "Укажите название этапа (до 300 символов).");
        var order = await db.RoadmapStages.Where(s => s.ProgramId == programId).MaxAsync(s => (int?)s.SortOrder, ct) ?? 0;
        db.RoadmapStages.Add(new RoadmapStage { ProgramId = programId, Title = clean, SortOrder = order + 1 });
        await db.SaveChangesAsync(ct);
        return Back(programId, $"Этап «{clean}» добавлен.");
    }

    public async Task<IActionResult> OnPostMoveStageAsync(int programId, int stageId, int delta, CancellationToken ct)
    {
        var stages = await db.RoadmapStages.Where(s => s.ProgramId == programId).OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(ct);
        if (!Move(stages, s => s.Id == stageId, delta, (s, i) => s.SortOrder = i)) return NotFound();
        await db.SaveChangesAsync(ct);
        return Back(programId);
    }

    public async Task<IActionResult> OnPostMoveEventAsync(int programId, int eventId, int delta, CancellationToken ct)
    {
        var ev = await db.RoadmapEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId && e.ProgramId == programId, ct);
        if (ev is null) return NotFound();
        var events = await db.RoadmapEvents.Where(e => e.StageId == ev.StageId).OrderBy(e => e.SortOrder).ThenBy(e => e.Id).ToListAsync(ct);
        Move(events, e => e.Id == eventId, delta, (e, i) => e.SortOrder = i);
        await db.SaveChangesAsync(ct);
        return Back(programId);
    }

    public async Task<IActionResult> OnPostStatusAsync(int programId, int eventId, EventStatus status, int version, CancellationToken ct)
    {
        var ev = await db.RoadmapEvents.FirstOrDefaultAsync(e => e.Id == eventId && e.ProgramId == programId, ct);
        if (ev is null) return NotFound();
        db.Entry(ev).Property(e => e.Version).OriginalValue = version;
        ev.Status = status;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            return Back(programId, error: "Мероприятие изменил другой пользователь, пока была открыта страница. Проверьте его состояние и отметьте ещё раз.");
        }
        return Back(programId, $"«{Short(ev.Title)}»: {ProgramLabels.Event(status)}.");
    }

    /// <summary>Swaps an item with its neighbour and renumbers the list 1..n; false when the item is not in the list.</summary>
    private static bool Move<T>(List<T> items, Func<T, bool> which, int delta, Action<T, int> setOrder)
    {
        var i = items.FindIndex(x => which(x));
        if (i < 0) return false;
        var j = i + Math.Sign(delta);
        if (j >= 0 && j < items.Count) (items[i], items[j]) = (items[j], items[i]);
        for (var k = 0; k < items.Count; k++) setOrder(items[k], k + 1);
        return true;
    }

    private static string Short(string title) => title.Length <= 60 ? title : title[..57] + "…";

    private RedirectToPageResult Back(int programId, string? flash = null, string? error = null)
    {
        if (flash is not null) TempData["Flash"] = flash;
        if (error is not null) TempData["Error"] = error;
        return RedirectToPage("/Programs/Roadmap", new { id = programId });
    }
}
