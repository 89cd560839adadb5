using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Surveys;

/// <summary>
/// A survey for its curator: a draft's settings and questions (add, edit, remove, move), sending it to its group; a sent survey's
/// response rate and closing it. Every change goes through <see cref="SurveyCommands"/> with the version the page was read at.
/// </summary>
[Authorize(Policy = Policies.ProgramWrite)]
public class EditModel(AppDbContext db, SurveyCommands commands) : PageModel
{
    public SurveyQueries.Details Survey { get; private set; } = null!;
    public SurveySettingsInput Settings { get; private set; } = new();
    public List<string> Departments { get; private set; } = [];
    public List<(int Id, string Name)> Topics { get; private set; } = [];
    public bool IsDraft => Survey.Status == SurveyStatus.Draft;

    public static readonly IReadOnlyList<(SurveyAudience Audience, string Name)> Audiences =
    [
        (SurveyAudience.AllStaff, "Все педагоги"),
        (SurveyAudience.Mentors, "Наставники пар программы"),
        (SurveyAudience.Mentees, "Наставляемые пар программы"),
        (SurveyAudience.ProgramPairs, "Пары программы (наставники и наставляемые)"),
        (SurveyAudience.Department, "Методическое объединение"),
    ];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostSettingsAsync(int id, SurveySettingsInput settings, CancellationToken ct) =>
        RunAsync(id, ModelState.IsValid ? () => Map(commands.UpdateSettingsAsync(id, settings, ct)) : null, "Настройки опроса сохранены.", ct, settings);

    public Task<IActionResult> OnPostAddQuestionAsync(int id, int version, QuestionInput question, CancellationToken ct) =>
        RunAsync(id, ModelState.IsValid ? () => Map(commands.AddQuestionAsync(id, version, question, ct)) : null, "Вопрос добавлен.", ct);

    public Task<IActionResult> OnPostEditQuestionAsync(int id, int version, int questionId, QuestionInput question, CancellationToken ct) =>
        RunAsync(id, ModelState.IsValid ? () => Map(commands.UpdateQuestionAsync(id, version, questionId, question, ct)) : null, "Вопрос сохранён.", ct);

    public Task<IActionResult> OnPostRemoveQuestionAsync(int id, int version, int questionId, CancellationToken ct) =>
        RunAsync(id, () => Map(commands.RemoveQuestionAsync(id, version, questionId, ct)), "Вопрос удалён.", ct);

    public Task<IActionResult> OnPostMoveAsync(int id, int version, int questionId, bool up, CancellationToken ct) =>
        RunAsync(id, () => Map(commands.MoveQuestionAsync(id, version, questionId, up, ct)), null, ct);

    public async Task<IActionResult> OnPostSendAsync(int id, int version, CancellationToken ct)
    {
        var result = await commands.SendAsync(id, version, ct);
        return await DoneAsync(id, result.Error, $"Опрос разослан: {RussianText.Plural(result.Value, "получатель", "получателя", "получателей")}.", ct);
    }

    public Task<IActionResult> OnPostCloseAsync(int id, int version, CancellationToken ct) =>
        RunAsync(id, () => Map(commands.CloseAsync(id, version, ct)), "Опрос закрыт: ответы больше не принимаются.", ct);

    private static async Task<CommandError?> Map(Task<CommandResult<Survey>> run) => (await run).Error;

    private async Task<IActionResult> RunAsync(int id, Func<Task<CommandError?>>? run, string? done, CancellationToken ct, SurveySettingsInput? settings = null)
    {
        if (run is null)
        {
            if (!await LoadAsync(id, ct)) return NotFound();
            if (settings is not null) Settings = settings;
            return Page();
        }
        return await DoneAsync(id, await run(), done, ct, settings);
    }

    private async Task<IActionResult> DoneAsync(int id, CommandError? error, string? done, CancellationToken ct, SurveySettingsInput? settings = null)
    {
        if (error is null)
        {
            if (done is not null) TempData["Flash"] = done;
            return Redirect(SurveyCommands.Link(id));
        }
        if (error.Kind == ErrorKind.NotFound && !await db.Surveys.AnyAsync(s => s.Id == id, ct)) return NotFound();
        error.AddTo(ModelState);
        if (!await LoadAsync(id, ct)) return NotFound();
        if (settings is not null && error.Kind == ErrorKind.Invalid) Settings = settings;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await SurveyQueries.FindAsync(db, id, ct) is not { } survey) return false;
        Survey = survey;
        Settings = new SurveySettingsInput
        {
            Title = survey.Title, Description = survey.Description, Anonymous = survey.Anonymous, Audience = survey.Audience,
            Department = survey.Department, Deadline = survey.Deadline, Version = survey.Version,
        };
        if (IsDraft)
        {
            var order = StringComparer.Create(RussianText.Culture, ignoreCase: true);
            Departments = (await db.People.Where(p => !p.IsArchived && p.Department != null).Select(p => p.Department!).Distinct().ToListAsync(ct)).Order(order).ToList();
            Topics = (await db.Topics.Where(t => !t.IsRetired).OrderBy(t => t.Direction!.SortOrder).ThenBy(t => t.SortOrder)
                .Select(t => new { t.Id, t.Name }).ToListAsync(ct)).Select(t => (t.Id, t.Name)).ToList();
        }
        return true;
    }
}

/// <summary>The fields of a question's form (a new one when <see cref="Question"/> is null), with the topics to rate.</summary>
public sealed record QuestionFields(SurveyQueries.Question? Question, IReadOnlyList<(int Id, string Name)> Topics)
{
    public string Prefix => Question is { } q ? $"q{q.Id}" : "new";
}
