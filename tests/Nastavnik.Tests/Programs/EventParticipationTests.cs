using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Notifications;
using Nastavnik.Web.Features.Programs;

namespace Nastavnik.Tests.Programs;

/// <summary>
/// Program-wide events through <see cref="EventParticipationCommands"/>: the curator invites the mentors of live pairs and a picked
/// colleague, each is told once, attendance gives «приглашено N, пришло M»; a teacher may not invite.
/// </summary>
public abstract class EventParticipationTests(AppFixture app)
{
    [Fact]
    public async Task The_curator_invites_the_mentors_and_a_picked_colleague_marks_who_came_and_sees_the_counts()
    {
        var school = await app.NewSchoolAsync(teachers: 4);
        var (programId, _) = await school.OpenRoundAsync(withRound: false);
        var topic = (await school.TopicIdsAsync()).Values.First();
        var t = school.Teachers;
        var eventId = await app.WithDb(async db =>
        {
            var stage = new RoadmapStage { SchoolId = school.Id, ProgramId = programId, Title = "Запуск" };
            db.RoadmapStages.Add(stage);
            await db.SaveChangesAsync();
            var ev = new RoadmapEvent { SchoolId = school.Id, ProgramId = programId, StageId = stage.Id, Title = "Круглый стол наставников", DueDate = new(2026, 12, 10) };
            db.RoadmapEvents.Add(ev);
            db.MentoringPairs.Add(new MentoringPair { SchoolId = school.Id, ProgramId = programId, MentorId = t[0].PersonId, MenteeId = t[1].PersonId, TopicId = topic, ApprovedAt = DateTime.UtcNow, ApprovedBy = "c", Status = PairStatus.Active });
            db.MentoringPairs.Add(new MentoringPair { SchoolId = school.Id, ProgramId = programId, MentorId = t[2].PersonId, MenteeId = t[3].PersonId, TopicId = topic, ApprovedAt = DateTime.UtcNow, ApprovedBy = "c", Status = PairStatus.Completed });
            await db.SaveChangesAsync();
            return ev.Id;
        });

        await using (var s = SignedInScope.Teacher(school, 0))
            (await s.Get<EventParticipationCommands>().InviteAsync(eventId, new EventInvite { Group = InviteGroup.AllStaff }, default)).Error
                .ShouldBeRefusal(ErrorKind.Forbidden, "Приглашать на мероприятия программы может куратор или администратор.");
        await using (var s = SignedInScope.Curator(school))
        {
            var commands = s.Get<EventParticipationCommands>();
            (await commands.InviteAsync(eventId, new EventInvite { Group = InviteGroup.Mentors }, default)).Value.ShouldBe(1); // the mentor of the completed pair is not invited
            (await commands.InviteAsync(eventId, new EventInvite { PersonIds = [t[0].PersonId, t[3].PersonId] }, default)).Value.ShouldBe(1); // t0 already invited
            (await commands.MarkAsync(eventId, new Dictionary<int, bool?> { [t[0].PersonId] = true, [t[3].PersonId] = false }, default)).Ok.ShouldBeTrue();
        }

        var told = await app.WithDb(db => db.Notifications.IgnoreQueryFilters().Where(n => n.SchoolId == school.Id && n.Kind == NotificationKinds.EventInvited.Code)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { u.UserName, n.Text }).ToListAsync());
        told.Select(n => n.UserName).Order().ShouldBe(new[] { t[0].Login, t[3].Login }.Order());
        told[0].Text.ShouldBe("Вас приглашают: «Круглый стол наставников» 10.12.2026.");

        var curator = await app.LoginAsync(school.Curator, TestSchool.Password);
        (await curator.GetStringAsync($"/Programs/Events/{eventId}/People")).ShouldContain("приглашено 2, пришло 1");
    }
}

[Collection("sqlite")] public sealed class EventParticipationTests_Sqlite(SqliteApp app) : EventParticipationTests(app);
