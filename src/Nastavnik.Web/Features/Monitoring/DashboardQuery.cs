using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Programs;

namespace Nastavnik.Web.Features.Monitoring;

/// <summary>One month of a program's work: held meetings and their minutes, consultations' minutes, pairs started and ended, and the
/// satisfaction of the pulse surveys answered that month (null when fewer than <see cref="AppDbContext.MinAnonymousGroup"/> answers).</summary>
public sealed record DashboardMonth(int Year, int Month, int MeetingsHeld, int MeetingMinutes, int ConsultationMinutes, int PairsStarted,
    int PairsEnded, int SatisfactionAnswers, decimal? Satisfaction)
{
    public decimal Hours => Math.Round((MeetingMinutes + ConsultationMinutes) / 60m, 1);
}

/// <summary>Supply (mentors' offers) against demand (mentees' needs) of one direction in the program's latest round.</summary>
public sealed record DirectionBalance(string Direction, int Offers, int Needs);

/// <summary>A program the manager may choose on the dashboard.</summary>
public sealed record ProgramOption(int Id, string Name, ProgramStatus Status);

/// <summary>
/// What the dashboard shows of a program besides the network: the indicators against targets (<see cref="ProgramIndicators"/>), the
/// monthly trends, supply against demand by direction, the year compared with the last, and the SWOT items.
/// </summary>
public sealed record Dashboard(
    int ProgramId, string ProgramName, string SchoolName, DateOnly AsOf, ProgramIndicatorReport? Report,
    IReadOnlyList<DashboardMonth> Months, string? RoundTitle, IReadOnlyList<DirectionBalance> Balance,
    YearComparison? Comparison, IReadOnlyList<SwotItem> Swot);

/// <summary>
/// Reads the dashboard of a program in a fixed number of set-based queries (grouped by month or direction in the database), for the
/// managers (the filters let them see every pair, need and answer; the page is theirs only). Cached per viewer by the page.
/// </summary>
public static class DashboardQuery
{
    public static Task<List<ProgramOption>> ProgramsAsync(AppDbContext db, CancellationToken ct) =>
        db.Programs.AsNoTracking().OrderByDescending(p => p.StartDate).ThenByDescending(p => p.Id)
            .Select(p => new ProgramOption(p.Id, p.Name, p.Status)).ToListAsync(ct);

    /// <summary>The dashboard of a program; null when it is not found (another school's, or not visible).</summary>
    public static async Task<Dashboard?> LoadAsync(AppDbContext db, ProgramIndicators indicators, int programId, DateOnly today, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return null;
        var schoolName = await db.Organizations.Where(o => o.Id == program.SchoolId).Select(o => o.Name).FirstAsync(ct);
        var asOf = today > program.EndDate ? program.EndDate : today;
        var report = await indicators.ComputeAsync(programId, asOf, ct);
        var months = await MonthsAsync(db, program, asOf, ct);
        var round = await db.LatestRoundAsync(programId, ct);
        var balance = round is null ? [] : await BalanceAsync(db, round.Id, ct);
        var comparison = report is null ? null : await YearComparison.LoadAsync(db, program, report, ct);
        var swot = await db.SwotItems.AsNoTracking().Where(s => s.ProgramId == programId)
            .OrderBy(s => s.Quadrant).ThenBy(s => s.SortOrder).ThenByDescending(s => s.Count).ThenBy(s => s.Id).ToListAsync(ct);
        return new Dashboard(program.Id, program.Name, schoolName, asOf, report, months, round?.Title, balance, comparison, swot);
    }

