using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Consultations;

/// <summary>One consultation: the question, the answer, and what the viewer may do with it now (accept, decline, log it held, cancel).</summary>
[Authorize(Policy = Policies.ProgramRead)]
public class DetailsModel(AppDbContext db, ConsultationCommands commands, TimeProvider clock) : PageModel
{
    public ConsultationRow? Row { get; private set; }
    public string? Answer { get; private set; }
    public int Version { get; private set; }
    public int Me { get; private set; }
    [BindProperty] public ConsultationReply Reply { get; set; } = new();
    [BindProperty] public ConsultationHeld Held { get; set; } = new();
    [BindProperty(Name = "version")] public int PostedVersion { get; set; }

    public bool IsConsultant => Row?.ConsultantId == Me;
    public bool IsRequester => Row?.RequesterId == Me;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Held.HeldOn = clock.Today();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct) =>
        RunAsync(id, () => commands.AcceptAsync(id, PostedVersion, Reply, ct), "Вы согласились провести консультацию. Коллега получил уведомление.", ct);

    public Task<IActionResult> OnPostDeclineAsync(int id, CancellationToken ct) =>
        RunAsync(id, () => commands.DeclineAsync(id, PostedVersion, Reply, ct), "Вы отказались от консультации. Коллега получил уведомление.", ct);

    public Task<IActionResult> OnPostHeldAsync(int id, CancellationToken ct) =>
        RunAsync(id, () => commands.HeldAsync(id, PostedVersion, Held, ct), "Консультация отмечена проведённой.", ct);

    public Task<IActionResult> OnPostCancelAsync(int id, CancellationToken ct) =>
        RunAsync(id, () => commands.CancelAsync(id, PostedVersion, ct), "Просьба отменена.", ct);

    private async Task<IActionResult> RunAsync(int id, Func<Task<CommandResult<Consultation>>> command, string done, CancellationToken ct)
    {
        // The command validates every input itself; only the posted form's own fields matter here.
        ModelState.Clear();
        var result = await command();
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { } error)
        {
            error.AddTo(ModelState);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        TempData["Flash"] = done;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Me = db.School.PersonId;
        Row = await ConsultationQueries.Rows(db.Consultations.Where(c => c.Id == id)).FirstOrDefaultAsync(ct);
        if (Row is null) return false;
        var c = await db.Consultations.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Answer, x.Version }).SingleAsync(ct);
        (Answer, Version) = (c.Answer, c.Version);
        return true;
    }
}
