using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Surveys;

/// <summary>One bar of a question's result: a scale value or an option, how many answered it and their share of the question's answers.</summary>
public sealed record ResultBar(string Label, int Count, decimal Share);

/// <summary>
/// The aggregate of one question: a scale's count, mean and distribution (and the share at or above <see cref="SatisfiedFrom"/> for a
/// satisfaction question), a choice's count per option, a topic's mean self-rating, or a text question's texts in random order.
/// </summary>
public sealed record QuestionResult(int QuestionId, int Number, string Text, QuestionType Type, QuestionMeasure Measure, int Answered,
    decimal? Mean, IReadOnlyList<ResultBar> Bars, int? SatisfiedFrom, decimal? SatisfiedShare, string? Topic, IReadOnlyList<string> Texts);

/// <summary>A named survey's answers of one person, one cell per question (never built for an anonymous survey).</summary>
public sealed record PersonAnswers(int PersonId, string Person, DateOnly Day, IReadOnlyList<string> Answers);

/// <summary>A survey as the managers' list shows it, with its response rate.</summary>
public sealed record SurveySummary(int Id, string Title, SurveyKind Kind, bool Anonymous, SurveyStatus Status, int? ProgramId,
    DateOnly? Deadline, int Recipients, int Answered)
{
    public decimal? ResponseRate => Recipients == 0 ? null : Math.Round((decimal)Answered / Recipients, 4);
}

/// <summary>
/// The results of a survey. <see cref="Hidden"/>: an anonymous survey with fewer than <see cref="AppDbContext.MinAnonymousGroup"/>
/// responses shows nothing but the count; then <see cref="Questions"/> is empty. <see cref="People"/> only for a named survey.
/// </summary>
public sealed record SurveyResultsReport(SurveySummary Survey, int Responses, bool Hidden, IReadOnlyList<QuestionResult> Questions,
    IReadOnlyList<PersonAnswers> People);

/// <summary>
/// Results of surveys for the managers (issue 13, items 1–2). Anonymous answers are read only as aggregates: no response id, person or
/// date leaves this class, texts come out shuffled anew on every call, and a group smaller than the minimum is not shown at all.
/// Who may call it is the entry point's policy; what it reads passes the privacy filters of <c>AppDbContext.SurveyPrivacy</c>.
/// </summary>
public static class SurveyResults
{
    public const string HiddenMessage = "Ответов меньше 5 — результаты не показываются, чтобы сохранить анонимность";

    /// <summary>Whether a group of answers is too small to show: only anonymous groups are hidden.</summary>
    public static bool TooSmall(bool anonymous, int responses) => anonymous && responses < AppDbContext.MinAnonymousGroup;

    public static Task<List<SurveySummary>> ListAsync(AppDbContext db, CancellationToken ct) =>
        Summaries(db, db.Surveys.OrderByDescending(s => s.Id)).ToListAsync(ct);

    public static Task<SurveySummary?> SummaryAsync(AppDbContext db, int surveyId, CancellationToken ct) =>
        Summaries(db, db.Surveys.Where(s => s.Id == surveyId)).SingleOrDefaultAsync(ct);

    private static IQueryable<SurveySummary> Summaries(AppDbContext db, IQueryable<Survey> surveys) => surveys.AsNoTracking()
        .Select(s => new SurveySummary(s.Id, s.Title, s.Kind, s.Anonymous, s.Status, s.ProgramId, s.Deadline,
            db.SurveyRecipients.Count(r => r.SurveyId == s.Id), db.SurveyRecipients.Count(r => r.SurveyId == s.Id && r.Answered)));

