using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Meetings;
using Nastavnik.Web.Features.Pairs;
using Nastavnik.Web.Features.Plans;
using Nastavnik.Web.Files;
using Nastavnik.Web.Files.Documents;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Documents;

using Item = IReadOnlyDictionary<string, string?>;

/// <summary>
/// A pair's documents of the year as .docx: its quarterly report (from the report the pair wrote, with the quarter's meetings) and the
/// mentee's individual educational route (ИОМ: the pair's goals and tasks with dates, status and results). Only the pair's mentor and
/// mentee and the school's managers get them: the pair and its plan are read through the privacy filters, so anyone else — another
/// teacher, another school, a guessed id — finds nothing.
/// </summary>
public sealed class PairReportFiles(AppDbContext db, PairDocuments documents, TemplateStore templates)
{
    private sealed record PairHead(int Id, int SchoolId, int ProgramId, int MentorId, int MenteeId, PairStatus Status, DateTime ApprovedAt, DateTime? EndedAt);

    /// <summary>The pair's report of the quarter (the latest written when not given).</summary>
    public async Task<CommandResult<DocumentFile>> ReportAsync(int pairId, int? year, int? quarter, CancellationToken ct = default)
    {
        if (await HeadAsync(pairId, ct) is not { } found) return CommandError.NotFound(PairCommands.NotFoundText);
        var data = found.Data;
        var reports = db.PairReports.AsNoTracking().Where(r => r.PairId == pairId);
        var report = year is { } y && quarter is { } q
            ? await reports.FirstOrDefaultAsync(r => r.Year == y && r.Quarter == q, ct)
            : await reports.OrderByDescending(r => r.Year).ThenByDescending(r => r.Quarter).FirstOrDefaultAsync(ct);
        if (report is null) return CommandError.NotFound("Отчёт пары за этот квартал ещё не написан.");
        var from = SchoolTime.Utc(new DateOnly(report.Year, report.Quarter * 3 - 2, 1), TimeOnly.MinValue);
        var to = SchoolTime.Utc(PlanLabels.QuarterEnd(report.Year, report.Quarter).AddDays(1), TimeOnly.MinValue);
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.StartsAt >= from && m.StartsAt < to && db.MeetingParticipants.Any(p => p.MeetingId == m.Id && p.PairId == pairId))
            .OrderBy(m => m.StartsAt).Select(m => new { m.StartsAt, m.Kind, m.DurationMinutes, m.Status }).ToListAsync(ct);
        var submitted = SchoolTime.Local(report.SubmittedAt);
        data.Set("Отчёт.Квартал", PlanLabels.Quarter(report.Year, report.Quarter))
            .Set("Отчёт.Сделано", report.Done).Set("Отчёт.Изменения", report.Changed)
            .Set("Отчёт.Прогресс", report.TasksTotal == 0 ? "В маршруте пары нет задач."
                : $"Выполнено задач маршрута: {report.TasksDone} из {report.TasksTotal} ({100 * report.TasksDone / report.TasksTotal} %) на {RussianText.Date(DateOnly.FromDateTime(submitted))}.")
            .Set("Отчёт.Представлен", $"Отчёт представлен в электронном виде: {report.SubmittedBy}, {submitted.ToString("dd.MM.yyyy HH:mm", RussianText.Culture)}.")
            .Set("Документ.Дата", RussianText.DocumentDate(DateOnly.FromDateTime(submitted)))
            .SetItems("Встречи", meetings.Select(m => (Item)new Dictionary<string, string?>
            {
                ["Дата"] = SchoolTime.Local(m.StartsAt).ToString("dd.MM.yyyy HH:mm", RussianText.Culture), ["Вид"] = MeetingLabels.Kind(m.Kind),
                ["Длительность"] = m.DurationMinutes.ToString(RussianText.Culture),
                ["Статус"] = m.Status switch { MeetingStatus.Held => "состоялась", MeetingStatus.NotHeld => "не состоялась", _ => "запланирована" },
            }));
        var filled = await templates.FillAsync(found.Head.SchoolId, PairReportTemplates.Report, data, ct);
        if (filled.Error is { } refused) return refused;
        var bytes = filled.Value!;
        return new DocumentFile(bytes, DocxWriter.ContentType, $"Отчёт пары за {report.Quarter} квартал {report.Year} года.docx");
    }

    /// <summary>The mentee's ИОМ of this pair: its goals and tasks (dropped ones left out), as of today.</summary>
    public async Task<CommandResult<DocumentFile>> PlanAsync(int pairId, CancellationToken ct = default)
    {
        if (await HeadAsync(pairId, ct) is not { } found) return CommandError.NotFound(PairCommands.NotFoundText);
        var (head, data) = found;
        var goals = await db.PlanGoals.AsNoTracking().Where(g => g.PairId == pairId).OrderBy(g => g.Id).Select(g => new { g.Id, g.Text }).ToListAsync(ct);
        var tasks = await db.PlanTasks.AsNoTracking().Where(t => t.PairId == pairId && t.Status != PlanTaskStatus.Dropped)
            .OrderBy(t => t.DueOn == null).ThenBy(t => t.DueOn).ThenBy(t => t.Id).ToListAsync(ct);
        if (goals.Count == 0 && tasks.Count == 0)
        {
            // The mentor of a pair ended early no longer sees the plan: for them it is not there.
            var visible = await db.DevelopmentPlans.AnyAsync(p => p.ProgramId == head.ProgramId && p.MenteeId == head.MenteeId, ct);
            return visible ? CommandError.Invalid("В маршруте пары ещё нет целей и задач: составьте их на странице плана.") : CommandError.NotFound("План не найден.");
        }
        var goalNumber = goals.Select((g, i) => (g.Id, i + 1)).ToDictionary(x => x.Id, x => x.Item2);
        var today = db.Clock.Today();
        data.Set("Документ.Дата", RussianText.DocumentDate(today))
            .Set("ИОМ.Выполнение", $"Выполнено задач: {tasks.Count(t => t.Status == PlanTaskStatus.Done)} из {tasks.Count} на {RussianText.Date(today)}.")
            .SetItems("Цели", goals.Select((g, i) => (Item)new Dictionary<string, string?> { ["Номер"] = (i + 1).ToString(RussianText.Culture), ["Цель"] = g.Text }))
            .SetItems("Задачи", tasks.Select((t, i) => (Item)new Dictionary<string, string?>
            {
                ["Номер"] = (i + 1).ToString(RussianText.Culture),
                ["Задача"] = t.Title + (t.GoalId is { } gid && goalNumber.TryGetValue(gid, out var n) ? $" (к цели {n})" : "")
                    + (RussianText.Clean(t.Description) is { } d ? "\n" + d : ""),
                ["Исполнитель"] = PlanLabels.Owner(t.Owner), ["Срок"] = RussianText.Date(t.DueOn),
                ["Статус"] = PlanLabels.Status(t.Status) + (t.AcceptedAt is { } a ? $", принята {RussianText.Date(DateOnly.FromDateTime(SchoolTime.Local(a)))}" : ""),
                ["Результат"] = string.Join("\n", new[] { t.ResultText, t.ResultLink }.Where(x => !string.IsNullOrWhiteSpace(x))) is { Length: > 0 } r ? r : "—",
            }));
        var filled = await templates.FillAsync(head.SchoolId, PairReportTemplates.Plan, data, ct);
        if (filled.Error is { } refused) return refused;
        var bytes = filled.Value!;
        var mentee = data.Values["Наставляемый.ФИО"]!.Split(' ')[0];
        return new DocumentFile(bytes, DocxWriter.ContentType, $"ИОМ — {mentee}.docx");
    }

    /// <summary>The pair as its people and the managers see it (null for anyone else) and the values every pair document has.</summary>
    private async Task<(PairHead Head, DocumentData Data)?> HeadAsync(int pairId, CancellationToken ct)
    {
        var p = await db.MentoringPairs.AsNoTracking().Where(x => x.Id == pairId).Select(x => new
        {
            Head = new PairHead(x.Id, x.SchoolId, x.ProgramId, x.MentorId, x.MenteeId, x.Status, x.ApprovedAt, x.EndedAt),
            Mentor = new { x.Mentor!.LastName, x.Mentor.FirstName, x.Mentor.MiddleName, x.Mentor.Position },
            Mentee = new { x.Mentee!.LastName, x.Mentee.FirstName, x.Mentee.MiddleName, x.Mentee.Position },
            Topic = x.Topic!.Direction!.Name + ": " + x.Topic.Name,
        }).FirstOrDefaultAsync(ct);
        if (p is null) return null;
        var me = db.School.PersonId;
        if (!db.School.IsSchoolManager && p.Head.MentorId != me && p.Head.MenteeId != me) return null;
        var program = await db.Programs.AsNoTracking().Where(g => g.Id == p.Head.ProgramId).Select(g => new { g.Name, g.EndDate }).FirstAsync(ct);
        var until = p.Head.EndedAt is { } e ? DateOnly.FromDateTime(SchoolTime.Local(e)) : program.EndDate;
        var data = (await documents.SchoolAsync(p.Head.SchoolId, ct))
            .Set("Программа.Наименование", RussianText.Inner(program.Name))
            .Set("Наставник.ФИО", PersonName.Full(p.Mentor.LastName, p.Mentor.FirstName, p.Mentor.MiddleName))
            .Set("Наставник.Должность", RussianText.InSentence(p.Mentor.Position) ?? "педагог")
            .Set("Наставник.Подпись", PairNames.InitialsFirst(p.Mentor.LastName, p.Mentor.FirstName, p.Mentor.MiddleName))
            .Set("Наставляемый.ФИО", PersonName.Full(p.Mentee.LastName, p.Mentee.FirstName, p.Mentee.MiddleName))
            .Set("Наставляемый.Должность", RussianText.InSentence(p.Mentee.Position) ?? "педагог")
            .Set("Наставляемый.Подпись", PairNames.InitialsFirst(p.Mentee.LastName, p.Mentee.FirstName, p.Mentee.MiddleName))
            .Set("Пара.Направление", p.Topic)
            .Set("Пара.Срок", $"с {RussianText.Date(DateOnly.FromDateTime(SchoolTime.Local(p.Head.ApprovedAt)))} по {RussianText.Date(until)}");
        return (p.Head, data);
    }
}
