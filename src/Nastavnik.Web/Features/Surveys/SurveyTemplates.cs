using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Surveys;

/// <summary>
/// The templates of the seeds and of the target model: the entry survey «запросы и потребности», the exit survey, satisfaction of
/// mentors and of mentees, the SWOT questionnaire of seed 001 («сбор данных для построения SWOT-анализа осуществляется посредством
/// анкеты»), the curator's questionnaire, and the pair's pulse. Satisfaction questions carry <see cref="QuestionMeasure.Satisfaction"/>
/// (satisfied from 4 of 5), the climate scales <see cref="QuestionMeasure.Climate"/>, the SWOT texts their quadrant; the entry and
/// exit surveys rate each topic of the program's needs in the same words, so growth compares them topic by topic.
/// </summary>
public static class SurveyTemplates
{
    public static readonly IReadOnlyList<(SurveyKind Kind, string Name)> All =
    [
        (SurveyKind.Custom, "Пустой опрос"),
        (SurveyKind.Entry, "Входная анкета: запросы и потребности"),
        (SurveyKind.Exit, "Итоговая анкета участника программы"),
        (SurveyKind.MentorSatisfaction, "Удовлетворённость наставников"),
        (SurveyKind.MenteeSatisfaction, "Удовлетворённость наставляемых"),
        (SurveyKind.Swot, "Анкета для SWOT-анализа программы"),
        (SurveyKind.Curator, "Анкета куратора программы"),
    ];

    public static string Name(SurveyKind kind) => kind == SurveyKind.Pulse ? "Анкета-пульс пары" : All.First(t => t.Kind == kind).Name;

    /// <summary>The rating of one topic, the same words in the entry and the exit survey.</summary>
    public static string TopicRatingText(string topic) => $"Оцените, насколько уверенно вы владеете темой «{topic}» (1 — совсем не владею, 5 — владею свободно и могу научить других)";

    private const string ClimateText = "Насколько комфортно вы чувствуете себя в педагогическом коллективе школы?";