    public static async Task<SurveyResultsReport?> ForSurveyAsync(AppDbContext db, int surveyId, CancellationToken ct)
    {
        var survey = await SummaryAsync(db, surveyId, ct);
        if (survey is null) return null;
        var responses = await db.SurveyResponses.CountAsync(r => r.SurveyId == surveyId, ct);
        if (TooSmall(survey.Anonymous, responses)) return new SurveyResultsReport(survey, responses, true, [], []);

        var questions = await db.SurveyQuestions.AsNoTracking().Where(q => q.SurveyId == surveyId)
            .OrderBy(q => q.SortOrder).ThenBy(q => q.Id).ToListAsync(ct);
        var topicIds = questions.Where(q => q.TopicId != null).Select(q => q.TopicId!.Value).ToList();
        var topics = await db.Topics.AsNoTracking().Where(t => topicIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var answers = await db.SurveyAnswers.AsNoTracking()
            .Where(a => db.SurveyResponses.Any(r => r.Id == a.ResponseId && r.SurveyId == surveyId))
            .Select(a => new RawAnswer(a.ResponseId, a.QuestionId, a.Number, a.Text)).ToListAsync(ct);
        var results = Aggregate(questions, answers, topics);
        var people = survey.Anonymous ? [] : await PeopleAsync(db, surveyId, questions, answers, ct);
        return new SurveyResultsReport(survey, responses, false, results, people);
    }

    /// <summary>An answer as read for aggregation; the response id only groups a multiple choice and never leaves this class.</summary>
    public sealed record RawAnswer(Guid ResponseId, int QuestionId, int? Number, string? Text);

    public static IReadOnlyList<QuestionResult> Aggregate(IReadOnlyList<SurveyQuestion> questions, IReadOnlyList<RawAnswer> answers,
        IReadOnlyDictionary<int, string> topics)
    {
        var byQuestion = answers.ToLookup(a => a.QuestionId);
        return questions.Select((q, i) => Question(q, i + 1, byQuestion[q.Id].ToList(), q.TopicId is { } t ? topics.GetValueOrDefault(t) : null)).ToList();
    }

    private static QuestionResult Question(SurveyQuestion q, int number, List<RawAnswer> answers, string? topic)
    {
        switch (q.Type)
        {
            case QuestionType.ShortText or QuestionType.LongText:
                var texts = answers.Select(a => a.Text?.Trim()).Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).ToArray();
                RandomNumberGenerator.Shuffle(texts.AsSpan());
                return new(q.Id, number, q.Text, q.Type, q.Measure, texts.Length, null, [], null, null, topic, texts);
            case QuestionType.SingleChoice or QuestionType.MultipleChoice:
                var options = SurveyOptions.Split(q.Options);
                var respondents = answers.Select(a => a.ResponseId).Distinct().Count();
                var bars = options.Select((o, i) => Bar(o, answers.Count(a => a.Number == i), respondents)).ToList();
                return new(q.Id, number, q.Text, q.Type, q.Measure, respondents, null, bars, null, null, topic, []);
            default:
                var values = answers.Where(a => a.Number is not null).Select(a => a.Number!.Value).ToList();
                var max = q.Type == QuestionType.Scale10 ? 10 : 5;
                var scale = Enumerable.Range(1, max).Select(v => Bar(v.ToString(RussianTextCulture), values.Count(x => x == v), values.Count)).ToList();
                decimal? mean = values.Count == 0 ? null : Math.Round((decimal)values.Sum() / values.Count, 2);
                int? from = q.Measure == QuestionMeasure.Satisfaction ? q.SatisfiedFrom ?? (max == 10 ? 8 : 4) : null;
                decimal? satisfied = from is { } f && values.Count > 0 ? Math.Round((decimal)values.Count(v => v >= f) / values.Count, 4) : null;
                return new(q.Id, number, q.Text, q.Type, q.Measure, values.Count, mean, scale, from, satisfied, topic, []);
        }
    }

    private static readonly IFormatProvider RussianTextCulture = Nastavnik.Web.Text.RussianText.Culture;

    private static ResultBar Bar(string label, int count, int of) => new(label, count, of == 0 ? 0 : Math.Round((decimal)count / of, 4));

    /// <summary>The options of a choice question, one per line; an answer's <see cref="SurveyAnswer.Number"/> is the option's index from 0.</summary>
    private static async Task<IReadOnlyList<PersonAnswers>> PeopleAsync(AppDbContext db, int surveyId, IReadOnlyList<SurveyQuestion> questions,
        IReadOnlyList<RawAnswer> answers, CancellationToken ct)
    {
        var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == surveyId && r.PersonId != null)
            .Select(r => new { r.Id, PersonId = r.PersonId!.Value, r.Day }).ToListAsync(ct);
        var ids = responses.Select(r => r.PersonId).ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.LastName, p.FirstName, p.MiddleName }).ToDictionaryAsync(p => p.Id, p => Nastavnik.Web.Text.PersonName.Full(p.LastName, p.FirstName, p.MiddleName), ct);
        var byResponse = answers.ToLookup(a => a.ResponseId);
        return responses.Select(r => new PersonAnswers(r.PersonId, names.GetValueOrDefault(r.PersonId, "—"), r.Day,
                questions.Select(q => Cell(q, byResponse[r.Id].Where(a => a.QuestionId == q.Id).ToList())).ToList()))
            .OrderBy(p => p.Person, StringComparer.Create(Nastavnik.Web.Text.RussianText.Culture, true)).ToList();
    }

    /// <summary>One person's answer to a question as a table cell: the value, the chosen options joined, or the text.</summary>
    public static string Cell(SurveyQuestion q, IReadOnlyList<RawAnswer> answers)
    {
        if (q.Type is QuestionType.SingleChoice or QuestionType.MultipleChoice)
        {
            var options = SurveyOptions.Split(q.Options);
            return string.Join("; ", answers.Where(a => a.Number is { } n && n >= 0 && n < options.Count).OrderBy(a => a.Number).Select(a => options[a.Number!.Value]));
        }
        return string.Join("; ", answers.Select(a => a.Number?.ToString(Nastavnik.Web.Text.RussianText.Culture) ?? a.Text ?? ""));
    }
}
