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

    public sealed record PulseRow(Row Survey, string Mentor, string Mentee);

    /// <summary>How many of the latest pulses the managers' list shows, each with its pair and a link to its results.</summary>
    public const int PulsesShown = 20;

    /// <summary>The latest pulses sent (<see cref="PulsesShown"/> at most), newest first, with their pair and response rate.</summary>
    public static async Task<List<PulseRow>> LatestPulsesAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = await (
                from s in db.Surveys.AsNoTracking()
                where s.Kind == SurveyKind.Pulse && s.Status != SurveyStatus.Draft
                join p in db.MentoringPairs on s.PairId equals p.Id
                orderby s.Id descending
                select new
                {
                    Row = new Row(s.Id, s.Title, s.Kind, s.Status, s.Anonymous, s.Deadline,
                        db.SurveyRecipients.Count(r => r.SurveyId == s.Id), db.SurveyRecipients.Count(r => r.SurveyId == s.Id && r.Answered)),
                    p.Mentor!.LastName, p.Mentor.FirstName, p.Mentor.MiddleName, MenteeLast = p.Mentee!.LastName, MenteeFirst = p.Mentee.FirstName,
                    MenteeMiddle = p.Mentee.MiddleName,
                })
            .Take(PulsesShown).ToListAsync(ct);
        return rows.Select(r => new PulseRow(r.Row, Text.PersonName.Full(r.LastName, r.FirstName, r.MiddleName),
            Text.PersonName.Full(r.MenteeLast, r.MenteeFirst, r.MenteeMiddle))).ToList();
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
        var s = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return null;
        var program = s.ProgramId is null ? null : await db.Programs.Where(p => p.Id == s.ProgramId).Select(p => p.Name).FirstOrDefaultAsync(ct);
        var recipients = await db.SurveyRecipients.CountAsync(r => r.SurveyId == id, ct);
        var answered = await db.SurveyRecipients.CountAsync(r => r.SurveyId == id && r.Answered, ct);
        var questions = (await QuestionsAsync(db, [id], ct)).GetValueOrDefault(id, []);
        return new Details(s.Id, s.Title, s.Description, s.Kind, s.Status, s.Anonymous, s.Audience, s.Department, s.Deadline, s.ProgramId, program, s.Version,
            questions, recipients, answered);
    }

    /// <summary>The questions of the given surveys in their order, each with its topic's name: two queries, however many surveys.</summary>
    public static async Task<Dictionary<int, List<Question>>> QuestionsAsync(AppDbContext db, IReadOnlyCollection<int> surveyIds, CancellationToken ct)
    {
        var rows = await (
                from q in db.SurveyQuestions.AsNoTracking()
                where surveyIds.Contains(q.SurveyId)
                from t in db.Topics.Where(t => t.Id == q.TopicId).DefaultIfEmpty()
                select new { q.SurveyId, q.Id, q.SortOrder, q.Type, q.Text, q.Options, q.Required, q.TopicId, Topic = t == null ? null : t.Name, q.Measure })
            .ToListAsync(ct);
        return rows.GroupBy(q => q.SurveyId).ToDictionary(g => g.Key, g => g.OrderBy(q => q.SortOrder).ThenBy(q => q.Id)
            .Select(q => new Question(q.Id, q.SortOrder, q.Type, q.Text, SurveyOptions.Split(q.Options), q.Required, q.TopicId, q.Topic, q.Measure)).ToList());
    }

    public sealed record Waiting(int Id, string Title, string? Description, bool Anonymous, DateOnly? Deadline, List<Question> Questions);

    /// <summary>The surveys waiting for the person's answer (as <see cref="MineAsync"/> orders them) with their questions, in three queries.</summary>
    public static async Task<List<Waiting>> WaitingAsync(AppDbContext db, int personId, CancellationToken ct)
    {
        var today = db.Clock.Today();
        var open = (await MineAsync(db, personId, ct)).Where(m => m.Open(today)).ToList();
        if (open.Count == 0) return [];
        var ids = open.Select(m => m.Id).ToList();
        var descriptions = await db.Surveys.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.Description })
            .ToDictionaryAsync(s => s.Id, s => s.Description, ct);
        var questions = await QuestionsAsync(db, ids, ct);
        return open.Select(m => new Waiting(m.Id, m.Title, descriptions.GetValueOrDefault(m.Id), m.Anonymous, m.Deadline, questions.GetValueOrDefault(m.Id, []))).ToList();
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