    /// <summary>A draft of the template (not saved; the school, author and dates are the caller's).</summary>
    public static async Task<Survey> BuildAsync(AppDbContext db, SurveyKind kind, int? programId, CancellationToken ct)
    {
        var survey = new Survey { Title = Name(kind), Kind = kind, ProgramId = programId, CreatedBy = "", Status = SurveyStatus.Draft };
        var q = new List<SurveyQuestion>();
        void Add(QuestionType type, string text, bool required = false, QuestionMeasure measure = QuestionMeasure.None, string[]? options = null, int? topicId = null) =>
            q.Add(new SurveyQuestion
            {
                Type = type, Text = text, Required = required, Measure = measure, TopicId = topicId, SortOrder = q.Count + 1,
                Options = options is null ? null : string.Join('\n', options),
                SatisfiedFrom = measure == QuestionMeasure.Satisfaction ? (type == QuestionType.Scale10 ? 8 : 4) : null,
            });
        switch (kind)
        {
            case SurveyKind.Entry:
                survey.Audience = SurveyAudience.AllStaff;
                survey.Description = "Анкета профессиональных запросов перед началом программы: оцените свои умения по темам программы и расскажите, какая поддержка вам нужна. Эти же темы будут в итоговой анкете, чтобы увидеть рост.";
                foreach (var (id, name) in await TopicsAsync(db, programId, ct)) Add(QuestionType.TopicRating, TopicRatingText(name), true, topicId: id);
                Add(QuestionType.SingleChoice, "Ваш педагогический стаж", true, options: ["до 3 лет", "от 3 до 5 лет", "от 5 до 10 лет", "более 10 лет"]);
                Add(QuestionType.MultipleChoice, "В чём вам нужна поддержка наставника в первую очередь?", options:
                    ["Планирование и подготовка уроков", "Ведение документации", "Классное руководство и работа с родителями", "Дисциплина и мотивация обучающихся",
                     "Цифровые инструменты и электронные ресурсы", "Подготовка к аттестации", "Профессиональные конкурсы и публикации"]);
                Add(QuestionType.MultipleChoice, "В какой форме вам удобнее получать поддержку?", options:
                    ["Индивидуальные встречи с наставником", "Посещение уроков наставника", "Разбор моих уроков", "Семинары и мастер-классы", "Консультации онлайн"]);
                Add(QuestionType.Scale5, ClimateText, true, QuestionMeasure.Climate);
                Add(QuestionType.LongText, "Какие трудности в работе вы испытываете сейчас?");
                Add(QuestionType.LongText, "Чего вы ждёте от участия в программе наставничества?");
                break;
            case SurveyKind.Exit:
                survey.Audience = SurveyAudience.ProgramPairs;
                survey.Description = "Итоговая анкета: оцените свои умения по тем же темам, что и в начале программы, и расскажите, что дала вам программа.";
                foreach (var (id, name) in await TopicsAsync(db, programId, ct)) Add(QuestionType.TopicRating, TopicRatingText(name), true, topicId: id);
                Add(QuestionType.Scale5, "Насколько вы удовлетворены участием в программе наставничества?", true, QuestionMeasure.Satisfaction);
                Add(QuestionType.Scale5, ClimateText, true, QuestionMeasure.Climate);
                Add(QuestionType.MultipleChoice, "Что из задуманного удалось сделать за время программы?", options:
                    ["Провести открытый урок", "Посетить уроки коллег", "Разработать методические материалы", "Принять участие в профессиональном конкурсе",
                     "Подготовиться к аттестации", "Освоить новые цифровые инструменты"]);
                Add(QuestionType.SingleChoice, "Хотели бы вы продолжить участие в программе в следующем году?", true, options: ["Да", "Нет", "Затрудняюсь ответить"]);
                Add(QuestionType.LongText, "Что в программе было для вас самым полезным?");
                Add(QuestionType.LongText, "Что стоит изменить в программе следующего года?");
                break;
            case SurveyKind.MentorSatisfaction:
                survey.Audience = SurveyAudience.Mentors;
                survey.Anonymous = true;
                survey.Description = "Мониторинг удовлетворённости наставников участием в программе. Опрос анонимный.";
                Add(QuestionType.Scale5, "Насколько вы удовлетворены своим участием в программе в роли наставника?", true, QuestionMeasure.Satisfaction);
                Add(QuestionType.Scale5, "Насколько вы удовлетворены организацией программы (расписание, поддержка куратора, материалы)?", true, QuestionMeasure.Satisfaction);
                Add(QuestionType.Scale5, "Насколько вы удовлетворены собственным профессиональным ростом в роли наставника?", true, QuestionMeasure.Satisfaction);
                Add(QuestionType.Scale5, "Насколько заметен, по вашей оценке, профессиональный рост вашего наставляемого?", true);
                Add(QuestionType.Scale5, ClimateText, true, QuestionMeasure.Climate);
                Add(QuestionType.SingleChoice, "Хватало ли вам времени на работу с наставляемым?", true, options: ["Да, вполне", "Скорее да", "Скорее нет", "Нет"]);
                Add(QuestionType.SingleChoice, "Готовы ли вы быть наставником и в следующем году?", true, options: ["Да", "Нет", "Затрудняюсь ответить"]);
                Add(QuestionType.LongText, "Что мешало работе вашей пары и что помогло бы?");
                break;
            case SurveyKind.MenteeSatisfaction:
                survey.Audience = SurveyAudience.Mentees;
                survey.Anonymous = true;
                survey.Description = "Мониторинг удовлетворённости наставляемых участием в программе. Опрос анонимный.";
                Add(QuestionType.Scale5, "Насколько вы удовлетворены участием в программе наставничества?", true, QuestionMeasure.Satisfaction);
                Add(QuestionType.Scale5, "Насколько вы удовлетворены работой с вашим наставником?", true, QuestionMeasure.Satisfaction);
                Add(QuestionType.Scale5, "Насколько полезными для вашей работы были встречи с наставником?", true, QuestionMeasure.Satisfaction);
                Add(QuestionType.Scale5, "Насколько увереннее вы чувствуете себя в профессии, чем в начале программы?", true);
                Add(QuestionType.Scale5, ClimateText, true, QuestionMeasure.Climate);
                Add(QuestionType.MultipleChoice, "Какие формы работы были для вас полезнее всего?", options:
                    ["Встречи с наставником", "Посещение уроков наставника", "Разбор моих уроков", "Совместная подготовка уроков", "Семинары и мастер-классы", "Консультации коллег"]);
                Add(QuestionType.LongText, "Что бы вы предложили улучшить в программе?");
                break;
            case SurveyKind.Swot:
                survey.Audience = SurveyAudience.ProgramPairs;
                survey.Anonymous = true;
                survey.Description = "Сбор данных для SWOT-анализа проекта наставничества: его сильных и слабых сторон, возможностей и угроз. Опрос анонимный.";
                Add(QuestionType.LongText, "Сильные стороны: что в программе наставничества получилось лучше всего?", true, QuestionMeasure.Strengths);
                Add(QuestionType.LongText, "Слабые стороны: что не получилось или получилось хуже, чем ожидалось?", true, QuestionMeasure.Weaknesses);
                Add(QuestionType.LongText, "Возможности: какие ресурсы школы и за её пределами помогут развивать наставничество дальше?", true, QuestionMeasure.Opportunities);
                Add(QuestionType.LongText, "Угрозы: какие риски могут помешать программе в следующем году?", true, QuestionMeasure.Threats);
                Add(QuestionType.Scale5, "Насколько ваши ожидания от участия в проекте совпали с реальными результатами?", true);
                break;
            case SurveyKind.Curator:
                survey.Audience = SurveyAudience.AllStaff;
                survey.Description = "Анкета куратора о ходе программы: выполнение дорожной карты, работа пар, поддержка администрации.";
                Add(QuestionType.Scale5, "Насколько полно выполнена дорожная карта программы?", true);
                Add(QuestionType.SingleChoice, "Сколько пар встречались регулярно (не реже раза в месяц)?", true, options: ["Все", "Большинство", "Около половины", "Меньшинство"]);
                Add(QuestionType.Scale5, "Насколько вы удовлетворены поддержкой программы администрацией школы?", true, QuestionMeasure.Satisfaction);
                Add(QuestionType.MultipleChoice, "Какие мероприятия программы проведены?", options:
                    ["Методический аудит (посещение уроков)", "Case-studies «5 вопросов наставнику»", "Митап «Life-long learning»", "Профессиональная проба",
                     "Семинар-практикум", "Педагогический форум", "Методическая неделя", "Рефлексионная сессия"]);
                Add(QuestionType.LongText, "Главные результаты программы за год");
                Add(QuestionType.LongText, "Что перенести в программу следующего года, а от чего отказаться?");
                break;
            case SurveyKind.Pulse:
                survey.Audience = SurveyAudience.Pair;
                survey.Description = "Три коротких вопроса о работе вашей пары. Ответы видят куратор программы и вы.";
                AddPulse(Add);
                break;
            default:
                survey.Title = "Новый опрос";
                survey.Audience = SurveyAudience.AllStaff;
                break;
        }
        survey.Questions = q;
        return survey;
    }

