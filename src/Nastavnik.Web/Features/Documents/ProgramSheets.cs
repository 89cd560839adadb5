using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Monitoring;
using Nastavnik.Web.Features.Matching;
using Nastavnik.Web.Features.Pairs;
using Nastavnik.Web.Files;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Documents;

/// <summary>
/// A program's Excel files for the curator (issue 14, item 8): the mentor base and the mentee base in the forms of the target model's
/// methodological recommendations (Р-145: one row per mentor and per mentee with the program's results, the long-term bases of seed 002,
/// steps 10–11), and the indicators against their targets. The mentee base lists needs, so like every file here it is for the program's
/// managers only (the pages and the API require <c>ProgramWrite</c>). Pairs are read through the privacy filters.
/// </summary>
public sealed class ProgramSheets(AppDbContext db, ProgramIndicators indicators)
{
    private static readonly StringComparer ByName = StringComparer.Create(RussianText.Culture, true);

    /// <summary>Both bases as one workbook: «База наставников» and «База наставляемых», every pair of the program whatever its state.</summary>
    public async Task<CommandResult<DocumentFile>> BasesAsync(int programId, CancellationToken ct = default)
    {
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return CommandError.NotFound("Программа не найдена.");
        var pairs = await db.MentoringPairs.AsNoTracking().Where(p => p.ProgramId == programId)
            .Select(p => new PairRow(p.Id, p.MentorId, p.MenteeId, p.TopicId, p.Topic!.Direction!.Name + ": " + p.Topic.Name, p.Status,
                p.EndReason, p.StartedAt ?? p.ApprovedAt, p.EndedAt))
            .ToListAsync(ct);
        if (pairs.Count == 0) return CommandError.Invalid("В программе ещё нет утверждённых пар: базы наставников и наставляемых пусты. Утвердите пары на странице подбора.");
        var ids = pairs.SelectMany(p => new[] { p.MentorId, p.MenteeId }).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new PersonRow(p.Id, p.LastName, p.FirstName, p.MiddleName, p.Position, p.Subjects, p.ExperienceYears, p.Category, p.Email, p.Phone, p.ErasedAt != null))
            .ToDictionaryAsync(p => p.Id, ct);
        var pairIds = pairs.Select(p => p.Id).ToList();
        // A meeting's feedback belongs to the pair its author took part in it as (a group meeting has one participant row per mentee).
        var ratings = await db.MeetingFeedback.AsNoTracking()
            .Join(db.MeetingParticipants.Where(m => m.PairId != null && pairIds.Contains(m.PairId.Value)),
                f => new { f.MeetingId, PersonId = f.AuthorId }, m => new { m.MeetingId, m.PersonId }, (f, m) => new { PairId = m.PairId!.Value, f.Rating })
            .ToListAsync(ct);
        var meanRating = ratings.GroupBy(r => r.PairId).ToDictionary(g => g.Key, g => g.Average(r => r.Rating));
        var (tandems, groups) = Formation.Split(pairs.Select(p => (p.MentorId, p.MenteeId, p.TopicId)));
        var inGroup = groups.SelectMany(g => g.Mentees.Select(m => (g.Mentor, m, g.Topic))).ToHashSet();
        string FormOf(PairRow p) => inGroup.Contains((p.MentorId, p.MenteeId, p.TopicId)) ? "групповая (педагог — педагоги)" : "педагог — педагог";
        var period = $"{RussianText.Date(program.StartDate)} — {RussianText.Date(program.EndDate)}";

