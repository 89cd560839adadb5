using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Programs;

/// <summary>Adds, edits or deletes one roadmap event.</summary>
[Authorize(Policy = Policies.ProgramWrite)]
public class EventModel(AppDbContext db, ProgramCommands commands) : PageModel
{
    public sealed record Option(int Id, string Name);

    [BindProperty] public EventInput Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public int ProgramId { get; private set; }
    public int? EventId { get; private set; }
    public string ProgramName { get; private set; } = "";
    public List<Option> Stages { get; private set; } = [];
    public List<Option> Staff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int programId, int? eventId, int? stageId, CancellationToken ct)
    {
        if (!await LoadAsync(programId, eventId, ct)) return NotFound();
        if (eventId is null)
        {
            Input.StageId = stageId ?? Stages.LastOrDefault()?.Id ?? 0;
            return Stages.Count == 0 ? RedirectToPage("/Programs/Roadmap", new { id = programId }) : Page();
        }
        var ev = await db.RoadmapEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId && e.ProgramId == programId, ct);
        if (ev is null) return NotFound();
        Input = EventInput.From(ev);
        Version = ev.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int programId, int? eventId, CancellationToken ct)
    {
        if (!await LoadAsync(programId, eventId, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = eventId is { } id
            ? await commands.UpdateEventAsync(programId, id, Input, Version, ct)
            : await commands.AddEventAsync(programId, Input, ct);
        if (result.Error is { } error)
        {
            if (error.Kind == ErrorKind.NotFound) return NotFound();
            error.AddTo(ModelState);
            return Page();
        }
        TempData["Flash"] = eventId is null ? "Мероприятие добавлено." : "Мероприятие сохранено.";
        return RedirectToPage("/Programs/Roadmap", new { id = programId });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int programId, int eventId, CancellationToken ct)
    {
        var result = await commands.DeleteEventAsync(programId, eventId, Version, ct);
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { } error) TempData["Error"] = error.Message;
        else TempData["Flash"] = "Мероприятие удалено.";
        return RedirectToPage("/Programs/Roadmap", new { id = programId });
    }

    private async Task<bool> LoadAsync(int programId, int? eventId, CancellationToken ct)
    {
        ProgramId = programId;
        EventId = eventId;
        var name = await db.Programs.Where(p => p.Id == programId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        if (name is null) return false;
        ProgramName = name;
        var stages = await db.RoadmapStages.AsNoTracking().Where(s => s.ProgramId == programId).OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.Title }).ToListAsync(ct);
        Stages = stages.Select((s, i) => new Option(s.Id, $"Этап {i + 1}. {s.Title}")).ToList();
        Staff = await db.People.AsNoTracking().Where(p => !p.IsArchived).OrderBy(p => NameOrder.Key(p.LastName)).ThenBy(p => NameOrder.Key(p.FirstName)).ThenBy(p => NameOrder.Key(p.MiddleName))
            .Select(p => new Option(p.Id, p.LastName + " " + p.FirstName + (p.MiddleName == null ? "" : " " + p.MiddleName))).ToListAsync(ct);
        return true;
    }
}
