using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Notifications;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Meetings;

/// <summary>
/// One meeting (<c>/Meetings/{id}</c>): its details, changing it while planned, «Состоялась» / «Не состоялась» with attendance, the
/// shared notes, the viewer's private note, feedback, and its .ics. After a refusal (a stale version too) the page keeps what the
/// user typed.
/// </summary>
[Authorize(Policy = Policies.ProgramRead)]
public class DetailsModel(AppDbContext db, MeetingCommands commands, CurrentSchool me, IOptions<PublicUrlOptions> publicUrl) : PageModel
{
    [BindProperty] public MeetingInput Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? SharedNotes { get; set; }
    [BindProperty] public string? MyNote { get; set; }
    [BindProperty] public int Rating { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public List<int> Came { get; set; } = [];
    public MeetingDetails Details { get; private set; } = null!;
    public bool CanGiveFeedback => Details.IsSide && Details.Meeting.Status == MeetingStatus.Held;
    public bool Started => Details.Meeting.StartsAt <= db.Clock.UtcTime();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnGetIcsAsync(int id, CancellationToken ct)
    {
        var meetings = await MeetingCalendar.LoadAsync(db, db.Meetings.Where(m => m.Id == id), ct);
        if (meetings.Count == 0) return NotFound();
        var ics = MeetingCalendar.Write(meetings, MeetingCalendar.Host(publicUrl.Value.PublicUrl, Request.Host.Host), db.Clock.UtcTime());
        return File(System.Text.Encoding.UTF8.GetBytes(ics), MeetingCalendar.ContentType, $"vstrecha-{id}.ics");
    }

    public Task<IActionResult> OnPostEditAsync(int id, CancellationToken ct) =>
        Run(id, "Встреча сохранена.", () => commands.UpdateAsync(id, Input, Version, ct), keep: () => { }, ct);

    public Task<IActionResult> OnPostHeldAsync(int id, CancellationToken ct) =>
        Run(id, "Встреча отмечена: состоялась.", async () =>
        {
            var people = Details.People.ToDictionary(p => p.PersonId, p => Came.Contains(p.PersonId));
            return await commands.RecordOutcomeAsync(id, true, people, Version, ct);
        }, keep: null, ct);

    public Task<IActionResult> OnPostNotHeldAsync(int id, CancellationToken ct) =>
        Run(id, "Встреча отмечена: не состоялась.", () => commands.RecordOutcomeAsync(id, false, null, Version, ct), keep: null, ct);

    public Task<IActionResult> OnPostNotesAsync(int id, CancellationToken ct) =>
        Run(id, "Общие заметки сохранены.", () => commands.SaveSharedNotesAsync(id, SharedNotes, Version, ct), keep: () => { }, ct);

    public async Task<IActionResult> OnPostNoteAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await commands.SavePrivateNoteAsync(id, MyNote, ct);
        return Done(id, result.Error, "Личная заметка сохранена.", keepNote: true);
    }

    public async Task<IActionResult> OnPostFeedbackAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await commands.GiveFeedbackAsync(id, Rating, Comment, ct);
        return Done(id, result.Error, "Спасибо, отзыв сохранён.", keepNote: false);
    }

    private async Task<IActionResult> Run(int id, string flash, Func<Task<CommandResult<Meeting>>> command, Action? keep, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await command();
        if (result.Error is { } error)
        {
            if (error.Kind == ErrorKind.NotFound) return NotFound();
            error.AddTo(ModelState);
            // The typed text stays in the form (keep); the rest of the page shows the meeting as it is now.
            var typed = (Input, SharedNotes);
            await LoadAsync(id, ct);
            Fill();
            if (keep is not null) (Input, SharedNotes) = typed;
            return Page();
        }
        TempData["Flash"] = flash;
        return Redirect($"/Meetings/{id}");
    }

    private IActionResult Done(int id, CommandError? error, string flash, bool keepNote)
    {
        if (error is null)
        {
            TempData["Flash"] = flash;
            return Redirect($"/Meetings/{id}");
        }
        if (error.Kind == ErrorKind.NotFound) return NotFound();
        error.AddTo(ModelState);
        var (note, rating, comment) = (MyNote, Rating, Comment);
        Fill();
        if (keepNote) MyNote = note;
        else (Rating, Comment) = (rating, comment);
        return Page();
    }

    private void Fill()
    {
        var m = Details.Meeting;
        Input = MeetingInput.From(m);
        Version = m.Version;
        SharedNotes = m.SharedNotes;
        MyNote = Details.MyNote;
        var mine = Details.Feedback.FirstOrDefault(f => f.AuthorId == me.PersonId);
        Rating = mine?.Rating ?? 0;
        Comment = mine?.Comment;
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await MeetingQueries.DetailsAsync(db, id, me.PersonId, ct) is not { } details) return false;
        Details = details;
        return true;
    }
}
