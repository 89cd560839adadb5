using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Notifications.Reminders;

/// <summary>
/// The reminder job: every <see cref="Interval"/> (run by the job runner under its lease) it asks each registered
/// <see cref="IReminder"/> what is due now and hands it to the <see cref="Notifier"/>, which creates each notification once
/// (dedup keys). It works as system work over every school: each reminder keeps a school's people to that school's records.
/// </summary>
public sealed partial class ReminderJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReminderJob> log) : IScheduledJob
{
    public string Name => "reminders";
    public TimeSpan Interval => TimeSpan.FromMinutes(5);

    public Task RunAsync(CancellationToken ct) => RunOnceAsync(ct);

    /// <summary>
    /// One pass over every reminder; returns how many notifications were created. <paramref name="report"/> hears, per reminder,
    /// its kind, how many it created and how long it took (the command line prints it).
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken ct, Action<NotificationKind, int, TimeSpan>? report = null)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentSchool>().Use(null);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var now = clock.UtcTime();
        var created = 0;
        foreach (var reminder in scope.ServiceProvider.GetServices<IReminder>())
        {
            var started = clock.GetTimestamp();
            try
            {
                var added = await notifier.NotifyAsync(await reminder.DueAsync(db, now, ct), ct);
                created += added;
                report?.Invoke(reminder.Kind, added, clock.GetElapsedTime(started));
            }
            catch (DbUpdateException e)
            {
                // Another node created some of the same notifications (its lease expired mid-run): the next run picks up the rest.
                db.ChangeTracker.Clear();
                Failed(log, reminder.Kind.Code, e);
            }
        }
        return created;
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Reminder {Kind} could not save its notifications; the next run retries")]
    private static partial void Failed(ILogger logger, string kind, Exception error);
}

/// <summary>What the reminders share: the school's today, how far back they catch up, and their registration.</summary>
public static class ReminderSetup
{
    /// <summary>
    /// A reminder of something that happened (pairs approved, an event overdue) is sent while it is news: within this many days,
    /// so that a job that was stopped catches up, and a first start does not send reminders of last year.
    /// </summary>
    public const int CatchUpDays = 30;

    /// <summary>The date where the school is (the server's time zone, as <c>Clock.Today</c>) at <paramref name="utcNow"/>.</summary>
    public static DateOnly Today(AppDbContext db, DateTime utcNow) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), db.Clock.LocalTimeZone));

    /// <summary>The reminders of the cycle and the job that runs them; the next issues add their reminders here.</summary>
    public static IServiceCollection AddNastavnikReminders(this IServiceCollection services)
    {
        services.AddSingleton<IReminder, RoundOpenedReminder>();
        services.AddSingleton<IReminder, RoundDeadlineReminder>();
        services.AddSingleton<IReminder, ChoiceStageOpenedReminder>();
        services.AddSingleton<IReminder, ChoiceStageClosingReminder>();
        services.AddSingleton<IReminder, PairsApprovedReminder>();
        services.AddSingleton<IReminder, RoadmapOverdueReminder>();
        services.AddSingleton<IReminder, PlanTaskDueReminder>();
        services.AddSingleton<IReminder, PlanTaskOverdueReminder>();
        services.AddSingleton<IReminder, PairReportReminder>();
        services.AddSingleton<IReminder, MeetingTomorrowReminder>();
        services.AddSingleton<IReminder, FeedbackWaitingReminder>();
        services.AddSingleton<IReminder, PairStalledReminder>();
        services.AddSingleton<IReminder, SurveyDueReminder>();
        services.AddSingleton<ReminderJob>();
        services.AddSingleton<IScheduledJob>(sp => sp.GetRequiredService<ReminderJob>());
        return services;
    }
}
