using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Notifications;
using Nastavnik.Web.Features.Notifications.Reminders;

namespace Nastavnik.Tests.Notifications;

/// <summary>
/// Each reminder of the cycle, through the reminder job with the reminders registered in DI and a controlled clock: it reaches the
/// right accounts and nobody else, not before its moment, once however often the job runs, and never another school's people.
/// Noon UTC keeps the school's date the same in any server time zone.
/// </summary>
public abstract class ReminderTests(AppFixture app)
{
    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 12, 0, 0, TimeSpan.Zero);

    private (ReminderJob Job, FakeTimeProvider Clock) Job(DateTimeOffset now)
    {
        var clock = new FakeTimeProvider(now);
        return (new ReminderJob(app.Services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<ReminderJob>.Instance), clock);
    }

    /// <summary>The school's notifications of one kind: login → texts.</summary>
    private Task<Dictionary<string, List<Notification>>> Received(TestSchool school, NotificationKind kind) => app.WithDb(async db =>
    {
        var rows = await db.Notifications.IgnoreQueryFilters().Where(n => n.SchoolId == school.Id && n.Kind == kind.Code)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { u.UserName, n }).ToListAsync();
        return rows.GroupBy(r => r.UserName!).ToDictionary(g => g.Key, g => g.Select(r => r.n).ToList());
    });

    private static string[] Logins(TestSchool school, params int[] teachers) => teachers.Select(i => school.Teachers[i].Login).Order().ToArray();

    [Fact]
    public async Task A_round_opened_tells_everyone_asked_once_and_no_one_else()
    {
        var school = await app.NewSchoolAsync(teachers: 4, withoutConsent: 1);
        var other = await app.NewSchoolAsync(teachers: 2);
        await other.OpenRoundAsync(withRound: false);
        var (_, roundId) = await school.OpenRoundAsync();
        var (job, _) = Job(At(9, 10));

        await job.RunOnceAsync(default);
        await job.RunOnceAsync(default);

        var got = await Received(school, NotificationKinds.RoundOpened);
        got.Keys.Order().ShouldBe(Logins(school, 0, 1, 2)); // not the teacher without consent, nor the accounts without a card
        got.Values.ShouldAllBe(list => list.Count == 1);
        var n = got[school.Teachers[0].Login][0];
        (n.Title, n.Text, n.Link, n.DedupKey).ShouldBe(("Открыт тур диагностики",
            "Тур «Диагностика, сентябрь 2026»: заполните самооценку до 30.09.2026.", "/Diagnostics/Answer", $"round-opened:{roundId}"));
        (await Received(other, NotificationKinds.RoundOpened)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Three_days_before_the_deadline_those_who_have_not_sent_answers_are_reminded_once()
    {
        var school = await app.NewSchoolAsync(teachers: 4, withoutConsent: 1);
        var (_, roundId) = await school.OpenRoundAsync();
        await app.WithDb(async db =>
        {
            db.RoundResponses.Add(new RoundResponse { SchoolId = school.Id, RoundId = roundId, PersonId = school.Teachers[0].PersonId, SubmittedAt = DateTime.UtcNow, UpdatedBy = "t" });
            db.RoundResponses.Add(new RoundResponse { SchoolId = school.Id, RoundId = roundId, PersonId = school.Teachers[1].PersonId, UpdatedBy = "t" }); // a draft
            return await db.SaveChangesAsync();
        });
        var (job, clock) = Job(At(9, 26));
        await job.RunOnceAsync(default);
        (await Received(school, NotificationKinds.RoundDeadline)).ShouldBeEmpty("four days before the deadline is too early");

        clock.SetUtcNow(At(9, 27));
        await job.RunOnceAsync(default);
        clock.SetUtcNow(At(9, 29));
        await job.RunOnceAsync(default);

        var got = await Received(school, NotificationKinds.RoundDeadline);
        got.Keys.Order().ShouldBe(Logins(school, 1, 2)); // the draft is not an answer; the sent sheet is
        got.Values.ShouldAllBe(list => list.Count == 1);
        got[school.Teachers[1].Login][0].Text.ShouldBe("Тур «Диагностика, сентябрь 2026» закрывается 30.09.2026, а ваши ответы ещё не отправлены.");
    }

    [Fact]
    public async Task The_choice_stage_tells_the_mentees_when_it_opens_and_those_who_have_not_chosen_before_it_closes()
    {
        var school = await app.NewSchoolAsync(teachers: 4);
        var (programId, roundId) = await school.OpenRoundAsync();
        var topics = await school.TopicIdsAsync();
        var topic = topics.Values.First();
        await app.WithDb(async db =>
        {
            foreach (var i in new[] { 0, 1 })
                db.Needs.Add(new Need { SchoolId = school.Id, RoundId = roundId, PersonId = school.Teachers[i].PersonId, TopicId = topic, Priority = 3, Comment = "секретный дефицит" });
            db.ChoiceStages.Add(new ChoiceStage { SchoolId = school.Id, ProgramId = programId, RoundId = roundId, Deadline = new(2026, 10, 10), OpenedBy = "curator" });
            return await db.SaveChangesAsync();
        });
        var (job, clock) = Job(At(10, 1));
        await job.RunOnceAsync(default);
        await job.RunOnceAsync(default);

        var opened = await Received(school, NotificationKinds.ChoiceStageOpened);
        opened.Keys.Order().ShouldBe(Logins(school, 0, 1)); // teachers 2 and 3 have no need: nothing to choose
        opened.Values.ShouldAllBe(list => list.Count == 1);
        opened[school.Teachers[0].Login][0].Text.ShouldBe("Выберите наставников по своим темам до 10.10.2026.");
        opened[school.Teachers[0].Login][0].Link.ShouldBe("/Matching/ChoiceStage/Answer");
        (await Received(school, NotificationKinds.ChoiceStageClosing)).ShouldBeEmpty("the stage closes in nine days");

        await app.WithDb(async db =>
        {
            db.Choices.Add(new Choice { SchoolId = school.Id, RoundId = roundId, MenteeId = school.Teachers[0].PersonId, TopicId = topic, MentorId = school.Teachers[2].PersonId, Rank = 1, UpdatedBy = "t" });
            return await db.SaveChangesAsync();
        });
        clock.SetUtcNow(At(10, 7));
        await job.RunOnceAsync(default);
        (await Received(school, NotificationKinds.ChoiceStageClosing)).ShouldBeEmpty("three days before the deadline is too early");
        clock.SetUtcNow(At(10, 8));
        await job.RunOnceAsync(default);
        await job.RunOnceAsync(default);

        var closing = await Received(school, NotificationKinds.ChoiceStageClosing);
        closing.Keys.ShouldBe([school.Teachers[1].Login]); // teacher 0 has chosen
        closing[school.Teachers[1].Login].Count.ShouldBe(1);
        closing[school.Teachers[1].Login][0].Text.ShouldBe("Выбор наставников открыт до 10.10.2026, а вы ещё никого не выбрали.");
    }

    [Fact]
    public async Task Approved_pairs_tell_both_sides_the_colleague_and_the_contacts_they_opened_but_never_the_topic()
    {
        var school = await app.NewSchoolAsync(teachers: 3);
        var (programId, _) = await school.OpenRoundAsync(withRound: false);
        var topicId = (await school.TopicIdsAsync()).Values.First();
        var topicName = await app.WithDb(db => db.Topics.Where(t => t.Id == topicId).Select(t => t.Name).SingleAsync());
        var mentor = school.Teachers[0];
        var mentee = school.Teachers[1];
        await app.WithDb(async db =>
        {
            db.MentoringPairs.Add(new MentoringPair { SchoolId = school.Id, ProgramId = programId, MentorId = mentor.PersonId, MenteeId = mentee.PersonId, TopicId = topicId, ApprovedAt = At(9, 9).UtcDateTime, ApprovedBy = "curator" });
            db.PortfolioContacts.Add(new PortfolioContact { SchoolId = school.Id, PersonId = mentor.PersonId, Kind = ContactKind.Email, Value = "elkina@school.example", Visibility = ContactVisibility.School });
            db.PortfolioContacts.Add(new PortfolioContact { SchoolId = school.Id, PersonId = mentor.PersonId, Kind = ContactKind.Phone, Value = "+7 900 000-00-00", Visibility = ContactVisibility.Administration });
            return await db.SaveChangesAsync();
        });
        var (job, _) = Job(At(9, 10));
        await job.RunOnceAsync(default);
        await job.RunOnceAsync(default);

        var got = await Received(school, NotificationKinds.PairsApproved);
        got.Keys.Order().ShouldBe(Logins(school, 0, 1));
        got.Values.ShouldAllBe(list => list.Count == 1);
        got[mentee.Login][0].Text.ShouldBe($"Ваш наставник — {mentor.FullName}. Контакты: электронная почта: elkina@school.example.");
        got[mentor.Login][0].Text.ShouldBe("Вы — наставник педагога Петрова Петра Ильича. Контакты — на главной странице или у куратора программы.");
        got.Values.SelectMany(l => l).ShouldAllBe(n => !n.Text.Contains(topicName) && !n.Text.Contains("+7 900") && n.Link == "/");
    }

    [Fact]
    public async Task An_overdue_roadmap_event_tells_the_responsible_person_and_the_programs_curators_once()
    {
        var school = await app.NewSchoolAsync(teachers: 4);
        var (programId, _) = await school.OpenRoundAsync(withRound: false);
        await app.WithDb(async db =>
        {
            var stage = new RoadmapStage { SchoolId = school.Id, ProgramId = programId, Title = "Подготовительный" };
            db.RoadmapStages.Add(stage);
            db.ProgramCurators.Add(new ProgramCurator { SchoolId = school.Id, ProgramId = programId, PersonId = school.Teachers[2].PersonId });
            await db.SaveChangesAsync();
            db.RoadmapEvents.Add(new RoadmapEvent { SchoolId = school.Id, ProgramId = programId, StageId = stage.Id, Title = "Педсовет о наставничестве", DueDate = new(2026, 9, 12), ResponsiblePersonId = school.Teachers[0].PersonId });
            db.RoadmapEvents.Add(new RoadmapEvent { SchoolId = school.Id, ProgramId = programId, StageId = stage.Id, Title = "Приказ о программе", DueDate = new(2026, 9, 1), Status = EventStatus.Done, ResponsiblePersonId = school.Teachers[1].PersonId });
            return await db.SaveChangesAsync();
        });
        var (job, clock) = Job(At(9, 12));
        await job.RunOnceAsync(default);
        (await Received(school, NotificationKinds.RoadmapOverdue)).ShouldBeEmpty("the event is due today, not yet overdue");

        clock.SetUtcNow(At(9, 13));
        await job.RunOnceAsync(default);
        await job.RunOnceAsync(default);

        var got = await Received(school, NotificationKinds.RoadmapOverdue);
        got.Keys.Order().ShouldBe(Logins(school, 0, 2)); // the responsible and the program's curator; the done event tells nobody
        got.Values.ShouldAllBe(list => list.Count == 1);
        var n = got[school.Teachers[0].Login][0];
        n.Text.ShouldBe("«Педсовет о наставничестве»: срок 12.09.2026, мероприятие не отмечено выполненным. Программа «Программа наставничества 2026/2027».");
        n.Link.ShouldBe($"/Programs/Roadmap?id={programId}");
    }
}

[Collection("sqlite")] public sealed class ReminderTests_Sqlite(SqliteApp app) : ReminderTests(app);
[Collection("postgres")] public sealed class ReminderTests_Postgres(PostgresApp app) : ReminderTests(app);
