using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Activities;

/// <summary>Records a joint activity; a lesson visit then opens its analysis.</summary>
[Authorize(Policy = Policies.OwnProfile)]
public class NewModel(AppDbContext db, ActivityCommands commands, TimeProvider clock) : PageModel
{
    public sealed record Option(int Id, string Name);

    [BindProperty] public ActivityInput Input { get; set; } = new();
    public List<Option> Staff { get; private set; } = [];

    public async Task OnGetAsync(int? pair, CancellationToken ct)
    {
        Input.PairId = pair;
        Input.Date = clock.Today();
        if (pair is { } id)
            Input.ObservedId = await db.MentoringPairs.Where(p => p.Id == id).Select(p => (int?)p.MenteeId).FirstOrDefaultAsync(ct);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.CreateAsync(Input, ct);
        if (result.Error is { } error)
        {
            error.AddTo(ModelState);
            await LoadAsync(ct);
            return Page();
        }
        TempData["Flash"] = Input.Kind == ActivityKind.LessonVisit ? "Посещение записано. Заполните карту анализа урока." : "Мероприятие записано.";
        return RedirectToPage("/Activities/Details", new { id = result.Value!.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var me = db.School.PersonId;
        Staff = await db.People.AsNoTracking().Where(p => !p.IsArchived && p.Id != me).OrderBy(p => NameOrder.Key(p.LastName)).ThenBy(p => NameOrder.Key(p.FirstName)).ThenBy(p => NameOrder.Key(p.MiddleName))
            .Select(p => new Option(p.Id, p.LastName + " " + p.FirstName + (p.MiddleName == null ? "" : " " + p.MiddleName))).ToListAsync(ct);
    }
}
