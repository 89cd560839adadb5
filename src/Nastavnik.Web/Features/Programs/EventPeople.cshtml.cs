using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Programs;

/// <summary>Who is invited to a program-wide event and who came: invitations by group or by name, then attendance.</summary>
[Authorize(Policy = Policies.ProgramWrite)]
public class EventPeopleModel(AppDbContext db, EventParticipationCommands commands) : PageModel
{
    public sealed record Row(int PersonId, string Name, string? Department, bool? Attended);
    public sealed record Option(int Id, string Name);

    public int EventId { get; private set; }
    public int ProgramId { get; private set; }
    public string Title { get; private set; } = "";
    public List<Row> Rows { get; private set; } = [];
    public List<Option> Staff { get; private set; } = [];
    public List<string> Departments { get; private set; } = [];
    [BindProperty] public EventInvite Invite { get; set; } = new();
    [BindProperty] public List<int> Came { get; set; } = [];

    public int Invited => Rows.Count;
    public int Attended => Rows.Count(r => r.Attended == true);

    public async Task<IActionResult> OnGetAsync(int eventId, CancellationToken ct) => await LoadAsync(eventId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInviteAsync(int eventId, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.InviteAsync(eventId, Invite, ct);
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { } error)
        {
            error.AddTo(ModelState);
            return await LoadAsync(eventId, ct) ? Page() : NotFound();
        }
        TempData["Flash"] = result.Value == 0 ? "Новых приглашённых нет: все уже приглашены." : $"Приглашено: {result.Value}. Каждый получил уведомление.";
        return RedirectToPage(new { eventId });
    }

    public async Task<IActionResult> OnPostAttendanceAsync(int eventId, CancellationToken ct)
    {
        var invited = await db.EventParticipants.Where(x => x.EventId == eventId).Select(x => x.PersonId).ToListAsync(ct);
        var result = await commands.MarkAsync(eventId, invited.ToDictionary(id => id, id => (bool?)Came.Contains(id)), ct);
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        TempData["Flash"] = "Явка отмечена.";
        return RedirectToPage(new { eventId });
    }

    private async Task<bool> LoadAsync(int eventId, CancellationToken ct)
    {
        var ev = await db.RoadmapEvents.AsNoTracking().Where(e => e.Id == eventId).Select(e => new { e.Id, e.ProgramId, e.Title }).FirstOrDefaultAsync(ct);
        if (ev is null) return false;
        (EventId, ProgramId, Title) = (ev.Id, ev.ProgramId, ev.Title);
        Rows = await db.EventParticipants.Where(x => x.EventId == eventId).OrderBy(x => NameOrder.Key(x.Person!.LastName)).ThenBy(x => NameOrder.Key(x.Person!.FirstName))
            .Select(x => new Row(x.PersonId, x.Person!.LastName + " " + x.Person.FirstName + (x.Person.MiddleName == null ? "" : " " + x.Person.MiddleName),
                x.Person.Department, x.Attended)).ToListAsync(ct);
        Staff = await db.People.AsNoTracking().Where(p => !p.IsArchived).OrderBy(p => NameOrder.Key(p.LastName)).ThenBy(p => NameOrder.Key(p.FirstName))
            .Select(p => new Option(p.Id, p.LastName + " " + p.FirstName + (p.MiddleName == null ? "" : " " + p.MiddleName))).ToListAsync(ct);
        Departments = await db.People.Where(p => !p.IsArchived && p.Department != null).Select(p => p.Department!).Distinct().OrderBy(d => d).ToListAsync(ct);
        return true;
    }
}
