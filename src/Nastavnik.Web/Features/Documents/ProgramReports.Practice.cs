using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Pairs;
using Nastavnik.Web.Files;
using Nastavnik.Web.Files.Documents;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Documents;

using Item = IReadOnlyDictionary<string, string?>;

public sealed partial class ProgramReports
{
    /// <summary>The marked blank of what only the curator can write.</summary>
    internal static string ToWrite(string what) => $"[Заполните: {what}]";

    /// <summary>The maturity levels of a practice as contests name them, the first being where a first year stands.</summary>
    private static readonly string[] Levels =
    [
        "Начальный уровень — модель / практика разработана и проходит апробацию",
        "Базовый уровень — модель / практика прошла апробацию, сформированы агенты изменений, реализуется план по переводу практики в регулярную деятельность",
        "Продвинутый уровень — практика реализуется регулярно несколько лет, результаты устойчивы, опыт транслируется другим организациям",
    ];

    /// <summary>
    /// The description of the program's practice for contests (seed 003), from the year's data: audience, the topics worked on,
    /// the roadmap, the documents, indicators with a chart, results, effectiveness, time and maturity; the rest as marked blanks.
    /// </summary>
    public async Task<CommandResult<DocumentFile>> PracticeAsync(int programId, CancellationToken ct = default)
    {
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return CommandError.NotFound("Программа не найдена.");
        var today = db.Clock.Today();
        var data = await CommonAsync(program, ct);
        await PairsAsync(program, program.StartDate, program.EndDate, quarter: false, data, ct);
        await IndicatorsAsync(program, program.EndDate < today ? program.EndDate : today, quarter: false, data, ct);
        await ActivityAsync(program, program.StartDate, program.EndDate, quarter: false, data, ct);
        await SurveysAsync(program, null, null, data, ct);

        var topics = await db.MentoringPairs.AsNoTracking().Where(p => p.ProgramId == programId)
            .GroupBy(p => new { Direction = p.Topic!.Direction!.Name, Topic = p.Topic.Name }).Select(g => new { g.Key.Direction, g.Key.Topic, Count = g.Count() })
            .ToListAsync(ct);
        var staff = await db.People.AsNoTracking().CountAsync(p => p.SchoolId == program.SchoolId && !p.IsArchived, ct);
        var agreements = await db.PairAgreements.AsNoTracking().CountAsync(a => db.MentoringPairs.Any(p => p.Id == a.PairId && p.ProgramId == programId), ct);
        var plans = await db.DevelopmentPlans.AsNoTracking().CountAsync(p => p.ProgramId == programId, ct);
        var years = 1;
        for (var prev = program.PreviousProgramId; prev is { } id && years < 10; years++)
            prev = await db.Programs.AsNoTracking().Where(p => p.Id == id).Select(p => p.PreviousProgramId).FirstOrDefaultAsync(ct);
        var level = years >= 3 ? 2 : years == 2 || program.Status == ProgramStatus.Completed ? 1 : 0;
        var months = (program.EndDate.Year - program.StartDate.Year) * 12 + program.EndDate.Month - program.StartDate.Month + 1;
        var shown = data.Collections["Показатели"];
        int Rated(string status) => shown.Count(x => x["Оценка"] == status);

        await RoadmapAsync(program, data, ct);
        data.Set("Отчёт.Дата", RussianText.DocumentDate(today))
            .Set("Практика.Название", ToWrite("название модели (практики) наставничества школы"))
            .Set("Практика.Аудитория", $"Педагоги школы ({RussianText.Plural(staff, "педагог", "педагога", "педагогов")} в базе). {data.Values["Итоги.Участники"]}.")
            .Set("Практика.Проблема", (topics.Count == 0 ? "" : "Пары работали с профессиональными дефицитами педагогов по темам: "
                    + string.Join("; ", topics.OrderByDescending(t => t.Count).Take(10).Select(t => $"{t.Topic} — {RussianText.Plural(t.Count, "пара", "пары", "пар")}")) + ".\n")
                + ToWrite("какую проблему школы решает практика и почему выбрана эта модель"))
            .Set("Практика.Предмет", (topics.Count == 0 ? "" : "Направления наставничества: "
                    + string.Join(", ", topics.Select(t => t.Direction).Distinct().Order(StringComparer.Create(RussianText.Culture, true))) + ".\n")
                + ToWrite("что передаёт наставник наставляемому: знания, опыт, навыки"))
            .Set("Практика.Документы", string.Join("\n", new[]
            {
                "— положение о системе наставничества педагогических работников;",
                "— приказ о внедрении целевой модели наставничества;",
                "— приказ об утверждении программы наставничества и дорожной карты;",
                "— приказ о назначении наставников и приказ о закреплении наставнических пар и групп;",
                $"— договоры о наставничестве ({agreements});",
                $"— индивидуальные образовательные маршруты наставляемых ({plans});",
                "— приказ об итогах реализации программы наставничества.",
            }))
            .Set("Практика.Результаты", $"{data.Values["Итоги.Пары"]}. {data.Values["Итоги.Мероприятия"]}. {data.Values["Итоги.Опросы"]}")
            .Set("Практика.Результативность", $"Из {RussianText.Plural(shown.Count, "показателя", "показателей", "показателей")} программы целевое значение достигнуто по {Rated("достигнуто")}, "
                + $"близко к цели — {Rated("близко к цели")}, ниже цели — {Rated("ниже цели")}.\n"
                + ToWrite("качественные изменения: что изменилось в работе наставляемых, отзывы участников"))
            .Set("Практика.Ресурсы", ToWrite("кадровые, материально-технические, информационные и методические ресурсы"))
            .Set("Практика.Условия", ToWrite("условия, без которых практика не работает"))
            .Set("Практика.Тиражирование", ToWrite("как и где опыт может быть использован другими школами, формы трансляции"))
            .Set("Практика.Время", $"Практика реализуется в течение {RussianText.Plural(months, "учебного месяца", "учебных месяцев", "учебных месяцев")} ({RussianText.Date(program.StartDate)} — {RussianText.Date(program.EndDate)}); год реализации — {years}-й.")
            .Set("Практика.Зрелость", $"По данным программы: {Levels[level]}.\n" + ToWrite("подтвердите или выберите уровень:\n" + string.Join(";\n", Levels)));
        var filled = await templates.FillAsync(program.SchoolId, PracticeTemplate.Practice, data, ct);
        if (filled.Error is { } refused) return refused;
        var bytes = filled.Value!;
        return new DocumentFile(bytes, DocxWriter.ContentType, $"Описание практики наставничества {RussianText.Date(today)}.docx");
    }

    private async Task RoadmapAsync(MentoringProgram program, DocumentData data, CancellationToken ct)
    {
        var events = await db.RoadmapEvents.AsNoTracking().Where(e => e.ProgramId == program.Id && e.Status != EventStatus.Cancelled)
            .OrderBy(e => e.Stage!.SortOrder).ThenBy(e => e.SortOrder).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Title, e.StartDate, e.DueDate, e.Timing, e.ResponsibleText,
                Person = e.ResponsiblePerson == null ? null : e.ResponsiblePerson.Position ?? e.ResponsiblePerson.LastName,
            }).ToListAsync(ct);
        data.SetItems("Дорожная", events.Select((e, i) => (Item)new Dictionary<string, string?>
        {
            ["Номер"] = (i + 1).ToString(RussianText.Culture), ["Название"] = e.Title,
            ["Срок"] = RussianText.Clean(e.Timing) ?? ((e.DueDate ?? e.StartDate) is { } d ? RussianText.Date(d) : "в течение года"),
            ["Ответственный"] = e.Person ?? e.ResponsibleText,
        }));
    }
}
