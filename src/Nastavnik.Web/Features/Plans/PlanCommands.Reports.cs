using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Plans;

public sealed partial class PlanCommands
{
    /// <summary>The quarter a report written today is for.</summary>
    public (int Year, int Quarter) CurrentQuarter() => PlanLabels.QuarterOf(db.Clock.Today());

    /// <summary>
    /// Writes the pair's report for the current quarter (one per pair and quarter), by either side of the pair; the plan's progress (the
    /// pair's tasks done of those not dropped) is filled in at each save. <paramref name="expectedVersion"/> is the version the writer
    /// started from (0 for a new report; a report starts at version 1).
    /// </summary>
    public async Task<CommandResult<PairReport>> SaveReportAsync(int pairId, PairReportInput input, int expectedVersion, CancellationToken ct)
    {
        if (InputRules.Check(input, db.Clock, "Отчёт не сохранён.") is { } invalid) return invalid;
        var pair = await db.MentoringPairs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pairId, ct);
        if (pair is null) return CommandError.NotFound(PairNotFound);
        var me = db.School.PersonId;
        if (pair.MentorId != me && pair.MenteeId != me) return CommandError.Forbidden("Квартальный отчёт пишут наставник и наставляемый пары.");
        if (pair.Status == PairStatus.EndedEarly) return CommandError.Conflict(PairEnded);

        var (year, quarter) = CurrentQuarter();
        var pairTasks = db.PlanTasks.Where(t => t.PairId == pairId && t.Status != PlanTaskStatus.Dropped);
        var total = await pairTasks.CountAsync(ct);
        var done = await pairTasks.CountAsync(t => t.Status == PlanTaskStatus.Done, ct);
        var report = await db.PairReports.FirstOrDefaultAsync(r => r.PairId == pairId && r.Year == year && r.Quarter == quarter, ct);
        if (report is null)
        {
            if (expectedVersion != 0) return StaleReport;
            report = new PairReport { PairId = pairId, Year = year, Quarter = quarter, Done = "", Changed = "", SubmittedBy = "", Version = 1 };
            db.PairReports.Add(report);
        }
        else db.Entry(report).Property(r => r.Version).OriginalValue = expectedVersion;
        report.Done = input.Done.Replace("\r\n", "\n").Trim();
        report.Changed = input.Changed.Replace("\r\n", "\n").Trim();
        report.TasksDone = done;
        report.TasksTotal = total;
        report.SubmittedAt = db.Clock.UtcTime();
        report.SubmittedBy = db.School.UserName;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return StaleReport; }
        catch (DbUpdateException) when (report.Id == 0 || db.Entry(report).State == EntityState.Added)
        {
            // The other side of the pair submitted the quarter's first report at the same moment (the unique index).
            return StaleReport;
        }
        return report;
    }

    private static CommandError StaleReport => new(ErrorKind.Stale,
        "Пока вы писали отчёт, его сохранил другой участник пары.", ["Ваш текст не сохранён, он остался в форме: сверьте его с сохранённым и сохраните ещё раз."]);

}
