using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Surveys;

namespace Nastavnik.Web.Features.Demo;

/// <summary>
/// Answers of the demo's surveys, as a school's staff would give them: mostly content with the program, mentees rating themselves
/// higher at the exit than at the entry, SWOT answers in the words teachers use. Anonymous answers carry no person and only the day.
/// </summary>
public static class DemoSurveys
{
    private static readonly Dictionary<QuestionMeasure, string[]> Texts = new()
    {
        [QuestionMeasure.Strengths] =
        [
            "Опытные наставники, готовые делиться опытом", "Молодые педагоги хорошо владеют цифровыми инструментами",
            "Поддержка администрации", "Взаимопосещение уроков", "Доброжелательная атмосфера в коллективе",
        ],
        [QuestionMeasure.Weaknesses] =
        [
            "Не хватает времени на встречи из-за нагрузки", "Встречи переносятся", "Мало открытых уроков",
            "Не все наставники знают цифровые сервисы",
        ],
        [QuestionMeasure.Opportunities] =
        [
            "Курсы повышения квалификации района", "Конкурсы профессионального мастерства", "Сетевое взаимодействие со школами района",
            "Проект «Цифровая образовательная среда»",
        ],
        [QuestionMeasure.Threats] =
        [
            "Перегрузка педагогов отчётностью", "Уход молодых специалистов из профессии", "Нехватка кабинетов для встреч",
        ],
    };

    private static readonly string[] Comments =
    [
        "Спасибо наставнику за терпение", "Хотелось бы больше практических занятий", "Полезно было посещать уроки коллег",
        "Встречи помогли разобраться с электронным журналом",
    ];

