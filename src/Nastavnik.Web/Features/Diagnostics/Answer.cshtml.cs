using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Diagnostics;

/// <summary>
/// The self-assessment form: a teacher's own sheet, or (with ?personId=, curators and administrators only) a teacher's sheet
/// filled on their behalf. Every topic card saves itself; «Отправить ответы» marks the sheet submitted.
/// </summary>
[Authorize(Policy = Policies.ProgramRead)]
public class AnswerModel(AppDbContext db, AnswerCommands commands) : PageModel
{
    public sealed record TopicRow(int Id, string Name, Offer? Offer, Need? Need);
    public sealed record DirectionRow(string Name, List<TopicRow> Topics);

    /// <summary>Why the form is not shown (no linked person, no round, no consent); null when it is.</summary>
    public string? Blocked { get; private set; }
    public bool NoRound { get; private set; }
    public Person? Subject { get; private set; }
    public DiagnosticsRound? Round { get; private set; }
    public RoundResponse? Sheet { get; private set; }
    public List<DirectionRow> Directions { get; private set; } = [];
    public bool OnBehalf { get; private set; }
    /// <summary>Why the round takes no answers (closed, or its program completed): the answers are shown read-only.</summary>
    public string? Closed { get; private set; }
    public bool ReadOnly => Closed is not null;
    public int? RoutePersonId => OnBehalf ? Subject?.Id : null;

    public async Task<IActionResult> OnGetAsync(int? personId, CancellationToken ct)
    {
        if (await LoadAsync(personId, ct) is { } stop) return stop;
        if (Blocked is not null || Round is null) return Page();
        var offers = await db.Offers.AsNoTracking().Where(o => o.RoundId == Round.Id && o.PersonId == Subject!.Id).ToDictionaryAsync(o => o.TopicId, ct);
        var needs = await db.Needs.AsNoTracking().Where(n => n.RoundId == Round.Id && n.PersonId == Subject!.Id).ToDictionaryAsync(n => n.TopicId, ct);
        var directions = await db.Directions.AsNoTracking().Where(d => !d.IsRetired).OrderBy(d => d.SortOrder).ThenBy(d => d.Name)
            .Select(d => new { d.Name, Topics = d.Topics.Where(t => !t.IsRetired).OrderBy(t => t.SortOrder).Select(t => new { t.Id, t.Name }).ToList() })
            .ToListAsync(ct);
        Directions = directions.Where(d => d.Topics.Count > 0)
            .Select(d => new DirectionRow(d.Name, d.Topics.Select(t => new TopicRow(t.Id, t.Name, offers.GetValueOrDefault(t.Id), needs.GetValueOrDefault(t.Id))).ToList()))
            .ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostTopicAsync(int? personId, int topicId, bool offer, int? level, string? experience, bool need, int? priority, string? comment, CancellationToken ct)
    {
        if (await LoadAsync(personId, ct) is { } stop) return stop;
        if (Subject is null) return State(409, Blocked);
        if (Round is null) return State(409, "Диагностика сейчас не проводится: ответ не сохранён.");
        var answer = new TopicAnswer(topicId, offer ? level ?? 0 : null, offer ? experience : null, need ? priority ?? 0 : null, need ? comment : null);
        var result = await commands.SaveTopicAsync(Round.Id, Subject.Id, answer, ct);
        if (result.Error is { } error) return State(error.StatusCode(), error.Kind == ErrorKind.Invalid ? string.Join(" ", error.Details) : error.Message);
        if (!IsHtmx) return RedirectToPage(new { personId = RoutePersonId });
        return State(200, null);
    }

    public async Task<IActionResult> OnPostSubmitAsync(int? personId, CancellationToken ct)
    {
        if (await LoadAsync(personId, ct) is { } stop) return stop;
        if (Subject is null) return StatusCode(409, Blocked ?? "");
        var result = Round is null ? new CommandResult(CommandError.Conflict("Диагностика сейчас не проводится.")) : await commands.SubmitAsync(Round.Id, Subject.Id, ct);
        if (result.Error is { } error) TempData["Error"] = error.Message;
        else TempData["Flash"] = OnBehalf ? $"Анкета педагога {RussianNames.Decline(Subject.FullName, NameCase.Genitive)} отмечена как отправленная." : "Спасибо! Ваши ответы отправлены.";
        return RedirectToPage(new { personId = RoutePersonId });
    }

    private bool IsHtmx => Request.Headers.ContainsKey("HX-Request");

    private IActionResult State(int status, string? error)
    {
        if (!IsHtmx && error is not null) return StatusCode(status, error);
        Response.StatusCode = status;
        return Partial("_SaveState", error);
    }

    /// <summary>Finds whose sheet this is and whether it can be filled; a result means: stop and return it.</summary>
    private async Task<IActionResult?> LoadAsync(int? personId, CancellationToken ct)
    {
        var (subject, refused) = await AnswerSheet.SubjectAsync(db, User, personId, ct);
        if (subject is null) return StatusCode(refused);
        OnBehalf = subject.OnBehalf;
        Subject = subject.Person;
        if (Subject is null)
        {
            Blocked = "Ваша учётная запись не связана с карточкой педагога, поэтому анкеты самодиагностики для вас нет. Если вы ведёте занятия, попросите администратора связать учётную запись с вашей карточкой в реестре педагогов.";
            return null;
        }
        Round = await AnswerSheet.CurrentRoundAsync(db, ct);
        if (Round is null) { NoRound = true; return null; }
        Closed = await AnswerCommands.WhyClosedAsync(db, Round, ct);
        Sheet = await db.RoundResponses.AsNoTracking().FirstOrDefaultAsync(r => r.RoundId == Round.Id && r.PersonId == Subject.Id, ct);
        // A closed round still shows the answers, read-only; missing consent or an archived card shows no form at all.
        Blocked = AnswerSheet.PersonBlock(Subject);
        return null;
    }
}
