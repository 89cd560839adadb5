using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Notifications;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Surveys;

/// <summary>
/// Surveys of a school (issue 13): a curator or administrator creates one blank or from a template, edits it while it is a draft
/// (behind its <see cref="Survey.Version"/>), sends it to a group and closes it; a recipient answers it once
/// (<c>SurveyCommands.Answer.cs</c>). Sending is in <c>SurveyCommands.Send.cs</c>, shared with the pulse job.
/// </summary>
public sealed partial class SurveyCommands(AppDbContext db, TimeProvider clock, Notifier notifier)
{
    public const string NotFoundText = "Опрос не найден.";
    private const string ManagersOnly = "Опросы составляют и рассылают куратор и администратор школы.";
    private const string NotDraft = "Опрос уже разослан: его вопросы и получателей больше не меняют.";

    public async Task<CommandResult<Survey>> CreateAsync(NewSurveyInput input, CancellationToken ct)
    {
        if (InputRules.Check(input, clock, "Опрос не создан: исправьте ошибки.") is { } invalid) return invalid;
        if (!db.School.IsSchoolManager || db.School.SchoolId is not > 0) return CommandError.Forbidden(ManagersOnly);
        if (input.Kind == SurveyKind.Pulse) return CommandError.Invalid("Опрос не создан.", "Анкеты-пульсы пар рассылаются сами: через 30 дней после начала работы пары и затем каждые 60 дней.");
        if (input.ProgramId is { } programId && !await db.Programs.AnyAsync(p => p.Id == programId, ct))
            return CommandError.Invalid("Опрос не создан.", "Выберите программу школы.");
        var survey = await SurveyTemplates.BuildAsync(db, input.Kind, input.ProgramId, ct);
        survey.SchoolId = db.School.SchoolId.Value;
        if (RussianText.Clean(input.Title) is { } title) survey.Title = title;
        survey.CreatedBy = db.School.UserName;
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);
        return survey;
    }

    public async Task<CommandResult<Survey>> UpdateSettingsAsync(int id, SurveySettingsInput input, CancellationToken ct)
    {
        if (InputRules.Check(input, clock, "Опрос не сохранён: исправьте ошибки.") is { } invalid) return invalid;
        var (survey, refused) = await DraftAsync(id, input.Version, ct);
        if (refused is not null) return refused;
        survey!.Title = input.Title.Trim();
        survey.Description = RussianText.Clean(input.Description);
        survey.Anonymous = input.Anonymous;
        survey.Audience = input.Audience;
        survey.Department = input.Audience == SurveyAudience.Department ? RussianText.Clean(input.Department) : null;
        survey.Deadline = input.Deadline;
        return await SaveAsync(survey, ct);
    }

    public async Task<CommandResult<Survey>> AddQuestionAsync(int id, int version, QuestionInput input, CancellationToken ct)
    {
        if (QuestionProblems(input) is { } invalid) return invalid;
        var (survey, refused) = await DraftAsync(id, version, ct);
        if (refused is not null) return refused;
        var question = new SurveyQuestion { SchoolId = survey!.SchoolId, Text = "", SortOrder = survey.Questions.Count == 0 ? 1 : survey.Questions.Max(q => q.SortOrder) + 1 };
        Apply(input, question);
        survey.Questions.Add(question);
        return await SaveAsync(survey, ct);
    }

    public async Task<CommandResult<Survey>> UpdateQuestionAsync(int id, int version, int questionId, QuestionInput input, CancellationToken ct)
    {
        if (QuestionProblems(input) is { } invalid) return invalid;
        var (survey, refused) = await DraftAsync(id, version, ct);
        if (refused is not null) return refused;
        if (survey!.Questions.FirstOrDefault(q => q.Id == questionId) is not { } question) return CommandError.NotFound("Вопрос не найден.");
        Apply(input, question);
        return await SaveAsync(survey, ct);
    }

    public async Task<CommandResult<Survey>> RemoveQuestionAsync(int id, int version, int questionId, CancellationToken ct)
    {
        var (survey, refused) = await DraftAsync(id, version, ct);
        if (refused is not null) return refused;
        if (survey!.Questions.FirstOrDefault(q => q.Id == questionId) is not { } question) return CommandError.NotFound("Вопрос не найден.");
        survey.Questions.Remove(question);
        db.SurveyQuestions.Remove(question);
        return await SaveAsync(survey, ct);
    }

    /// <summary>Moves a question one place up (<paramref name="up"/>) or down; at the edge nothing changes.</summary>
    public async Task<CommandResult<Survey>> MoveQuestionAsync(int id, int version, int questionId, bool up, CancellationToken ct)
    {
        var (survey, refused) = await DraftAsync(id, version, ct);
        if (refused is not null) return refused;
        var ordered = survey!.Questions.OrderBy(q => q.SortOrder).ThenBy(q => q.Id).ToList();
        var at = ordered.FindIndex(q => q.Id == questionId);
        if (at < 0) return CommandError.NotFound("Вопрос не найден.");
        var to = up ? at - 1 : at + 1;
        if (to >= 0 && to < ordered.Count) (ordered[at], ordered[to]) = (ordered[to], ordered[at]);
        for (var i = 0; i < ordered.Count; i++) ordered[i].SortOrder = i + 1;
        return await SaveAsync(survey, ct);
    }

    /// <summary>Closes a sent survey: no more answers; what was answered stays.</summary>
    public async Task<CommandResult<Survey>> CloseAsync(int id, int version, CancellationToken ct)
    {
        if (!db.School.IsSchoolManager) return CommandError.Forbidden(ManagersOnly);
        var survey = await db.Surveys.Include(s => s.Questions).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return CommandError.NotFound(NotFoundText);
        if (survey.Status != SurveyStatus.Sent) return CommandError.Conflict(survey.Status == SurveyStatus.Draft ? "Черновик не рассылался: закрывать нечего." : "Опрос уже закрыт.");
        db.Entry(survey).Property(s => s.Version).OriginalValue = version;
        survey.Status = SurveyStatus.Closed;
        survey.ClosedAt = clock.UtcTime();
        return await SaveAsync(survey, ct);
    }

    private async Task<(Survey? Survey, CommandError? Refusal)> DraftAsync(int id, int version, CancellationToken ct)
    {
        if (!db.School.IsSchoolManager) return (null, CommandError.Forbidden(ManagersOnly));
        var survey = await db.Surveys.Include(s => s.Questions).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null) return (null, CommandError.NotFound(NotFoundText));
        if (survey.Version != version) return (null, CommandError.Stale());
        if (survey.Status != SurveyStatus.Draft) return (null, CommandError.Conflict(NotDraft));
        db.Entry(survey).Property(s => s.Version).OriginalValue = version;
        // Every change of a draft, its questions too, bumps the survey's version, so a parallel edit is noticed.
        db.Entry(survey).Property(s => s.Title).IsModified = true;
        return (survey, null);
    }

    private async Task<CommandResult<Survey>> SaveAsync(Survey survey, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return CommandError.Stale(); }
        return survey;
    }

    private static CommandError? QuestionProblems(QuestionInput input)
    {
        var problems = InputRules.Validate(input, TimeProvider.System).Select(r => r.ErrorMessage ?? "Неверное значение.").ToList();
        var options = SurveyOptions.Split(input.Options);
        if (input.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice && options.Count < 2)
            problems.Add("Для вопроса с выбором напишите хотя бы два варианта ответа, по одному в строке.");
        if (input.Type == QuestionType.TopicRating && input.TopicId is null) problems.Add("Выберите тему, которую педагог оценивает.");
        return problems.Count == 0 ? null : CommandError.Invalid("Вопрос не сохранён.", problems);
    }

    private static void Apply(QuestionInput input, SurveyQuestion q)
    {
        q.Type = input.Type;
        q.Text = input.Text.Trim();
        q.Options = input.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice ? string.Join('\n', SurveyOptions.Split(input.Options)) : null;
        q.Required = input.Required;
        q.TopicId = input.Type == QuestionType.TopicRating ? input.TopicId : null;
        q.Measure = input.Measure;
        q.SatisfiedFrom = input.Measure == QuestionMeasure.Satisfaction ? input.SatisfiedFrom ?? (input.Type == QuestionType.Scale10 ? 8 : 4) : null;
    }
}

/// <summary>The choices of a question, stored one per line.</summary>
public static class SurveyOptions
{
    public static IReadOnlyList<string> Split(string? options) =>
        (options ?? "").Split('\n').Select(o => o.Trim()).Where(o => o.Length > 0).ToList();
}