    /// <summary>
    /// Last year's surveys of a completed program: the entry and exit self-ratings of the mentees (anonymous here, so every answer
    /// counts for growth), the satisfaction of mentors and mentees, and the SWOT questionnaire with the curator's SWOT gathered from it.
    /// </summary>
    public static async Task LastYearAsync(AppDbContext db, MentoringProgram program, IReadOnlyList<MentoringPair> pairs, Random rng, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var mentees = pairs.Select(p => p.MenteeId).Distinct().ToList();
        var mentors = pairs.Select(p => p.MentorId).Distinct().ToList();
        var everyone = mentors.Union(mentees).ToList();
        var entry = await NewAsync(db, program, SurveyKind.Entry, ct);
        var exit = await NewAsync(db, program, SurveyKind.Exit, ct);
        var mentorSatisfaction = await NewAsync(db, program, SurveyKind.MentorSatisfaction, ct);
        var menteeSatisfaction = await NewAsync(db, program, SurveyKind.MenteeSatisfaction, ct);
        var swot = await NewAsync(db, program, SurveyKind.Swot, ct);
        entry.Anonymous = exit.Anonymous = swot.Anonymous = true;
        await db.SaveChangesAsync(ct);
        var (start, end) = (program.StartDate, program.EndDate);
        SendAndAnswer(db, entry, mentees, mentees.Count - 2, start.AddDays(40), 0, rng);
        SendAndAnswer(db, exit, mentees, mentees.Count - 3, end.AddMonths(-3).AddDays(-12), 1.1, rng);
        SendAndAnswer(db, mentorSatisfaction, mentors, mentors.Count - 2, end.AddMonths(-3).AddDays(-12), 0, rng);
        SendAndAnswer(db, menteeSatisfaction, mentees, mentees.Count - 4, end.AddMonths(-3).AddDays(-12), 0, rng);
        var swotAnswers = SendAndAnswer(db, swot, everyone, everyone.Count - 8, end.AddMonths(-3).AddDays(-5), 0, rng);

        // The curator's SWOT: the same answers grouped, with how many said each.
        var quadrants = new Dictionary<QuestionMeasure, SwotQuadrant>
        {
            [QuestionMeasure.Strengths] = SwotQuadrant.Strength, [QuestionMeasure.Weaknesses] = SwotQuadrant.Weakness,
            [QuestionMeasure.Opportunities] = SwotQuadrant.Opportunity, [QuestionMeasure.Threats] = SwotQuadrant.Threat,
        };
        var measureOf = swot.Questions.ToDictionary(q => q.Id, q => q.Measure);
        var items = swotAnswers.Where(a => a.Text is not null && quadrants.ContainsKey(measureOf[a.QuestionId]))
            .GroupBy(a => (Quadrant: quadrants[measureOf[a.QuestionId]], a.Text)).OrderByDescending(g => g.Count());
        foreach (var quadrant in items.GroupBy(g => g.Key.Quadrant))
        {
            db.SwotItems.AddRange(quadrant.Select((g, i) => new SwotItem
            {
                SchoolId = program.SchoolId, ProgramId = program.Id, Quadrant = quadrant.Key, Text = g.Key.Text!, Count = g.Count(), SortOrder = i + 1,
            }));
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// This year's survey of October: the staff's satisfaction with their professional environment (the target model's indicator),
    /// anonymous, answered by two thirds of the staff; the dashboard's satisfaction and the psychologist's climate come from it.
    /// </summary>
    public static async Task ThisYearAsync(AppDbContext db, MentoringProgram program, IReadOnlyList<int> staff, Random rng, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var survey = new Survey
        {
            SchoolId = program.SchoolId, ProgramId = program.Id, Title = "Удовлетворённость профессиональной средой", Kind = SurveyKind.Custom,
            Anonymous = true, Audience = SurveyAudience.AllStaff, CreatedBy = "curator",
            Description = "Ежегодный мониторинг удовлетворённости педагогов профессиональной средой школы. Опрос анонимный.",
        };
        void Add(QuestionType type, string text, QuestionMeasure measure) => survey.Questions.Add(new SurveyQuestion
        {
            SchoolId = program.SchoolId, SortOrder = survey.Questions.Count + 1, Type = type, Text = text, Measure = measure, Required = type == QuestionType.Scale5,
            SatisfiedFrom = measure == QuestionMeasure.Satisfaction ? 4 : null,
        });
        Add(QuestionType.Scale5, "Насколько вы удовлетворены профессиональной средой школы в целом?", QuestionMeasure.Satisfaction);
        Add(QuestionType.Scale5, "Насколько вам хватает методической поддержки коллег?", QuestionMeasure.Satisfaction);
        Add(QuestionType.Scale5, "Насколько комфортно вы чувствуете себя в педагогическом коллективе школы?", QuestionMeasure.Climate);
        Add(QuestionType.Scale5, "Насколько вы уверены, что можете обратиться за помощью к администрации?", QuestionMeasure.Climate);
        Add(QuestionType.LongText, "Что стоит изменить, чтобы работать в школе было комфортнее?", QuestionMeasure.None);
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);
        SendAndAnswer(db, survey, staff, staff.Count * 2 / 3, program.StartDate.AddDays(35), 0, rng);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<Survey> NewAsync(AppDbContext db, MentoringProgram program, SurveyKind kind, CancellationToken ct)
    {
        var survey = await SurveyTemplates.BuildAsync(db, kind, program.Id, ct);
        survey.SchoolId = program.SchoolId;
        survey.CreatedBy = "curator";
        survey.CreatedAt = program.StartDate.AddDays(30).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        foreach (var q in survey.Questions) q.SchoolId = program.SchoolId;
        db.Surveys.Add(survey);
        return survey;
    }

    /// <summary>
    /// Sent on <paramref name="sentOn"/> and closed, with <paramref name="recipients"/> as its recipients; the first
    /// <paramref name="answering"/> of them answer. <paramref name="growth"/> lifts self-ratings of topics (0 at the entry, about 1 at the exit).
    /// </summary>
    private static List<SurveyAnswer> SendAndAnswer(AppDbContext db, Survey survey, IReadOnlyList<int> recipients, int answering, DateOnly sentOn,
        double growth, Random rng)
    {
        var answers = new List<SurveyAnswer>();
        survey.Status = SurveyStatus.Closed;
        survey.SentAt = sentOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        survey.Deadline = sentOn.AddDays(14);
        survey.ClosedAt = sentOn.AddDays(15).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        for (var i = 0; i < recipients.Count; i++)
            db.SurveyRecipients.Add(new SurveyRecipient { SchoolId = survey.SchoolId, SurveyId = survey.Id, PersonId = recipients[i], Answered = i < answering });
        for (var i = 0; i < Math.Min(answering, recipients.Count); i++)
        {
            var response = new SurveyResponse
            {
                Id = Guid.NewGuid(), SchoolId = survey.SchoolId, SurveyId = survey.Id, PersonId = survey.Anonymous ? null : recipients[i],
                Day = sentOn.AddDays(rng.Next(0, 14)),
            };
            foreach (var q in survey.Questions) response.Answers.AddRange(Answer(survey.SchoolId, q, growth, rng));
            answers.AddRange(response.Answers);
            db.SurveyResponses.Add(response);
        }
        return answers;
    }

    private static IEnumerable<SurveyAnswer> Answer(int schoolId, SurveyQuestion q, double growth, Random rng)
    {
        SurveyAnswer Number(int n) => new() { Id = Guid.NewGuid(), SchoolId = schoolId, QuestionId = q.Id, Number = n };
        SurveyAnswer Text(string t) => new() { Id = Guid.NewGuid(), SchoolId = schoolId, QuestionId = q.Id, Text = t };
        var options = SurveyOptions.Split(q.Options);
        switch (q.Type)
        {
            case QuestionType.Scale5:
                yield return Number(Math.Clamp(rng.NextDouble() < 0.82 ? rng.Next(4, 6) : rng.Next(2, 4), 1, 5));
                break;
            case QuestionType.Scale10:
                yield return Number(rng.NextDouble() < 0.8 ? rng.Next(8, 11) : rng.Next(4, 8));
                break;
            case QuestionType.TopicRating:
                yield return Number(Math.Clamp((int)Math.Round(2 + growth + rng.NextDouble() * 1.6 - 0.5), 1, 5));
                break;
            case QuestionType.SingleChoice when options.Count > 0:
                yield return Number(rng.Next(options.Count));
                break;
            case QuestionType.MultipleChoice when options.Count > 0:
                foreach (var i in Enumerable.Range(0, options.Count).OrderBy(_ => rng.Next()).Take(rng.Next(1, Math.Min(3, options.Count) + 1)).Order())
                    yield return Number(i);
                break;
            case QuestionType.ShortText or QuestionType.LongText:
                if (Texts.TryGetValue(q.Measure, out var pool)) yield return Text(pool[rng.Next(pool.Length)]);
                else if (q.Required || rng.NextDouble() < 0.3) yield return Text(Comments[rng.Next(Comments.Length)]);
                break;
        }
    }
}
