using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Notifications.Reminders;

/// <summary>
/// A task of a live pair's plan (planned or in progress) is due in two days: its owner (the pair's mentor or mentee) is told once per
/// deadline. The task's title is the pair's own words, and only the pair hears it.
/// </summary>
public sealed class PlanTaskDueReminder : IReminder
{
    public const string KeyPrefix = "plan-task-due:";
    public NotificationKind Kind => NotificationKinds.PlanTaskDue;

    public async Task<IReadOnlyList<NewNotification>> DueAsync(AppDbContext db, DateTime utcNow, CancellationToken ct)
    {
        var today = ReminderSetup.Today(db, utcNow);
        var tasks = await PlanTaskOwners.OpenTasksAsync(db, t => t.DueOn > today && t.DueOn <= today.AddDays(2), ct);
        return tasks.Select(t => new NewNotification(t.SchoolId, t.UserId, Kind, "Скоро срок задачи плана",
            $"{RussianText.Quote(t.Title)}: срок {RussianText.Date(t.Due)}.", $"/Plans/{t.PlanId}", DedupKey: PlanTaskOwners.Key(KeyPrefix, t))).ToList();
    }
}

/// <summary>A task of a live pair's plan is overdue (within <see cref="ReminderSetup.CatchUpDays"/>): its owner is told once per deadline.</summary>
public sealed class PlanTaskOverdueReminder : IReminder
{
    public const string KeyPrefix = "plan-task-overdue:";
    public NotificationKind Kind => NotificationKinds.PlanTaskOverdue;

    public async Task<IReadOnlyList<NewNotification>> DueAsync(AppDbContext db, DateTime utcNow, CancellationToken ct)
    {
        var today = ReminderSetup.Today(db, utcNow);
        var since = today.AddDays(-ReminderSetup.CatchUpDays);
        var tasks = await PlanTaskOwners.OpenTasksAsync(db, t => t.DueOn < today && t.DueOn >= since, ct);
        return tasks.Select(t => new NewNotification(t.SchoolId, t.UserId, Kind, "Просрочена задача плана",
            $"{RussianText.Quote(t.Title)}: срок был {RussianText.Date(t.Due)}. Отметьте, что сделано, или перенесите срок вместе с коллегой.",
            $"/Plans/{t.PlanId}", DedupKey: PlanTaskOwners.Key(KeyPrefix, t))).ToList();
    }
}

/// <summary>The open tasks of live pairs with the account of each task's owner.</summary>
internal static class PlanTaskOwners
{
    public sealed record OwnedTask(int Id, int SchoolId, int PlanId, string Title, DateOnly Due, string UserId);

    public static Task<List<OwnedTask>> OpenTasksAsync(AppDbContext db, System.Linq.Expressions.Expression<Func<PlanTask, bool>> when, CancellationToken ct) => (
            from t in db.PlanTasks.Where(when)
            where t.DueOn != null && (t.Status == PlanTaskStatus.Planned || t.Status == PlanTaskStatus.InProgress)
            join p in db.MentoringPairs on t.PairId equals p.Id
            where p.Status == PairStatus.Approved || p.Status == PairStatus.Active
            from u in db.Users
            where u.SchoolId == t.SchoolId && u.PersonId == (t.Owner == PlanTaskOwner.Mentor ? p.MentorId : p.MenteeId)
            select new OwnedTask(t.Id, t.SchoolId, t.PlanId, t.Title, t.DueOn!.Value, u.Id))
        .ToListAsync(ct);

    public static string Key(string prefix, OwnedTask t) =>
        prefix + t.Id.ToString(CultureInfo.InvariantCulture) + ":" + t.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