        // One row per person of a side (mentors or mentees), with the people of the other side they were paired with.
        List<IReadOnlyList<object?>> Base(Func<PairRow, int> side, Func<PairRow, int> other) => pairs.GroupBy(side)
            .Select(g => (Person: people[g.Key], Pairs: g.ToList())).OrderBy(m => m.Person.Full, ByName)
            .Select((m, i) => (IReadOnlyList<object?>)
            [
                i + 1, m.Person.Full, m.Person.Contacts, m.Person.Work, Distinct(m.Pairs.Select(p => p.Topic)),
                string.Join("\n", m.Pairs.Select(p => people[other(p)].Full).Distinct().Order(ByName)),
                Distinct(m.Pairs.Select(FormOf)), program.Name, RussianText.Date(DateOnly.FromDateTime(m.Pairs.Min(p => p.Started))),
                End(m.Pairs.Select(p => p.Ended), program), Outcomes(m.Pairs), Mean(m.Pairs.Select(p => p.Id), meanRating),
            ]).ToList();
        var mentorRows = Base(p => p.MentorId, p => p.MenteeId);
        var menteeRows = Base(p => p.MenteeId, p => p.MentorId);
        string[] mentorHeaders = ["№", "ФИО наставника", "Контактные данные", "Должность, предмет, стаж, категория", "Компетенции (темы наставничества)",
            "ФИО наставляемых", "Форма наставничества", "Программа наставничества", "Дата начала", "Дата завершения", "Результаты", "Оценка встреч (1–5)"];
        string[] menteeHeaders = ["№", "ФИО наставляемого", "Контактные данные", "Должность, предмет, стаж, категория", "Ключевые запросы (темы)",
            "ФИО наставника", "Форма наставничества", "Программа наставничества", "Дата начала", "Дата завершения", "Отметка о прохождении программы", "Оценка встреч (1–5)"];
        var bytes = XlsxWriter.Write(
            new XlsxWriter.Sheet("База наставников", mentorHeaders, mentorRows) { FrozenColumns = 2, MaxColumnWidth = 45 },
            new XlsxWriter.Sheet("База наставляемых", menteeHeaders, menteeRows) { FrozenColumns = 2, MaxColumnWidth = 45 },
            new XlsxWriter.Sheet("Программа", ["Показатель", "Значение"],
            [
                ["Программа", program.Name], ["Срок", period], ["Наставников", mentorRows.Count], ["Наставляемых", menteeRows.Count],
                ["Пар (наставник — наставляемый — тема)", pairs.Count], ["Из них групп", groups.Count], ["Пар вне групп", tandems.Count],
                ["Выгружено", RussianText.Date(db.Clock.Today())],
            ]));
        return new DocumentFile(bytes, XlsxWriter.ContentType, $"Базы наставников и наставляемых {RussianText.Date(db.Clock.Today())}.xlsx");
    }

    /// <summary>The indicators against this year's targets, frozen when the program is completed, with formula and source.</summary>
    public async Task<CommandResult<DocumentFile>> IndicatorsAsync(int programId, CancellationToken ct = default)
    {
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return CommandError.NotFound("Программа не найдена.");
        var today = db.Clock.Today();
        var frozen = program.Status == ProgramStatus.Completed ? await IndicatorSnapshots.ReadAsync(db, program.Id, ct) : null;
        var report = frozen?.Report ?? (await indicators.ComputeAsync(program.Id, today, ct))!;
        var rows = report.Indicators.Select((x, i) => (IReadOnlyList<object?>)
        [
            i + 1, x.Name, x.External ? "вносится куратором" : "считается по данным", x.Unit, x.Value, x.Target, MonitoringTexts.Status(x),
            x.Numerator, x.Denominator, x.Formula, x.Source,
        ]);
        var asOf = frozen is { } f ? $"зафиксированы при завершении программы {RussianText.Date(DateOnly.FromDateTime(f.TakenAt))}" : $"на {RussianText.Date(today)}";
        var bytes = XlsxWriter.Write(
            new XlsxWriter.Sheet("Показатели", ["№", "Показатель", "Как получен", "Единица", "Значение", $"Цель на {report.Year} год", "Оценка",
                "Числитель", "Знаменатель", "Формула", "Источник данных"], rows)
            { FrozenColumns = 2, MaxColumnWidth = 50 },
            new XlsxWriter.Sheet("Программа", ["Показатель", "Значение"], [["Программа", program.Name], ["Значения", asOf]]));
        return new DocumentFile(bytes, XlsxWriter.ContentType, $"Показатели программы {RussianText.Date(today)}.xlsx");
    }

    private static string Distinct(IEnumerable<string> values) => string.Join("\n", values.Distinct().Order(ByName));

    private static string End(IEnumerable<DateTime?> ended, MentoringProgram program) =>
        ended.All(e => e is not null) ? RussianText.Date(DateOnly.FromDateTime(ended.Max()!.Value)) : $"{RussianText.Date(program.EndDate)} (по плану)";

    private static string Outcomes(IReadOnlyList<PairRow> pairs) => string.Join("\n", pairs.GroupBy(p => (p.Status, p.Reason))
        .OrderBy(g => g.Key.Status).Select(g => $"{Outcome(g.Key.Status, g.Key.Reason)}: {g.Count()}"));

    private static string Outcome(PairStatus status, PairEndReason? reason) => status switch
    {
        PairStatus.Completed => "завершил(а) программу",
        PairStatus.EndedEarly => "прекращено досрочно" + (reason switch
        {
            PairEndReason.NeedMet => " (запрос закрыт)",
            PairEndReason.TeacherLeft => " (педагог выбыл)",
            PairEndReason.DidNotWork => " (пара не сложилась)",
            _ => "",
        }),
        PairStatus.Active => "работает",
        _ => "утверждена, работа не начата",
    };

    private static decimal? Mean(IEnumerable<int> pairIds, Dictionary<int, double> means)
    {
        var values = pairIds.Where(means.ContainsKey).Select(id => means[id]).ToList();
        return values.Count == 0 ? null : Math.Round((decimal)values.Average(), 1);
    }

    private sealed record PairRow(int Id, int MentorId, int MenteeId, int TopicId, string Topic, PairStatus Status, PairEndReason? Reason, DateTime Started, DateTime? Ended);

    private sealed record PersonRow(int Id, string Last, string First, string? Middle, string? Position, string? Subjects, int? Experience,
        QualificationCategory Category, string? Email, string? Phone, bool Erased)
    {
        public string Full => Erased ? "Удалённый сотрудник" : PersonName.Full(Last, First, Middle);
        public string? Contacts => Erased ? null : string.Join(", ", new[] { Email, Phone }.Where(s => !string.IsNullOrWhiteSpace(s)));

        public string Work => Erased ? "" : string.Join(", ", new[]
        {
            Position, Subjects, Experience is { } y ? $"стаж {y} {RussianText.Plural(y, "год", "года", "лет")}" : null,
            Category switch { QualificationCategory.Highest => "высшая категория", QualificationCategory.First => "первая категория", _ => null },
        }.Where(s => !string.IsNullOrWhiteSpace(s)));
    }
}
