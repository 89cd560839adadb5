using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Notifications;
using Nastavnik.Web.Features.Notifications.Reminders;

namespace Nastavnik.Tests.Plans;

/// <summary>
/// The plan's reminders through the reminder job with a controlled clock: a task due in two days and an overdue one reach the task's
/// owner once; the quarterly report is asked of both sides of each live pair from ten days before the quarter's end until it is written.
/// </summary>
[Collection("sqlite")]
public sealed class PlanReminderTests(SqliteApp app)
{
    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 12, 0, 0, TimeSpan.Zero);

    private (ReminderJob Job, FakeTimeProvider Clock) Job(DateTimeOffset now)
    {
        var clock = new FakeTimeProvider(now);
        return (new ReminderJob(app.Services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<ReminderJob>.Instance), clock);
    }

    private Task<List<(string Login, string Text)>> Received(TestSchool school, NotificationKind kind) => app.WithDb(async db =>
        (await db.Notifications.IgnoreQueryFilters().Where(n => n.SchoolId == school.Id && n.Kind == kind.Code)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { u.UserName, n.Text }).ToListAsync())
        .Select(x => (x.UserName!, x.Text)).OrderBy(x => x.Item1).ThenBy(x => x.Text).ToList());

    [Fact]
    public async Task A_task_due_in_two_days_and_then_overdue_is_told_to_its_owner_once_each()
    {
        var setup = await PlanSetup.ArrangeAsync(app);
        var t = setup.School.Teachers;
        await app.WithDb(async db =>
        {
            var plan = new DevelopmentPlan { SchoolId = setup.School.Id, ProgramId = setup.ProgramId, MenteeId = t[1].PersonId };
            db.DevelopmentPlans.Add(plan);
            await db.SaveChangesAsync();
            PlanTask Task(int pair, string title, PlanTaskOwner owner, PlanTaskStatus status = PlanTaskStatus.Planned) => new()
            {
                SchoolId = setup.School.Id, PlanId = plan.Id, PairId = pair, Title = title, Owner = owner, Status = status, DueOn = new(2026, 12, 12),
            };
            db.PlanTasks.AddRange(Task(setup.PairA, "Посетить урок", PlanTaskOwner.Mentee), Task(setup.PairA, "Разобрать урок", PlanTaskOwner.Mentor),
                Task(setup.PairA, "Уже сделано", PlanTaskOwner.Mentee, PlanTaskStatus.Done), Task(setup.PairC, "Задача завершённой пары", PlanTaskOwner.Mentee));
            return await db.SaveChangesAsync();
        });
        var (job, clock) = Job(At(12, 9));
        await job.RunOnceAsync(default);
        (await Received(setup.School, NotificationKinds.PlanTaskDue)).ShouldBeEmpty("three days before is too early");

        clock.SetUtcNow(At(12, 10));
        await job.RunOnceAsync(default);
        await job.RunOnceAsync(default);
        (await Received(setup.School, NotificationKinds.PlanTaskDue)).ShouldBe(new List<(string, string)>
        {
            (t[0].Login, "«Разобрать урок»: срок 12.12.2026."), (t[1].Login, "«Посетить урок»: срок 12.12.2026."),
        }.OrderBy(x => x.Item1).ToList());

        clock.SetUtcNow(At(12, 13));
        await job.RunOnceAsync(default);
        await job.RunOnceAsync(default);
        var overdue = await Received(setup.School, NotificationKinds.PlanTaskOverdue);
        overdue.Select(x => x.Login).Order().ShouldBe(new[] { t[0].Login, t[1].Login }.Order());
        overdue.ShouldContain((t[1].Login, "«Посетить урок»: срок был 12.12.2026. Отметьте, что сделано, или перенесите срок вместе с коллегой."));
    }

    [Fact]
    public async Task The_quarterly_report_is_asked_of_both_sides_of_each_live_pair_from_ten_days_before_the_quarters_end_until_written()
    {
        var setup = await PlanSetup.ArrangeAsync(app);
        var t = setup.School.Teachers;
        await app.WithDb(async db =>
        {
            db.PairReports.Add(new PairReport { SchoolId = setup.School.Id, PairId = setup.PairB, Year = 2026, Quarter = 4, Done = "Сделано", Changed = "Изменилось", SubmittedBy = "t" });
            return await db.SaveChangesAsync();
        });
        var (job, clock) = Job(At(12, 21));
        await job.RunOnceAsync(default);
        (await Received(setup.School, NotificationKinds.PairReportDue)).ShouldBeEmpty("eleven days before the quarter's end is too early");

        clock.SetUtcNow(At(12, 22));
        await job.RunOnceAsync(default);
        await job.RunOnceAsync(default);
        var got = await Received(setup.School, NotificationKinds.PairReportDue);
        // Pair A only: pair B has written its report, pair C ended early.
        got.ShouldBe(new List<(string, string)>
        {
            (t[0].Login, $"Работа с коллегой ({t[1].FullName}): напишите квартальный отчёт о достижениях за IV квартал 2026 года до 31.12.2026."),
            (t[1].Login, $"Работа с коллегой ({t[0].FullName}): напишите квартальный отчёт о достижениях за IV квартал 2026 года до 31.12.2026."),
        }.OrderBy(x => x.Item1).ToList());
    }
}
