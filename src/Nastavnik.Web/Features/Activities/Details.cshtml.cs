using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Activities;

/// <summary>
/// One activity; for a lesson visit, the card of its analysis: the observer fills it in, the observed teacher and the managers read
/// it. Anyone else gets «not found» from the filters.
/// </summary>
[Authorize(Policy = Policies.ProgramRead)]
public class DetailsModel(AppDbContext db, ActivityCommands commands) : PageModel
{
    public sealed record Person(string Name, ActivityRole Role);
    public sealed record Criterion(int Id, int Order, string Text, int ScaleMax);

    public JointActivity? Activity { get; private set; }
    public List<Person> People { get; private set; } = [];
    public List<Criterion> Criteria { get; private set; } = [];
    public LessonObservation? Observation { get; private set; }
    public bool CanAnalyse { get; private set; }
    [BindProperty] public ObservationInput Input { get; set; } = new();
    [BindProperty] public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, fill: true, ct) ? Page() : NotFound();

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

    private async Task<bool> LoadAsync(int id, bool fill, CancellationToken ct)
    {
        Activity = await db.JointActivities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (Activity is null) return false;
        People = await db.ActivityParticipants.Where(p => p.ActivityId == id).OrderBy(p => p.Role).ThenBy(p => p.Person!.LastName)
            .Select(p => new Person(p.Person!.LastName + " " + p.Person.FirstName + (p.Person.MiddleName == null ? "" : " " + p.Person.MiddleName), p.Role))
            .ToListAsync(ct);
        if (Activity.Kind != ActivityKind.LessonVisit) return true;
        CanAnalyse = Activity.OrganizerId == db.School.PersonId;
        Observation = await db.LessonObservations.AsNoTracking().FirstOrDefaultAsync(o => o.ActivityId == id, ct);
        var cardId = Observation?.CardId ?? (CanAnalyse ? (await ObservationCards.DefaultAsync(db, ct)).Id : 0);
        Criteria = await db.ObservationCriteria.Where(c => c.CardId == cardId).OrderBy(c => c.Order)
            .Select(c => new Criterion(c.Id, c.Order, c.Text, c.ScaleMax)).ToListAsync(ct);
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
