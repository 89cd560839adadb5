using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Activities;
using Nastavnik.Web.Features.Monitoring;
using Nastavnik.Web.Features.Plans;
using Nastavnik.Web.Files.Charts;
using Nastavnik.Web.Files.Documents;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Documents;

using Item = IReadOnlyDictionary<string, string?>;

public sealed partial class ProgramReports
{
    /// <summary>
    /// The period's meetings (held, not held, hours; held ones by month as a chart), joint activities by kind and the roadmap's events
    /// (all of them for the final report, those due in the period for a quarter) done, overdue or planned.
    /// </summary>
    private async Task ActivityAsync(MentoringProgram program, DateOnly from, DateOnly to, bool quarter, DocumentData data, CancellationToken ct)
    {
        var today = db.Clock.Today();
        var start = SchoolTime.Utc(from, TimeOnly.MinValue);
        var end = SchoolTime.Utc(to.AddDays(1), TimeOnly.MinValue);
        // Counted in the database: a year of a 5,000-teacher school is some 100,000 meetings.
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.ProgramId == program.Id && m.StartsAt >= start && m.StartsAt < end && m.Status != MeetingStatus.Planned)
            .GroupBy(m => m.Status).Select(g => new { Status = g.Key, Count = g.Count(), Minutes = g.Sum(m => m.DurationMinutes) }).ToListAsync(ct);
        var held = meetings.Where(m => m.Status == MeetingStatus.Held).Sum(m => m.Count);
        var notHeld = meetings.Where(m => m.Status == MeetingStatus.NotHeld).Sum(m => m.Count);
        var hours = Math.Round(meetings.Where(m => m.Status == MeetingStatus.Held).Sum(m => m.Minutes) / 60m, 1, MidpointRounding.AwayFromZero);
        var kinds = await db.JointActivities.AsNoTracking().Where(a => a.ProgramId == program.Id && a.Date >= from && a.Date <= to)
            .GroupBy(a => a.Kind).Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync(ct);
        var events = await db.RoadmapEvents.AsNoTracking().Where(e => e.ProgramId == program.Id && e.Status != EventStatus.Cancelled)
            .OrderBy(e => e.Stage!.SortOrder).ThenBy(e => e.SortOrder).ThenBy(e => e.Id)
            .Select(e => new { e.Title, e.StartDate, e.DueDate, e.Timing, e.Status }).ToListAsync(ct);
        if (quarter) events = events.Where(e => (e.DueDate ?? e.StartDate) is { } d && d >= from && d <= to).ToList();
        string Status(EventStatus s, DateOnly? due) => s == EventStatus.Done ? "выполнено" : due is { } d && d < today ? "просрочено" : "запланировано";
        var done = events.Count(e => e.Status == EventStatus.Done);
        var overdue = events.Count(e => Status(e.Status, e.DueDate) == "просрочено");
        data.Set("Итоги.Мероприятия", $"Проведено встреч наставников с наставляемыми — {held} ({hours.ToString("0.#", RussianText.Culture)} ч), "
                + $"не состоялось — {notHeld}; совместных мероприятий — {kinds.Sum(k => k.Count)}; "
                + $"мероприятий дорожной карты{(quarter ? " со сроком в квартале" : "")} — {events.Count}, из них выполнено — {done}, просрочено — {overdue}")
            .SetItems("Виды", Enum.GetValues<ActivityKind>().Select(k => (Item)new Dictionary<string, string?>
            {
                ["Вид"] = ActivityLabels.Kind(k), ["Количество"] = (kinds.FirstOrDefault(x => x.Kind == k)?.Count ?? 0).ToString(RussianText.Culture),
            }))
            .SetItems("Дорожная", events.Select((e, i) => (Item)new Dictionary<string, string?>
            {
                ["Номер"] = (i + 1).ToString(RussianText.Culture), ["Название"] = e.Title,
                ["Срок"] = RussianText.Clean(e.Timing) ?? ((e.DueDate ?? e.StartDate) is { } d ? RussianText.Date(d) : "в течение года"),
                ["Статус"] = Status(e.Status, e.DueDate),
            }));
        // Held meetings per month of the school's calendar: a count over the index (ProgramId, StartsAt) per month.
        var months = new List<ChartBar>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1))
        {
            var (a, b) = (SchoolTime.Utc(m < from ? from : m, TimeOnly.MinValue), SchoolTime.Utc(m.AddMonths(1) > to ? to.AddDays(1) : m.AddMonths(1), TimeOnly.MinValue));
            var n = await db.Meetings.CountAsync(x => x.ProgramId == program.Id && x.StartsAt >= a && x.StartsAt < b && x.Status == MeetingStatus.Held, ct);
            months.Add(new ChartBar(MonitoringTexts.ShortMonth(m.Year, m.Month), n, n.ToString(RussianText.Culture)));
        }
        data.SetImage("Диаграмма.Встречи", ChartPainter.Columns("Проведённые встречи по месяцам", months));
    }

    /// <summary>
    /// The pairs' quarterly reports: for each quarter of the period that has begun, every pair live in it owes one; how many were
    /// written of those due.
    /// </summary>
    private async Task PairReportsAsync(MentoringProgram program, DateOnly from, DateOnly to, DocumentData data, CancellationToken ct)
    {
        var today = db.Clock.Today();
        var pairs = await db.MentoringPairs.AsNoTracking().Where(p => p.ProgramId == program.Id)
            .Select(p => new { p.Id, p.ApprovedAt, p.EndedAt }).ToListAsync(ct);
        var written = (await db.PairReports.AsNoTracking().Where(r => db.MentoringPairs.Any(p => p.Id == r.PairId && p.ProgramId == program.Id))
            .Select(r => new { r.PairId, r.Year, r.Quarter }).ToListAsync(ct)).Select(r => (r.PairId, r.Year, r.Quarter)).ToHashSet();
        int due = 0, submitted = 0;
        var (y, q) = PlanLabels.QuarterOf(from);
        while (true)
        {
            var qStart = new DateOnly(y, q * 3 - 2, 1);
            if (qStart > to || qStart > today) break;
            var qStartUtc = SchoolTime.Utc(qStart, TimeOnly.MinValue);
            var qEndUtc = SchoolTime.Utc(PlanLabels.QuarterEnd(y, q).AddDays(1), TimeOnly.MinValue);
            foreach (var p in pairs.Where(p => p.ApprovedAt < qEndUtc && (p.EndedAt == null || p.EndedAt >= qStartUtc)))
            {
                due++;
                if (written.Contains((p.Id, y, q))) submitted++;
            }
            (y, q) = q == 4 ? (y + 1, 1) : (y, q + 1);
        }
        data.Set("Итоги.ОтчётыПар", $"Квартальные отчёты пар: сдано {submitted} из {due}");
    }
}
