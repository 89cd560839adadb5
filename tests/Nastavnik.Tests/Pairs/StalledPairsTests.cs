using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Notifications;
using Nastavnik.Web.Features.Notifications.Reminders;
using Nastavnik.Web.Features.Pairs;

namespace Nastavnik.Tests.Pairs;

/// <summary>
/// The stalled-pair rule on hand-built pairs with a controlled clock, as the curator's board shows it and as the «пара остановилась»
/// reminder tells it: quiet 21 days (or never met 21 days after approval), overdue tasks, the latest feedback below 3.
/// </summary>
public abstract class StalledPairsTests(AppFixture app)
{
    private static readonly DateTime Now = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 11, 20);

    private sealed record World(TestSchool School, int ProgramId, Dictionary<string, int> Pairs);

    /// <summary>Seven pairs of one program, each in one situation the rule must tell apart.</summary>
    private async Task<World> BuildAsync()
    {
        var school = await app.NewSchoolAsync(teachers: 8);
        var (programId, _) = await school.OpenRoundAsync(withRound: false);
        var topics = (await school.TopicIdsAsync()).Values.Order().ToList();
        var t = school.Teachers;
        var pairs = new Dictionary<string, int>();
        await app.WithDb(async db =>
        {
            MentoringPair Pair(string name, int mentor, int mentee, int topic, int approvedDaysAgo, PairStatus status = PairStatus.Active)
            {
                var p = new MentoringPair
                {
                    SchoolId = school.Id, ProgramId = programId, MentorId = t[mentor].PersonId, MenteeId = t[mentee].PersonId, TopicId = topics[topic],
                    ApprovedAt = Now.AddDays(-approvedDaysAgo), ApprovedBy = "curator", Status = status,
                };
                db.MentoringPairs.Add(p);
                return p;
            }
            var neverMet = Pair("neverMet", 0, 1, 0, 30, PairStatus.Approved);
            var fresh = Pair("fresh", 0, 2, 0, 10, PairStatus.Approved);
            var quiet = Pair("quiet", 3, 4, 1, 90);
            var overdue = Pair("overdue", 3, 5, 1, 90);
            var liked = Pair("liked", 6, 7, 2, 90);
            var disliked = Pair("disliked", 6, 5, 3, 90);
            var ended = Pair("ended", 6, 1, 4, 90, PairStatus.Completed);
            await db.SaveChangesAsync();
            foreach (var (name, p) in new[] { ("neverMet", neverMet), ("fresh", fresh), ("quiet", quiet), ("overdue", overdue), ("liked", liked), ("disliked", disliked), ("ended", ended) })
                pairs[name] = p.Id;

            Meeting Meet(MentoringPair p, int daysAgo, MeetingStatus status, int minutes = 60)
            {
                var m = new Meeting { SchoolId = school.Id, ProgramId = programId, MentorId = p.MentorId, StartsAt = Now.AddDays(-daysAgo), DurationMinutes = minutes, Status = status, CreatedBy = "t" };
                db.Meetings.Add(m);
                db.SaveChanges();
                db.MeetingParticipants.Add(new MeetingParticipant { SchoolId = school.Id, MeetingId = m.Id, PersonId = p.MentorId });
                db.MeetingParticipants.Add(new MeetingParticipant { SchoolId = school.Id, MeetingId = m.Id, PersonId = p.MenteeId, PairId = p.Id, Attended = status == MeetingStatus.Held });
                return m;
            }
            Meet(quiet, 25, MeetingStatus.Held, 90);
            Meet(quiet, 3, MeetingStatus.NotHeld); // a meeting that did not take place does not count
            Meet(quiet, -2, MeetingStatus.Planned);
            Meet(overdue, 5, MeetingStatus.Held, 45);
            var likedMeeting = Meet(liked, 10, MeetingStatus.Held);
            var dislikedMeeting = Meet(disliked, 4, MeetingStatus.Held, 30);
            db.MeetingFeedback.Add(new MeetingFeedback { SchoolId = school.Id, MeetingId = likedMeeting.Id, AuthorId = liked.MenteeId, Rating = 2, At = Now.AddDays(-10) });
            db.MeetingFeedback.Add(new MeetingFeedback { SchoolId = school.Id, MeetingId = likedMeeting.Id, AuthorId = liked.MentorId, Rating = 4, At = Now.AddDays(-9) });
            db.MeetingFeedback.Add(new MeetingFeedback { SchoolId = school.Id, MeetingId = dislikedMeeting.Id, AuthorId = disliked.MenteeId, Rating = 2, At = Now.AddDays(-4) });

            var plan = new DevelopmentPlan { SchoolId = school.Id, ProgramId = programId, MenteeId = overdue.MenteeId, CreatedAt = Now };
            db.DevelopmentPlans.Add(plan);
            await db.SaveChangesAsync();
            db.PlanTasks.Add(new PlanTask { SchoolId = school.Id, PlanId = plan.Id, PairId = overdue.Id, Title = "Просроченная", DueOn = Today.AddDays(-1), Status = PlanTaskStatus.InProgress });
            db.PlanTasks.Add(new PlanTask { SchoolId = school.Id, PlanId = plan.Id, PairId = overdue.Id, Title = "Выполненная", DueOn = Today.AddDays(-9), Status = PlanTaskStatus.Done });
            db.PlanTasks.Add(new PlanTask { SchoolId = school.Id, PlanId = plan.Id, PairId = disliked.Id, Title = "Сегодня", DueOn = Today, Status = PlanTaskStatus.Planned });
            db.Consultations.Add(new Consultation { SchoolId = school.Id, RequesterId = t[2].PersonId, ConsultantId = t[3].PersonId, Question = "Как?", RequestedAt = Now, Status = ConsultationStatus.Held, HeldOn = Today.AddDays(-2), DurationMinutes = 45 });
            return await db.SaveChangesAsync();
        });
        return new World(school, programId, pairs);
    }

    [Fact]
    public async Task The_rule_finds_the_quiet_the_never_met_the_overdue_and_the_disliked_pairs_and_says_why()
    {
        var w = await BuildAsync();

        var found = await app.WithDb(db => StalledPairs.Query(db, Now, Today).Where(s => s.ProgramId == w.ProgramId).ToListAsync());

        found.ToDictionary(s => s.PairId, s => StalledPairs.Why(s, Now)).ShouldBe(new Dictionary<int, string>
        {
            [w.Pairs["neverMet"]] = "ни одной встречи за 30 дней после утверждения",
            [w.Pairs["quiet"]] = "нет встреч 25 дней",
            [w.Pairs["overdue"]] = "просрочено задач ИОМ: 1",
            [w.Pairs["disliked"]] = "последняя оценка встречи: 2",
        }, ignoreOrder: true);

        // Twelve days on, the fresh pair has gone 21 days without a meeting too.
        var later = await app.WithDb(db => StalledPairs.Query(db, Now.AddDays(12), Today.AddDays(12)).Where(s => s.ProgramId == w.ProgramId).Select(s => s.PairId).ToListAsync());
        later.ShouldContain(w.Pairs["fresh"]);
        later.ShouldNotContain(w.Pairs["ended"]);
    }

    [Fact]
    public async Task The_board_counts_pairs_by_status_lists_the_stalled_with_links_and_sums_the_hours()
    {
        var w = await BuildAsync();

        var board = await app.WithDb(db => BoardQuery.LoadAsync(db, w.ProgramId, Now, Today, default));

        board.ShouldNotBeNull();
        (board.ByStatus[PairStatus.Approved], board.ByStatus[PairStatus.Active], board.ByStatus[PairStatus.Completed]).ShouldBe((2, 4, 1));
        board.Stalled.ShouldBe(4);
        board.StalledRows.Select(r => r.PairId).Take(2).ShouldBe([w.Pairs["neverMet"], w.Pairs["quiet"]]); // the longest quiet first
        // Held meetings only: 90 (October) + 45 + 60 + 30 (November); the consultation of November 45.
        board.Months.Select(m => (m.Month, m.MeetingMinutes, m.ConsultationMinutes)).ShouldBe([(10, 90, 0), (11, 135, 45)]);
        BoardQuery.Hours(board.TotalMinutes).ShouldBe("4,5 ч");

        var curator = await app.LoginAsync(w.School.Curator, TestSchool.Password);
        var html = await curator.GetStringAsync($"/Pairs/Board?program={w.ProgramId}");
        html.ShouldContain($"href=\"/Pairs/{w.Pairs["quiet"]}\"");
        html.ShouldContain("нет встреч "); // the page counts the days from the real today
        var teacher = await app.LoginAsync(w.School.Teachers[0].Login, TestSchool.Password);
        (await teacher.GetAsync($"/Pairs/Board?program={w.ProgramId}")).StatusCode.ShouldBe(HttpStatusCode.Redirect); // access denied
    }

    [Fact]
    public async Task The_curator_is_told_once_per_stall_and_again_after_the_pair_met_and_stalled_anew()
    {
        var w = await BuildAsync();
        var clock = new FakeTimeProvider(Now);
        var job = new ReminderJob(app.Services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<ReminderJob>.Instance);

        await job.RunOnceAsync(default);
        await job.RunOnceAsync(default);

        var got = await Told(w.School);
        got.Select(n => n.Link).Order().ShouldBe(new[] { "neverMet", "quiet", "overdue", "disliked" }.Select(k => $"/Pairs/{w.Pairs[k]}").Order());
        got.Single(n => n.Link == $"/Pairs/{w.Pairs["quiet"]}").Text.ShouldBe(
            $"Пара {w.School.Teachers[3].FullName} — {w.School.Teachers[4].FullName}: нет встреч 25 дней.");
        got.ShouldAllBe(n => n.UserName == w.School.Curator);

        // The quiet pair meets, then goes quiet again for 21 days: a new stall, told again.
        await app.WithDb(async db =>
        {
            var m = new Meeting { SchoolId = w.School.Id, ProgramId = w.ProgramId, MentorId = w.School.Teachers[3].PersonId, StartsAt = Now.AddDays(1), DurationMinutes = 60, Status = MeetingStatus.Held, CreatedBy = "t" };
            db.Meetings.Add(m);
            await db.SaveChangesAsync();
            db.MeetingParticipants.Add(new MeetingParticipant { SchoolId = w.School.Id, MeetingId = m.Id, PersonId = w.School.Teachers[4].PersonId, PairId = w.Pairs["quiet"] });
            return await db.SaveChangesAsync();
        });
        clock.SetUtcNow(Now.AddDays(10));
        await job.RunOnceAsync(default);
        (await Told(w.School)).Count(n => n.Link == $"/Pairs/{w.Pairs["quiet"]}").ShouldBe(1);
        clock.SetUtcNow(Now.AddDays(23));
        await job.RunOnceAsync(default);
        (await Told(w.School)).Count(n => n.Link == $"/Pairs/{w.Pairs["quiet"]}").ShouldBe(2);
    }

    private sealed record ToldRow(string UserName, string Text, string? Link);

    private Task<List<ToldRow>> Told(TestSchool school) => app.WithDb(db => db.Notifications.IgnoreQueryFilters()
        .Where(n => n.SchoolId == school.Id && n.Kind == NotificationKinds.PairStalled.Code)
        .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new ToldRow(u.UserName!, n.Text, n.Link)).ToListAsync());
}

[Collection("sqlite")] public sealed class StalledPairsTests_Sqlite(SqliteApp app) : StalledPairsTests(app);
[Collection("postgres")] public sealed class StalledPairsTests_Postgres(PostgresApp app) : StalledPairsTests(app);
