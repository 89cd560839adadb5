using Nastavnik.Web.Data;

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
    /// Sent on <paramref name="sentOn"/> and closed, with <paramref name="recipients"/> as its recipients; the first
    /// <paramref name="answering"/> of them answer. <paramref name="growth"/> lifts self-ratings of topics (0 at the entry, about 1 at the exit).
    /// </summary>
    public static void SendAndAnswer(AppDbContext db, Survey survey, IReadOnlyList<int> recipients, int answering, DateOnly sentOn,
        double growth, Random rng)
    {
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
            db.SurveyResponses.Add(response);
        }
    }

    private static IEnumerable<SurveyAnswer> Answer(int schoolId, SurveyQuestion q, double growth, Random rng)
    {
        SurveyAnswer Number(int n) => new() { Id = Guid.NewGuid(), SchoolId = schoolId, QuestionId = q.Id, Number = n };
        SurveyAnswer Text(string t) => new() { Id = Guid.NewGuid(), SchoolId = schoolId, QuestionId = q.Id, Text = t };
        var options = (q.Options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
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
            case QuestionType.SingleChoice when options.Length > 0:
                yield return Number(rng.Next(options.Length));
                break;
            case QuestionType.MultipleChoice when options.Length > 0:
                foreach (var i in Enumerable.Range(0, options.Length).OrderBy(_ => rng.Next()).Take(rng.Next(1, Math.Min(3, options.Length) + 1)).Order())
                    yield return Number(i);
                break;
            case QuestionType.ShortText or QuestionType.LongText:
                if (Texts.TryGetValue(q.Measure, out var pool)) yield return Text(pool[rng.Next(pool.Length)]);
                else if (q.Required || rng.NextDouble() < 0.3) yield return Text(Comments[rng.Next(Comments.Length)]);
                break;
        }
    }
}
