using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Matching;
using Nastavnik.Web.Features.Monitoring;
using Nastavnik.Web.Features.Pairs;
using Nastavnik.Web.Features.Plans;
using Nastavnik.Web.Files;
using Nastavnik.Web.Files.Charts;
using Nastavnik.Web.Files.Documents;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Documents;

using Item = IReadOnlyDictionary<string, string?>;

/// <summary>
/// The program's reports (issue 14, item 5): the final report of the year and the report of a quarter, filled from the program's
/// data into <see cref="ReportTemplates"/>, and the description of the practice (<see cref="PracticeTemplate"/>). Read through the
/// privacy filters; the pages and the API let only the program's managers download them. Survey results come as aggregates of at
/// least five answers and never with a name.
/// </summary>
public sealed partial class ProgramReports(AppDbContext db, PairDocuments pairs, ProgramIndicators indicators, TemplateStore templates)
{
    public static readonly IReadOnlyList<DocumentTemplate> All = [ReportTemplates.Final, ReportTemplates.Quarter, PracticeTemplate.Practice];

    /// <summary>The report period of a program's final report: the program's whole period; the indicators frozen when it is completed.</summary>
    public async Task<CommandResult<DocumentFile>> FinalAsync(int programId, CancellationToken ct = default)
    {
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return CommandError.NotFound("Программа не найдена.");
        var data = await FillAsync(program, program.StartDate, program.EndDate, quarter: false, ct);
        var filled = await templates.FillAsync(program.SchoolId, ReportTemplates.Final, data, ct);
        if (filled.Error is { } refused) return refused;
        var bytes = filled.Value!;
        return new DocumentFile(bytes, DocxWriter.ContentType, $"Итоговый отчёт о реализации программы {RussianText.Date(db.Clock.Today())}.docx");
    }

    /// <summary>The report of one calendar quarter (the current one when not given), within the program's period.</summary>
    public async Task<CommandResult<DocumentFile>> QuarterAsync(int programId, int? year, int? quarter, CancellationToken ct = default)
    {
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return CommandError.NotFound("Программа не найдена.");
        var (y, q) = year is { } yy && quarter is { } qq ? (yy, qq) : PlanLabels.QuarterOf(db.Clock.Today());
        if (q is < 1 or > 4 || y is < 2000 or > 2100) return CommandError.Invalid("Квартал указан неверно: год и номер квартала от 1 до 4.");
        var from = new DateOnly(y, q * 3 - 2, 1);
        var to = PlanLabels.QuarterEnd(y, q);
        if (to < program.StartDate || from > program.EndDate)
            return CommandError.Invalid($"{PlanLabels.Quarter(y, q)} вне сроков программы ({RussianText.Date(program.StartDate)} — {RussianText.Date(program.EndDate)}).");
        from = from < program.StartDate ? program.StartDate : from;
        to = to > program.EndDate ? program.EndDate : to;
        var data = await FillAsync(program, from, to, quarter: true, ct);
        var filled = await templates.FillAsync(program.SchoolId, ReportTemplates.Quarter, data, ct);
        if (filled.Error is { } refused) return refused;
        var bytes = filled.Value!;
        return new DocumentFile(bytes, DocxWriter.ContentType, $"Отчёт программы за {q} квартал {y} года.docx");
    }

    private async Task<DocumentData> FillAsync(MentoringProgram program, DateOnly from, DateOnly to, bool quarter, CancellationToken ct)
    {
        var today = db.Clock.Today();
        var data = await CommonAsync(program, ct);
        data.Set("Отчёт.Дата", RussianText.DocumentDate(today))
            .Set("Отчёт.Период", $"с {RussianText.Date(from)} по {RussianText.Date(to)}");
        await PairsAsync(program, from, to, quarter, data, ct);
        await IndicatorsAsync(program, to < today ? to : today, quarter, data, ct);
        await ActivityAsync(program, from, to, quarter, data, ct);
        await PairReportsAsync(program, from, to, data, ct);
        await SwotAsync(program, data, ct);
        await SurveysAsync(program, quarter ? from : null, quarter ? to : null, data, ct);
        return data;
    }

    /// <summary>The school, the program and its curators.</summary>
    private async Task<DocumentData> CommonAsync(MentoringProgram program, CancellationToken ct)
    {
        var curators = await db.ProgramCurators.AsNoTracking().Where(c => c.ProgramId == program.Id).OrderBy(c => c.Id)
            .Select(c => new { c.Person!.LastName, c.Person.FirstName, c.Person.MiddleName, c.Person.Position }).ToListAsync(ct);
        return (await pairs.SchoolAsync(program.SchoolId, ct))
            .Set("Программа.Наименование", RussianText.Inner(program.Name))
            .Set("Программа.Цель", RussianText.Clean(program.Goal))
            .Set("Программа.Кураторы", curators.Count == 0 ? null : string.Join(", ", curators.Select(c =>
                PersonName.Full(c.LastName, c.FirstName, c.MiddleName) + (RussianText.InSentence(c.Position) is { } p ? $" ({p})" : ""))))
            .Set("Куратор.Подпись", curators.Count == 0 ? null : PairNames.InitialsFirst(curators[0].LastName, curators[0].FirstName, curators[0].MiddleName));
    }

    /// <summary>A pair's outcome in the report, from its statuses: working, approved, completed, ended early (with the reason).</summary>
    private sealed record PairFact(int MentorId, int MenteeId, int TopicId, PairStatus Status, PairEndReason? Reason, DateTime ApprovedAt);