    private static void AddPulse(Action<QuestionType, string, bool, QuestionMeasure, string[]?, int?> add)
    {
        add(QuestionType.Scale5, "Как идёт работа в вашей паре? (1 — совсем плохо, 5 — отлично)", true, QuestionMeasure.Satisfaction, null, null);
        add(QuestionType.ShortText, "Что помогает работе пары?", false, QuestionMeasure.None, null, null);
        add(QuestionType.ShortText, "Что мешает?", false, QuestionMeasure.None, null, null);
    }

    /// <summary>The topics of the program's needs (those its rounds gathered), or every topic of the catalog when there are none.</summary>
    private static async Task<List<(int Id, string Name)>> TopicsAsync(AppDbContext db, int? programId, CancellationToken ct)
    {
        var needed = db.Needs.Where(n => programId != null && db.DiagnosticsRounds.Any(r => r.Id == n.RoundId && r.ProgramId == programId)).Select(n => n.TopicId);
        var topics = db.Topics.Where(t => !t.IsRetired);
        if (await needed.AnyAsync(ct)) topics = db.Topics.Where(t => needed.Contains(t.Id));
        var rows = await topics.OrderBy(t => t.Direction!.SortOrder).ThenBy(t => t.SortOrder).ThenBy(t => t.Id).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        return rows.Select(t => (t.Id, t.Name)).ToList();
    }
}
