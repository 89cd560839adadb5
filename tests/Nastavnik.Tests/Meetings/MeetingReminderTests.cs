using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Notifications;
using Nastavnik.Web.Features.Notifications.Reminders;
using static Nastavnik.Tests.Meetings.MeetingCase;

namespace Nastavnik.Tests.Meetings;

/// <summary>The reminders of meetings through the reminder job on a controlled clock: a meeting tomorrow and feedback waiting.</summary>
public abstract class MeetingReminderTests(AppFixture app)
{
    private async Task RunAt(DateTimeOffset now) =>
        await new ReminderJob(app.Services.GetRequiredService<IServiceScopeFactory>(), new FakeTimeProvider(now), NullLogger<ReminderJob>.Instance).RunOnceAsync(default);

    private Task<List<(string Login, string Text, string? Link)>> Received(MeetingCase c, NotificationKind kind) => app.WithDb(async db =>
        (await db.Notifications.IgnoreQueryFilters().Where(n => n.SchoolId == c.School.Id && n.Kind == kind.Code)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { u.UserName, n.Text, n.Link, n.Id }).OrderBy(x => x.Id).ToListAsync())
        .Select(x => (x.UserName!, x.Text, x.Link)).ToList());

    [Fact]
    public async Task A_meeting_tomorrow_reminds_each_participant_once_and_again_when_it_is_moved()
    {
        var c = await SeedAsync(app);
        var planned = (await c.As(0, m => m.PlanAsync(c.Pair, false, Input(MeetingKind.Organizational, 7), default))).Value!;
        await RunAt(new DateTimeOffset(2026, 10, 5, 20, 0, 0, TimeSpan.Zero)); // 23:00 in Moscow on the 5th: two days ahead
        (await Received(c, NotificationKinds.MeetingTomorrow)).ShouldBeEmpty();

        await RunAt(new DateTimeOffset(2026, 10, 6, 6, 0, 0, TimeSpan.Zero));
        await RunAt(new DateTimeOffset(2026, 10, 6, 9, 0, 0, TimeSpan.Zero));
        var got = await Received(c, NotificationKinds.MeetingTomorrow);
        got.Select(n => n.Login).Order().ShouldBe([c.School.Teachers[0].Login, c.School.Teachers[1].Login]);
        got[0].Text.ShouldBe("Завтра, 07.10.2026, 15:00: организационная встреча, Кабинет 214.");
        got[0].Link.ShouldBe($"/Meetings/{planned.Id}");

        (await c.As(1, m => m.UpdateAsync(planned.Id, Input(MeetingKind.Organizational, 8, hour: 10), planned.Version, default))).Ok.ShouldBeTrue();
        await RunAt(new DateTimeOffset(2026, 10, 7, 9, 0, 0, TimeSpan.Zero));
        await RunAt(new DateTimeOffset(2026, 10, 7, 10, 0, 0, TimeSpan.Zero));
        var again = await Received(c, NotificationKinds.MeetingTomorrow);
        again.Count.ShouldBe(4);
        again.Skip(2).ShouldAllBe(n => n.Text == "Завтра, 08.10.2026, 10:00: организационная встреча, Кабинет 214.");
    }

    [Fact]
    public async Task Feedback_waiting_asks_a_day_after_a_held_meeting_once_and_not_who_already_gave_it()
    {
        var c = await SeedAsync(app);
        var held = await c.HeldOrganizationalAsync(); // 06.10.2026 at 12:00 UTC
        (await c.As(0, m => m.GiveFeedbackAsync(held.Id, 5, null, default))).Ok.ShouldBeTrue();
        await RunAt(new DateTimeOffset(2026, 10, 7, 11, 0, 0, TimeSpan.Zero));
        (await Received(c, NotificationKinds.FeedbackWaiting)).ShouldBeEmpty("less than a day after");

        await RunAt(new DateTimeOffset(2026, 10, 7, 12, 5, 0, TimeSpan.Zero));
        await RunAt(new DateTimeOffset(2026, 10, 9, 12, 0, 0, TimeSpan.Zero));
        var got = await Received(c, NotificationKinds.FeedbackWaiting);
        got.ShouldBe([(c.School.Teachers[1].Login, "Организационная встреча 06.10.2026, 15:00 состоялась: поставьте оценку от 1 до 5 и, если хотите, напишите комментарий.", $"/Meetings/{held.Id}")]);
    }
}

[Collection("sqlite")] public sealed class MeetingReminderTests_Sqlite(SqliteApp app) : MeetingReminderTests(app);
