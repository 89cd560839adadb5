using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Portfolio;
using Nastavnik.Web.Features.Staff;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Activities;

/// <summary>
/// One activity: its participants (the organizer or a manager adds them with a search by name and removes them), its files (any
/// participant attaches, the one who attached deletes) and, for a lesson visit, the card of its analysis: the observer fills it in,
/// the observed teacher and the managers read it. Anyone else gets «not found» from the filters.
/// </summary>
[Authorize(Policy = Policies.ProgramRead)]
public class DetailsModel(AppDbContext db, ActivityCommands commands) : PageModel
{
    public sealed record Person(int Id, string Name, ActivityRole Role);
    public sealed record Criterion(int Id, int Order, string Text, int ScaleMin, int ScaleMax);
    public sealed record FileRow(int Id, string Name, long Length, DateTime UploadedAt, bool Mine);
    public sealed record Found(int Id, string Name, string? Position);

    public JointActivity? Activity { get; private set; }
    public List<Person> People { get; private set; } = [];
    public List<FileRow> Files { get; private set; } = [];
    public List<Criterion> Criteria { get; private set; } = [];
    public LessonObservation? Observation { get; private set; }
    public bool CanAnalyse { get; private set; }
    public bool CanManage { get; private set; }
    /// <summary>A change of participants or files was refused: its messages show above them, not in the analysis form.</summary>
    public bool ActionFailed { get; private set; }
    /// <summary>The search of the people picker (<c>?find=</c>) and what it found.</summary>
    public string? Find { get; private set; }
    public List<Found> Matches { get; private set; } = [];
    [BindProperty] public ObservationInput Input { get; set; } = new();
    [BindProperty] public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, string? find, CancellationToken ct)
    {
        if (!await LoadAsync(id, fill: true, ct)) return NotFound();
        if (CanManage) await SearchAsync(id, find, ct);
        return Page();
    }

    /// <summary>The picker's results while typing (htmx); the same list the page shows after «Найти» without scripts.</summary>
    public async Task<IActionResult> OnGetPeopleAsync(int id, string? find, CancellationToken ct)
    {
        Activity = await db.JointActivities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (Activity is null) return NotFound();
        await SearchAsync(id, find, ct);
        return Partial("_PersonPickerResults", this);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        var result = await commands.SaveObservationAsync(id, Input, Version, ct);
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { } error)
        {
            error.AddTo(ModelState);
            return await LoadAsync(id, fill: false, ct) ? Page() : NotFound();
        }
        TempData["Flash"] = "Анализ урока сохранён. Коллега увидит его на странице посещения.";
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostAddPersonAsync(int id, int personId, int activityVersion, CancellationToken ct) =>
        AfterAsync(id, commands.AddParticipantAsync(id, personId, activityVersion, ct), "Участник добавлен.", ct);

    public Task<IActionResult> OnPostRemovePersonAsync(int id, int personId, int activityVersion, CancellationToken ct) =>
        AfterAsync(id, commands.RemoveParticipantAsync(id, personId, activityVersion, ct), "Участник убран.", ct);

    public async Task<IActionResult> OnPostFilesAsync(int id, List<IFormFile> upload, CancellationToken ct)
    {
        var result = await commands.AddFilesAsync(id, upload.Select(f => new FileUpload(f.FileName, f.Length, f.OpenReadStream())).ToList(), ct);
        return await AfterAsync(id, result.Error, result.Value?.Count == 1 ? "Файл приложен." : "Файлы приложены.", ct);
    }

    public async Task<IActionResult> OnPostDeleteFileAsync(int id, int fileId, CancellationToken ct) =>
        await AfterAsync(id, (await commands.DeleteFileAsync(fileId, ct)).Error, "Файл удалён.", ct);

    private async Task<IActionResult> AfterAsync(int id, Task<CommandResult<JointActivity>> command, string done, CancellationToken ct) =>
        await AfterAsync(id, (await command).Error, done, ct);

    private async Task<IActionResult> AfterAsync(int id, CommandError? error, string done, CancellationToken ct)
    {
        ModelState.Clear();
        if (error is { Kind: ErrorKind.NotFound } && !await db.JointActivities.AnyAsync(a => a.Id == id, ct)) return NotFound();
        if (error is null)
        {
            TempData["Flash"] = done;
            return RedirectToPage(new { id });
        }
        error.AddTo(ModelState);
        ActionFailed = true;
        return await LoadAsync(id, fill: true, ct) ? Page() : NotFound();
    }

    private async Task SearchAsync(int id, string? find, CancellationToken ct)
    {
        Find = find?.Trim();
        if (string.IsNullOrEmpty(Find)) return;
        var taken = db.ActivityParticipants.Where(p => p.ActivityId == id).Select(p => p.PersonId);
        Matches = await new StaffFilter { Q = Find }.Apply(db.People.AsNoTracking()).Where(p => !taken.Contains(p.Id)).Take(10)
            .Select(p => new Found(p.Id, p.LastName + " " + p.FirstName + (p.MiddleName == null ? "" : " " + p.MiddleName), p.Position)).ToListAsync(ct);
    }

    private async Task<bool> LoadAsync(int id, bool fill, CancellationToken ct)
    {
        Activity = await db.JointActivities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (Activity is null) return false;
        var me = db.School.PersonId;
        CanManage = Activity.OrganizerId == me || db.School.IsSchoolManager;
        People = await db.ActivityParticipants.Where(p => p.ActivityId == id).OrderBy(p => p.Role).ThenBy(p => NameOrder.Key(p.Person!.LastName))
            .Select(p => new Person(p.PersonId, p.Person!.LastName + " " + p.Person.FirstName + (p.Person.MiddleName == null ? "" : " " + p.Person.MiddleName), p.Role))
            .ToListAsync(ct);
        Files = await db.ActivityFiles.AsNoTracking().Where(f => f.ActivityId == id).OrderBy(f => f.Id)
            .Select(f => new FileRow(f.Id, f.FileName, f.Length, f.UploadedAt, me > 0 && f.UploadedById == me)).ToListAsync(ct);
        if (Activity.Kind != ActivityKind.LessonVisit) return true;
        CanAnalyse = Activity.OrganizerId == me;
        Observation = await db.LessonObservations.AsNoTracking().FirstOrDefaultAsync(o => o.ActivityId == id, ct);
        var cardId = Observation?.CardId ?? (CanAnalyse ? (await ObservationCards.DefaultAsync(db, ct)).Id : 0);
        Criteria = await db.ObservationCriteria.Where(c => c.CardId == cardId).OrderBy(c => c.Order)
            .Select(c => new Criterion(c.Id, c.Order, c.Text, c.ScaleMin, c.ScaleMax)).ToListAsync(ct);
        if (!fill) return true;
        var scores = Observation is null ? [] : await db.ObservationScores.Where(s => s.ObservationId == Observation.Id).ToListAsync(ct);
        Version = Observation?.Version;
        Input = new ObservationInput
        {
            ClassName = Observation?.ClassName, Subject = Observation?.Subject, LessonTopic = Observation?.LessonTopic, Summary = Observation?.Summary,
            Scores = Criteria.Select(c => scores.FirstOrDefault(s => s.CriterionId == c.Id) is { } s
                ? new ScoreInput { CriterionId = c.Id, Score = s.Score, Comment = s.Comment }
                : new ScoreInput { CriterionId = c.Id }).ToList(),
        };
        return true;
    }
}
