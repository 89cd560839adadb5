using Nastavnik.Web.Data;
using Nastavnik.Web.Files;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Surveys;

/// <summary>
/// A survey's results as .xlsx: the survey and its response rate, the aggregates, the texts (shuffled), and for a named survey the
/// answers of each person. An anonymous survey's file has no name, id or date of any answer; a hidden small group, only the count.
/// </summary>
public static class SurveyResultsExport
{
    public static byte[] Write(SurveyResultsReport report)
    {
        var s = report.Survey;
        var about = new List<IReadOnlyList<object?>>
        {
            new object?[] { "Анкета", s.Title },
            new object?[] { "Вид", s.Anonymous ? "анонимная" : "именная" },
            new object?[] { "Срок", RussianText.Date(s.Deadline) },
            new object?[] { "Получили анкету", s.Recipients },
            new object?[] { "Ответили", s.Answered },
            new object?[] { "Доля ответивших", Percent(s.ResponseRate) },
            new object?[] { "Ответов", report.Responses },
        };
        if (report.Hidden) about.Add(new object?[] { "Результаты", SurveyResults.HiddenMessage });
        var sheets = new List<XlsxWriter.Sheet> { new("Анкета", ["Показатель", "Значение"], about) };
        if (report.Hidden) return XlsxWriter.Write([.. sheets]);

        sheets.Add(new XlsxWriter.Sheet("Итоги", ["№", "Вопрос", "Ответов", "Среднее", "Доля удовлетворённых", "Значение или вариант", "Количество", "Доля"],
            report.Questions.Where(q => q.Bars.Count > 0).SelectMany(Rows)));
        var texts = report.Questions.SelectMany(q => q.Texts.Select(t => (IReadOnlyList<object?>)[q.Number, q.Text, t])).ToList();
        if (texts.Count > 0) sheets.Add(new XlsxWriter.Sheet("Тексты", ["№", "Вопрос", "Ответ"], texts));
        if (!s.Anonymous && report.People.Count > 0)
            sheets.Add(new XlsxWriter.Sheet("Ответы", ["ФИО", "Дата", .. report.Questions.Select(q => $"{q.Number}. {q.Text}")],
                report.People.Select(p => (IReadOnlyList<object?>)[p.Person, RussianText.Date(p.Day), .. p.Answers]))
            { FrozenColumns = 1, MaxColumnWidth = 30 });
        return XlsxWriter.Write([.. sheets]);
    }

    private static IEnumerable<IReadOnlyList<object?>> Rows(QuestionResult q) => q.Bars.Select((b, i) => (IReadOnlyList<object?>)
    [
        q.Number, i == 0 ? QuestionTitle(q) : null, i == 0 ? q.Answered : null, i == 0 ? q.Mean : null, i == 0 ? Percent(q.SatisfiedShare) : null,
        b.Label, b.Count, Percent(b.Share),
    ]);

    private static string QuestionTitle(QuestionResult q) => q.Topic is null ? q.Text : $"{q.Text} ({q.Topic})";

    public static string? Percent(decimal? share) => share is { } v ? (v * 100).ToString("0.#", RussianText.Culture) + " %" : null;

    public static string FileName(SurveySummary s, DateOnly today) =>
        $"Итоги анкеты — {new string(s.Title.Select(c => Path.GetInvalidFileNameChars().Contains(c) || char.IsControl(c) || c is '"' or '\\' or '/' ? ' ' : c).ToArray())} {today:dd.MM.yyyy}.xlsx";

    /// <summary>How a question's type reads on the page.</summary>
    public static string TypeName(QuestionType t) => t switch
    {
        QuestionType.Scale5 => "шкала 1–5",
        QuestionType.Scale10 => "шкала 1–10",
        QuestionType.SingleChoice => "один вариант",
        QuestionType.MultipleChoice => "несколько вариантов",
        QuestionType.ShortText or QuestionType.LongText => "текст",
        _ => "самооценка по теме",
    };
}