    private static readonly (PairStatus Status, string Text, string Plural, string Label, ChartTone Tone)[] Outcomes =
    [
        (PairStatus.Completed, "завершила работу", "завершили работу", "Завершили", ChartTone.Good),
        (PairStatus.Active, "работает", "работают", "Работают", ChartTone.Primary),
        (PairStatus.Approved, "утверждена, не начала работу", "утверждены, не начали работу", "Не начали", ChartTone.Near),
        (PairStatus.EndedEarly, "завершена досрочно", "завершены досрочно", "Досрочно", ChartTone.Bad),
    ];

    /// <summary>The pairs and groups that worked in the period (all of the program's for the final report), each with its outcome.</summary>
    private async Task PairsAsync(MentoringProgram program, DateOnly from, DateOnly to, bool quarter, DocumentData data, CancellationToken ct)
    {
        var start = SchoolTime.Utc(from, TimeOnly.MinValue);
        var end = SchoolTime.Utc(to.AddDays(1), TimeOnly.MinValue);
        var rows = await db.MentoringPairs.AsNoTracking().Where(p => p.ProgramId == program.Id && p.ApprovedAt < end && (p.EndedAt == null || p.EndedAt >= start))
            .Select(p => new
            {
                Fact = new PairFact(p.MentorId, p.MenteeId, p.TopicId, p.Status, p.EndReason, p.ApprovedAt),
                Mentor = PersonName.Full(p.Mentor!.LastName, p.Mentor.FirstName, p.Mentor.MiddleName),
                Mentee = PersonName.Full(p.Mentee!.LastName, p.Mentee.FirstName, p.Mentee.MiddleName),
                Topic = p.Topic!.Direction!.Name + ": " + p.Topic.Name,
            }).ToListAsync(ct);
        var names = rows.Select(r => (r.Fact.MentorId, r.Mentor)).Concat(rows.Select(r => (r.Fact.MenteeId, r.Mentee)))
            .DistinctBy(x => x.Item1).ToDictionary(x => x.Item1, x => x.Item2);
        var topics = rows.DistinctBy(r => r.Fact.TopicId).ToDictionary(r => r.Fact.TopicId, r => r.Topic);
        var facts = rows.Select(r => r.Fact).ToLookup(f => (f.MentorId, f.MenteeId, f.TopicId));
        var (tandems, groups) = Formation.Split(rows.Select(r => (r.Fact.MentorId, r.Fact.MenteeId, r.Fact.TopicId)));
        var order = StringComparer.Create(RussianText.Culture, true);
        var table = tandems.Select(t => (Group: false, Mentor: names[t.Mentor], Mentees: (IReadOnlyList<string>)[names[t.Mentee]],
                Topics: t.Topics.Select(x => topics[x]).Order(order).ToList(), Facts: t.Topics.SelectMany(x => facts[(t.Mentor, t.Mentee, x)]).ToList()))
            .Concat(groups.Select(g => (Group: true, Mentor: names[g.Mentor], Mentees: (IReadOnlyList<string>)g.Mentees.Select(m => names[m]).Order(order).ToList(),
                Topics: new List<string> { topics[g.Topic] }, Facts: g.Mentees.SelectMany(m => facts[(g.Mentor, m, g.Topic)]).ToList())))
            .OrderBy(r => r.Mentor, order).ThenBy(r => r.Mentees[0], order).ToList();
        // A tandem or group's outcome is its members' most usual one: working over approved over completed over ended early.
        PairStatus Outcome(List<PairFact> f) => f.Any(x => x.Status == PairStatus.Active) ? PairStatus.Active
            : f.Any(x => x.Status == PairStatus.Approved) ? PairStatus.Approved
            : f.Any(x => x.Status == PairStatus.Completed) ? PairStatus.Completed : PairStatus.EndedEarly;
        string Text(List<PairFact> f)
        {
            var s = Outcome(f);
            var text = Outcomes.First(o => o.Status == s).Text;
            if (s == PairStatus.EndedEarly && f.Select(x => x.Reason).FirstOrDefault(x => x != null) is { } reason) text += $" ({PairTexts.Reason(reason)})";
            if (quarter && f.Any(x => x.ApprovedAt >= start)) text += "; сформирована в квартале";
            return text;
        }
        data.SetItems("Пары", table.Select((r, i) => (Item)new Dictionary<string, string?>
        {
            ["Номер"] = (i + 1).ToString(RussianText.Culture), ["Форма"] = r.Group ? "группа" : "пара", ["Наставник"] = r.Mentor,
            ["Наставляемые"] = string.Join("\n", r.Mentees), ["Направления"] = string.Join("\n", r.Topics), ["Итог"] = Text(r.Facts),
        }));
        var counts = Outcomes.Select(o => (o.Plural, o.Label, o.Tone, Count: table.Count(r => Outcome(r.Facts) == o.Status))).ToList();
        var formed = table.Count(r => r.Facts.Any(f => f.ApprovedAt >= start));
        data.Set("Итоги.Пары", $"Наставнических пар — {tandems.Count}, групп — {groups.Count} (наставляемых в группах — {groups.Sum(g => g.Mentees.Count)})"
                + (quarter ? $", из них сформировано в квартале — {formed}" : "") + "; "
                + string.Join(", ", counts.Select(c => $"{c.Plural} — {c.Count}")))
            .Set("Итоги.Участники", $"Наставников — {rows.Select(r => r.Fact.MentorId).Distinct().Count()}, наставляемых — {rows.Select(r => r.Fact.MenteeId).Distinct().Count()}")
            .SetImage("Диаграмма.Пары", ChartPainter.Columns("Пары и группы по итогам работы",
                counts.Select(c => new ChartBar(c.Label, c.Count, c.Count.ToString(RussianText.Culture), c.Tone)).ToList()));
    }
}