    private static async Task<List<DashboardMonth>> MonthsAsync(AppDbContext db, MentoringProgram program, DateOnly asOf, CancellationToken ct)
    {
        var pid = program.Id;
        var meetings = (await db.Meetings.Where(m => m.ProgramId == pid && m.Status == MeetingStatus.Held)
            .GroupBy(m => new { m.StartsAt.Year, m.StartsAt.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count(), Minutes = g.Sum(m => m.DurationMinutes) }).ToListAsync(ct))
            .ToDictionary(m => (m.Year, m.Month));
        // Consultations belong to the school: those held within the program's period count in it (as on the curator's board).
        var consultations = (await db.Consultations
            .Where(c => c.Status == ConsultationStatus.Held && c.HeldOn != null && c.HeldOn >= program.StartDate && c.HeldOn <= program.EndDate)
            .GroupBy(c => new { c.HeldOn!.Value.Year, c.HeldOn.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Minutes = g.Sum(c => c.DurationMinutes ?? 0) }).ToListAsync(ct))
            .ToDictionary(c => (c.Year, c.Month), c => c.Minutes);
        var started = (await db.MentoringPairs.Where(p => p.ProgramId == pid && p.StartedAt != null)
            .GroupBy(p => new { p.StartedAt!.Value.Year, p.StartedAt.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(p => (p.Year, p.Month), p => p.Count);
        var ended = (await db.MentoringPairs.Where(p => p.ProgramId == pid && p.EndedAt != null
                && (p.Status == PairStatus.Completed || p.Status == PairStatus.EndedEarly))
            .GroupBy(p => new { p.EndedAt!.Value.Year, p.EndedAt.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(p => (p.Year, p.Month), p => p.Count);
        // Satisfaction from the pairs' pulses: the share of scale answers at or above the question's threshold (4 of 5, 8 of 10).
        var pulse = (await (
                from a in db.SurveyAnswers
                join q in db.SurveyQuestions on a.QuestionId equals q.Id
                join s in db.Surveys on q.SurveyId equals s.Id
                join r in db.SurveyResponses on a.ResponseId equals r.Id
                where s.ProgramId == pid && s.Kind == SurveyKind.Pulse && q.Measure == QuestionMeasure.Satisfaction && a.Number != null
                    && (q.Type == QuestionType.Scale5 || q.Type == QuestionType.Scale10)
                select new
                {
                    r.Day.Year, r.Day.Month,
                    Satisfied = a.Number >= (q.SatisfiedFrom ?? (q.Type == QuestionType.Scale10 ? 8 : 4)) ? 1 : 0,
                })
            .GroupBy(x => new { x.Year, x.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count(), Satisfied = g.Sum(x => x.Satisfied) }).ToListAsync(ct))
            .ToDictionary(p => (p.Year, p.Month));

        var keys = meetings.Keys.Concat(consultations.Keys).Concat(started.Keys).Concat(ended.Keys).Concat(pulse.Keys).ToList();
        var first = (program.StartDate.Year, program.StartDate.Month);
        var last = (asOf.Year, asOf.Month);
        if (keys.Count > 0)
        {
            // Data outside the program's period (a meeting logged late) still shows; the axis covers it.
            var min = keys.Min();
            var max = keys.Max();
            if (min.CompareTo(first) < 0) first = min;
            if (max.CompareTo(last) > 0) last = max;
        }
        var result = new List<DashboardMonth>();
        for (var (y, m) = first; (y, m).CompareTo(last) <= 0 && result.Count < 60; (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1))
        {
            var k = (y, m);
            var met = meetings.GetValueOrDefault(k);
            var pu = pulse.GetValueOrDefault(k);
            var answers = pu?.Count ?? 0;
            result.Add(new DashboardMonth(y, m, met?.Count ?? 0, met?.Minutes ?? 0, consultations.GetValueOrDefault(k), started.GetValueOrDefault(k),
                ended.GetValueOrDefault(k), answers,
                answers >= AppDbContext.MinAnonymousGroup ? Math.Round(100m * pu!.Satisfied / answers, 1) : null));
        }
        return result;
    }

    private static async Task<List<DirectionBalance>> BalanceAsync(AppDbContext db, int roundId, CancellationToken ct)
    {
        var offers = await db.Offers.Where(o => o.RoundId == roundId).GroupBy(o => o.Topic!.DirectionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var needs = await db.Needs.Where(n => n.RoundId == roundId).GroupBy(n => n.Topic!.DirectionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var directions = await db.Directions.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.Name, d.IsRetired }).ToListAsync(ct);
        return directions.Where(d => !d.IsRetired || offers.ContainsKey(d.Id) || needs.ContainsKey(d.Id))
            .Select(d => new DirectionBalance(d.Name, offers.GetValueOrDefault(d.Id), needs.GetValueOrDefault(d.Id))).ToList();
    }
}
