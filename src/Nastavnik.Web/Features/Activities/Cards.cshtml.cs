using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Activities;

/// <summary>
/// «Карты анализа урока» of the school for a curator or an administrator: the cards with the default one marked, a copy of one,
/// a new one; earlier versions kept for their analyses are listed apart.
/// </summary>
[Authorize(Policy = Policies.ProgramWrite)]
public class CardsModel(AppDbContext db, ObservationCardCommands commands) : PageModel
{
    public sealed record Row(int Id, string Name, bool IsDefault, bool IsArchived, int Criteria, int Analyses);

    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var fallback = await ObservationCards.DefaultAsync(db, ct); // the seeds' card, on first use
        Rows = await db.ObservationCards.AsNoTracking().OrderBy(c => c.IsArchived).ThenBy(c => c.Id)
            .Select(c => new Row(c.Id, c.Name, c.IsDefault || (c.Id == fallback.Id && !fallback.IsDefault), c.IsArchived,
                db.ObservationCriteria.Count(x => x.CardId == c.Id), db.LessonObservations.Count(o => o.CardId == c.Id)))
            .ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostCopyAsync(int id, CancellationToken ct)
    {
        var result = await commands.CopyAsync(id, ct);
        if (result.Error is { } error) return Back(error.FullText, "danger");
        TempData["Flash"] = "Копия карты создана: измените её и сохраните.";
        return RedirectToPage("/Activities/Card", new { id = result.Value!.Id });
    }

    public async Task<IActionResult> OnPostDefaultAsync(int id, CancellationToken ct)
    {
        var result = await commands.SetDefaultAsync(id, ct);
        return result.Error is { } error ? Back(error.FullText, "danger") : Back($"Новые посещения уроков анализируют по карте «{result.Value!.Name}».");
    }

    private RedirectToPageResult Back(string text, string kind = "success")
    {
        TempData[kind == "success" ? "Flash" : "CardError"] = text;
        return RedirectToPage();
    }
}
