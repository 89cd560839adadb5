using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Notifications;

/// <summary>
/// A background job that the job runner starts every <see cref="Interval"/>, on one node at a time (under a
/// <see cref="JobLease"/> named <see cref="Name"/>). It must be safe to run again after a node died in the middle of it.
/// </summary>
public interface IScheduledJob
{
    string Name { get; }
    TimeSpan Interval { get; }
    Task RunAsync(CancellationToken ct);
}

/// <summary>
/// A reminder of the cycle: finds, at a moment, the notifications that are due (each with a dedup key, so the
/// <see cref="Notifier"/> creates each once). The reminder job runs every registered reminder.
/// </summary>
public interface IReminder
{
    NotificationKind Kind { get; }
    Task<IReadOnlyList<NewNotification>> DueAsync(AppDbContext db, DateTime utcNow, CancellationToken ct);
}

/// <summary>Leases of named jobs, taken by a conditional update so that only one node holds a job's lease at a time.</summary>
public static class JobLeases
{
    /// <summary>Takes the lease of <paramref name="name"/> for <paramref name="holder"/> until now + <paramref name="duration"/>
    /// when it is free, expired or already this holder's (false when another node holds it), and, given
    /// <paramref name="lastRunBefore"/>, only when the job last ran before it (it is due): the check is part of the same
    /// conditional update, so of two nodes that both saw the job due only one runs it.</summary>
    public static async Task<bool> TryTakeAsync(AppDbContext db, string name, string holder, TimeSpan duration, DateTime? lastRunBefore, CancellationToken ct)
    {
        var now = db.Clock.UtcTime();
        if (!await db.JobLeases.AnyAsync(l => l.Name == name, ct))
        {
            db.JobLeases.Add(new JobLease { Name = name, Until = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { db.ChangeTracker.Clear(); } // another node created it first
        }
        var until = now + duration;
        var taken = await db.JobLeases
            .Where(l => l.Name == name && (l.Holder == null || l.Holder == holder || l.Until < now))
            .Where(l => lastRunBefore == null || l.LastRunAt == null || l.LastRunAt <= lastRunBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.Until, until), ct);
        return taken == 1;
    }

    /// <summary>Gives the lease back after a run and records when the run ended.</summary>
    public static Task ReleaseAsync(AppDbContext db, string name, string holder, CancellationToken ct)
    {
        var now = db.Clock.UtcTime();
        return db.JobLeases.Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.Until, now).SetProperty(l => l.LastRunAt, now), ct);
    }
}
