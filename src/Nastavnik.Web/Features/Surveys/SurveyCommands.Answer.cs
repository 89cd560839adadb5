using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Surveys;

public sealed partial class SurveyCommands
{
    public const int TextMax = 4000;
    public const string AlreadyAnswered = "Вы уже ответили на этот опрос.";

    /// <summary>
    /// The signed-in recipient answers a sent survey before its deadline, once. Each answer is checked by its question's type; the
    /// response is written with its answers and the recipient marked answered in one transaction. An anonymous response carries no
    /// person, a random key and only the day, nothing else (audit, log, notification) is written about it, and the storage's own
    /// traces of who wrote it are wiped in the same transaction (<see cref="ShuffleRowNumbersAsync"/>).
    /// </summary>
    public async Task<CommandResult> AnswerAsync(int surveyId, IReadOnlyList<AnswerInput> answers, CancellationToken ct)
    {
        var personId = db.School.PersonId;
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Questions)
            .FirstOrDefaultAsync(s => s.Id == surveyId && s.Status != SurveyStatus.Draft, ct);
        var recipient = survey is null ? null : await db.SurveyRecipients.AsNoTracking()
            .Where(r => r.SurveyId == surveyId && r.PersonId == personId).Select(r => new { r.Id, r.Answered }).FirstOrDefaultAsync(ct);
        if (survey is null || recipient is null) return CommandError.NotFound(NotFoundText);
        if (recipient.Answered) return CommandError.Conflict(AlreadyAnswered);
        if (survey.Status == SurveyStatus.Closed) return CommandError.Conflict("Опрос закрыт: ответы больше не принимаются.");
        var today = clock.Today();
        if (survey.Deadline < today) return CommandError.Conflict($"Срок ответа на опрос прошёл {RussianText.Date(survey.Deadline)}: ответы больше не принимаются.");

        var response = new SurveyResponse
        {
            Id = Guid.NewGuid(), SchoolId = survey.SchoolId, SurveyId = survey.Id, PersonId = survey.Anonymous ? null : personId, Day = today,
        };
        var problems = new List<string>();
        var given = new Dictionary<int, AnswerInput>();
        foreach (var a in answers)
        {
            if (!survey.Questions.Any(q => q.Id == a.QuestionId)) problems.Add("В ответе есть вопрос, которого нет в этом опросе. Обновите страницу.");
            else if (!given.TryAdd(a.QuestionId, a)) problems.Add("На один вопрос пришло два ответа. Обновите страницу.");
        }
        var number = 0;
        foreach (var q in survey.Questions.OrderBy(q => q.SortOrder).ThenBy(q => q.Id))
        {
            number++;
            var rows = Check(q, number, given.GetValueOrDefault(q.Id), problems);
            foreach (var row in rows) response.Answers.Add(new SurveyAnswer { Id = Guid.NewGuid(), SchoolId = survey.SchoolId, QuestionId = q.Id, Number = row.Number, Text = row.Text });
        }
        if (problems.Count > 0) return CommandError.Invalid("Ответ не отправлен: исправьте ошибки.", problems.Distinct().ToList());

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Anonymous: every recipient row of the survey rewritten first, see below (which also makes the answers to one survey wait
        // for each other here, always in the same order, instead of deadlocking over each other's rows).
        if (survey.Anonymous) await db.RewriteSurveyRecipientsAsync(survey.Id, ct);
        // Marked answered only if it was not already (a second tab, a double click): one response per recipient.
        var marked = await db.SurveyRecipients.Where(r => r.Id == recipient.Id && !r.Answered)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Answered, true), ct);
        if (marked == 0) return CommandError.Conflict(AlreadyAnswered);
        db.SurveyResponses.Add(response);
        await db.SaveChangesAsync(ct);
        if (survey.Anonymous && db.Database.IsSqlite()) await ShuffleRowNumbersAsync(response.Id, ct);
        await tx.CommitAsync(ct);
        return CommandResult.Success;
    }

    /// <summary>
    /// What the storage itself remembers of who wrote an anonymous answer, removed in the answer's transaction. PostgreSQL stamps
    /// every row with the transaction that last wrote it (the hidden <c>xmin</c>), so the recipient marked answered and the response
    /// would share it; every recipient row of the survey is rewritten in that transaction too, so all of them carry the latest
    /// answer's transaction, which then points at no one. SQLite numbers rows in the order they arrive (<c>rowid</c>), which anyone
    /// who knows when a colleague answered could use: the response and its answers get random row numbers. The recipient rows hold
    /// no time, so nothing left orders the people.
    /// </summary>
    private async Task ShuffleRowNumbersAsync(Guid responseId, CancellationToken ct)
    {
        // Non-negative 63-bit numbers: a clash with an existing row is as likely as guessing a Guid.
        await db.Database.ExecuteSqlAsync($"""UPDATE "SurveyResponses" SET rowid = random() & 9223372036854775807 WHERE "Id" = {responseId}""", ct);
        await db.Database.ExecuteSqlAsync($"""UPDATE "SurveyAnswers" SET rowid = random() & 9223372036854775807 WHERE "ResponseId" = {responseId}""", ct);
    }

    /// <summary>The rows of one question's answer, or none (a problem added when the answer is wrong or a required one is missing).</summary>
    private static List<(int? Number, string? Text)> Check(SurveyQuestion q, int number, AnswerInput? a, List<string> problems)
    {
        var label = $"Вопрос {number} {RussianText.Quote(q.Text.Length <= 80 ? q.Text : q.Text[..79].TrimEnd() + "…")}";
        var rows = new List<(int?, string?)>();
        switch (q.Type)
        {
            case QuestionType.Scale5 or QuestionType.Scale10 or QuestionType.TopicRating:
                var max = q.Type == QuestionType.Scale10 ? 10 : 5;
                if (a?.Number is { } n)
                {
                    if (n < 1 || n > max) problems.Add($"{label}: выберите оценку от 1 до {max}.");
                    else rows.Add((n, null));
                }
                break;
            case QuestionType.SingleChoice:
                var count = SurveyOptions.Split(q.Options).Count;
                if (a?.Number is { } i)
                {
                    if (i < 0 || i >= count) problems.Add($"{label}: такого варианта ответа нет.");
                    else rows.Add((i, null));
                }
                break;
            case QuestionType.MultipleChoice:
                var options = SurveyOptions.Split(q.Options).Count;
                var chosen = (a?.Numbers ?? (a?.Number is { } one ? [one] : [])).Distinct().ToList();
                if (chosen.Any(c => c < 0 || c >= options)) problems.Add($"{label}: такого варианта ответа нет.");
                else rows.AddRange(chosen.Order().Select(c => ((int?)c, (string?)null)));
                break;
            default:
                var text = string.IsNullOrWhiteSpace(a?.Text) ? null : a.Text.Trim().ReplaceLineEndings("\n");
                if (text is null) break;
                if (text.Length > TextMax) problems.Add($"{label}: ответ длиннее {TextMax} символов (сейчас {text.Length}).");
                else if (XmlText.HasInvalid(text)) problems.Add($"{label}: в ответе есть непечатаемые символы, уберите их.");
                else rows.Add((null, text));
                break;
        }
        if (q.Required && rows.Count == 0 && !problems.Any(p => p.StartsWith(label, StringComparison.Ordinal)))
            problems.Add($"{label}: это обязательный вопрос, ответьте на него.");
        return rows;
    }
}
