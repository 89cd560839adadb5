using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Surveys;

/// <summary>What the survey pages read: the managers' list with live response rates, a teacher's own surveys, a draft to edit, a form to answer.</summary>
public static class SurveyQueries
{
    public sealed record Row(int Id, string Title, SurveyKind Kind, SurveyStatus Status, bool Anonymous, DateOnly? Deadline, int Recipients, int Answered)
    {
        /// <summary>«12 из 30 (40 %)».</summary>
        public string Rate => Recipients == 0 ? "—" : $"{Answered} из {Recipients} ({Math.Round(100.0 * Answered / Recipients, MidpointRounding.AwayFromZero)} %)";
    }

    public sealed record PulseSummary(int Sent, int Recipients, int Answered);

    /// <summary>The school's surveys (pulses apart: there is one per pair and period), newest first, each with its response rate.</summary>
    public static Task<List<Row>> ManagerListAsync(AppDbContext db, CancellationToken ct) =>
        db.Surveys.AsNoTracking().Where(s => s.Kind != SurveyKind.Pulse).OrderBy(s => s.Status == SurveyStatus.Draft ? 0 : s.Status == SurveyStatus.Sent ? 1 : 2)
            .ThenByDescending(s => s.Id)
            .Select(s => new Row(s.Id, s.Title, s.Kind, s.Status, s.Anonymous, s.Deadline,
                db.SurveyRecipients.Count(r => r.SurveyId == s.Id), db.SurveyRecipients.Count(r => r.SurveyId == s.Id && r.Answered)))
            .ToListAsync(ct);

    public static async Task<PulseSummary> PulsesAsync(AppDbContext db, CancellationToken ct)
    {
        var pulses = db.Surveys.Where(s => s.Kind == SurveyKind.Pulse);
        var recipients = db.SurveyRecipients.Where(r => pulses.Any(s => s.Id == r.SurveyId));
        return new PulseSummary(await pulses.CountAsync(ct), await recipients.CountAsync(ct), await recipients.CountAsync(r => r.Answered, ct));
    }

    public sealed record Mine(int Id, string Title, SurveyStatus Status, bool Anonymous, DateOnly? Deadline, bool Answered)
    {
        public bool Open(DateOnly today) => !Answered && Status == SurveyStatus.Sent && !(Deadline < today);
    }

    /// <summary>The surveys sent to a person: waiting ones first (by deadline), then the rest.</summary>
    public static async Task<List<Mine>> MineAsync(AppDbContext db, int personId, CancellationToken ct)
    {
        var rows = await (
                from r in db.SurveyRecipients
                where r.PersonId == personId
                join s in db.Surveys on r.SurveyId equals s.Id
                where s.Status != SurveyStatus.Draft
                select new Mine(s.Id, s.Title, s.Status, s.Anonymous, s.Deadline, r.Answered))
            .ToListAsync(ct);
        var today = db.Clock.Today();
        return rows.OrderBy(m => m.Open(today) ? 0 : 1).ThenBy(m => m.Deadline).ThenByDescending(m => m.Id).ToList();
    }

    public sealed record Question(int Id, int SortOrder, QuestionType Type, string Text, IReadOnlyList<string> Options, bool Required, int? TopicId, string? Topic, QuestionMeasure Measure);

    public sealed record Details(int Id, string Title, string? Description, SurveyKind Kind, SurveyStatus Status, bool Anonymous, SurveyAudience Audience,
        string? Department, DateOnly? Deadline, int? ProgramId, string? Program, int Version, List<Question> Questions, int Recipients, int Answered);

    public static async Task<Details?> FindAsync(AppDbContext db, int id, CancellationToken ct)
    {
        var s = await db.Surveys.AsNoTracking().Include(x => x.Questions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return null;
        var topicIds = s.Questions.Where(q => q.TopicId != null).Select(q => q.TopicId!.Value).ToList();
        var topics = await db.Topics.Where(t => topicIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var program = s.ProgramId is null ? null : await db.Programs.Where(p => p.Id == s.ProgramId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        var recipients = await db.SurveyRecipients.CountAsync(r => r.SurveyId == id, ct);
        var answered = await db.SurveyRecipients.CountAsync(r => r.SurveyId == id && r.Answered, ct);
        var questions = s.Questions.OrderBy(q => q.SortOrder).ThenBy(q => q.Id)
            .Select(q => new Question(q.Id, q.SortOrder, q.Type, q.Text, SurveyOptions.Split(q.Options), q.Required, q.TopicId,
                q.TopicId is { } t ? topics.GetValueOrDefault(t) : null, q.Measure)).ToList();
        return new Details(s.Id, s.Title, s.Description, s.Kind, s.Status, s.Anonymous, s.Audience, s.Department, s.Deadline, s.ProgramId, program, s.Version,
            questions, recipients, answered);
    }

    /// <summary>Whether the person was sent the survey and has answered it (null: not a recipient).</summary>
    public static Task<bool?> AnsweredAsync(AppDbContext db, int surveyId, int personId, CancellationToken ct) =>
        db.SurveyRecipients.Where(r => r.SurveyId == surveyId && r.PersonId == personId).Select(r => (bool?)r.Answered).FirstOrDefaultAsync(ct);

    public static string StatusWord(SurveyStatus s) => s switch { SurveyStatus.Draft => "черновик", SurveyStatus.Sent => "идёт опрос", _ => "закрыт" };

    public static string StatusClass(SurveyStatus s) => s switch { SurveyStatus.Draft => "text-bg-secondary", SurveyStatus.Sent => "text-bg-success", _ => "text-bg-light border" };

    public static string TypeName(QuestionType t) => t switch
    {
        QuestionType.Scale5 => "Шкала 1–5",
        QuestionType.Scale10 => "Шкала 1–10",
        QuestionType.SingleChoice => "Один вариант",
        QuestionType.MultipleChoice => "Несколько вариантов",
        QuestionType.ShortText => "Короткий ответ",
        QuestionType.LongText => "Развёрнутый ответ",
        _ => "Самооценка по теме 1–5",
    };

    public static string AudienceName(SurveyAudience a, string? department) => a switch
    {
        SurveyAudience.AllStaff => "все педагоги",
        SurveyAudience.Mentors => "наставники пар программы",
        SurveyAudience.Mentees => "наставляемые пар программы",
        SurveyAudience.ProgramPairs => "пары программы (обе стороны)",
        SurveyAudience.Department => department ?? "методическое объединение",
        _ => "пара",
    };

    public static string MeasureName(QuestionMeasure m) => m switch
    {
        QuestionMeasure.Satisfaction => "удовлетворённость",
        QuestionMeasure.Climate => "климат",
        QuestionMeasure.Strengths => "SWOT: сильные стороны",
        QuestionMeasure.Weaknesses => "SWOT: слабые стороны",
        QuestionMeasure.Opportunities => "SWOT: возможности",
        QuestionMeasure.Threats => "SWOT: угрозы",
        _ => "",
    };
}
