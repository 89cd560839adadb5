using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Surveys;

/// <summary>
/// A teacher answers a survey sent to them: one block per question (radio buttons for scales and single choice, checkboxes for several),
/// on a phone too; the page says whether the survey is anonymous. The answer goes to <see cref="SurveyCommands.AnswerAsync"/>.
/// </summary>
[Authorize(Policy = Policies.OwnProfile)]
public class AnswerModel(AppDbContext db, SurveyCommands commands) : PageModel
{
    public SurveyQueries.Details Survey { get; private set; } = null!;
    public bool Answered { get; private set; }
    public bool Open { get; private set; }
    /// <summary>What the teacher chose or wrote, by question, to show again when the answer was refused.</summary>
    public Dictionary<int, string[]> Given { get; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var answers = new List<AnswerInput>();
        foreach (var q in Survey.Questions)
        {
            var values = Request.Form[$"q{q.Id}"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToArray();
            Given[q.Id] = values;
            if (values.Length == 0) continue;
            if (q.Type is QuestionType.ShortText or QuestionType.LongText) answers.Add(new AnswerInput(q.Id, Text: values[0]));
            else
            {
                var numbers = values.Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1).ToList();
                answers.Add(q.Type == QuestionType.MultipleChoice ? new AnswerInput(q.Id, Numbers: numbers) : new AnswerInput(q.Id, Number: numbers[0]));
            }
        }
        var result = await commands.AnswerAsync(id, answers, ct);
        if (result.Error is { } error)
        {
            error.AddTo(ModelState);
            await LoadAsync(id, ct);
            return Page();
        }
        TempData["Flash"] = Survey.Anonymous ? "Спасибо! Ответ отправлен анонимно." : "Спасибо! Ответ отправлен.";
        return Redirect("/Surveys");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var answered = await SurveyQueries.AnsweredAsync(db, id, db.School.PersonId, ct);
        if (answered is null || await SurveyQueries.FindAsync(db, id, ct) is not { } survey || survey.Status == SurveyStatus.Draft) return false;
        Survey = survey;
        Answered = answered.Value;
        Open = !Answered && survey.Status == SurveyStatus.Sent && !(survey.Deadline < db.Clock.Today());
        return true;
    }
}
