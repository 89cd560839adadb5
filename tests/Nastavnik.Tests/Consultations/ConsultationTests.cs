using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Consultations;
using Nastavnik.Web.Features.Notifications;

namespace Nastavnik.Tests.Consultations;

/// <summary>
/// One-off consultations through <see cref="ConsultationCommands"/>: asked, accepted, held and counted on the consultant's portfolio,
/// both sides told; not oneself, not a colleague without consent, one open request per colleague and topic.
/// </summary>
public abstract class ConsultationTests(AppFixture app)
{
    private Task<List<Notification>> NotesOf(TestSchool school, int teacher, NotificationKind kind) => app.WithDb(db =>
        db.Notifications.IgnoreQueryFilters().Where(n => n.SchoolId == school.Id && n.Kind == kind.Code)
            .Join(db.Users.Where(u => u.PersonId == school.Teachers[teacher].PersonId), n => n.UserId, u => u.Id, (n, u) => n).ToListAsync());

    [Fact]
    public async Task A_teacher_asks_the_colleague_accepts_it_is_held_and_counts_on_the_colleagues_portfolio()
    {
        var school = await app.NewSchoolAsync(teachers: 3);
        var topic = (await school.TopicIdsAsync()).Values.First();
        Consultation asked;
        await using (var s = SignedInScope.Teacher(school, 0))
        {
            var r = await s.Get<ConsultationCommands>().AskAsync(new ConsultationAsk { ConsultantId = school.Teachers[1].PersonId, TopicId = topic, Question = "Как вести электронный журнал?" }, default);
            r.Error.ShouldBeNull();
            asked = r.Value!;
        }
        var toConsultant = (await NotesOf(school, 1, NotificationKinds.ConsultationAsked)).ShouldHaveSingleItem();
        (toConsultant.Text, toConsultant.Link).ShouldBe(($"{school.Teachers[0].FullName} просит о консультации: «Как вести электронный журнал?»", $"/Consultations/{asked.Id}"));

        await using (var s = SignedInScope.Teacher(school, 0))
        {
            // The requester cannot accept their own request; the colleague can.
            (await s.Get<ConsultationCommands>().AcceptAsync(asked.Id, asked.Version, new ConsultationReply { Text = "Да" }, default)).Error
                .ShouldBeRefusal(ErrorKind.Forbidden, "Ответить на просьбу может только тот, кого попросили.");
        }
        Consultation accepted;
        await using (var s = SignedInScope.Teacher(school, 1))
        {
            var r = await s.Get<ConsultationCommands>().AcceptAsync(asked.Id, asked.Version, new ConsultationReply { Text = "В среду в 15:00, каб. 12" }, default);
            r.Error.ShouldBeNull();
            accepted = r.Value!;
            (await s.Get<ConsultationCommands>().HeldAsync(asked.Id, accepted.Version, new ConsultationHeld { HeldOn = DateOnly.FromDateTime(DateTime.Today.AddDays(1)), DurationMinutes = 40 }, default)).Error
                .ShouldBeRefusal(ErrorKind.Invalid, "Консультация не отмечена.", "Дата консультации ещё не наступила.");
        }
        (await NotesOf(school, 0, NotificationKinds.ConsultationAnswered)).ShouldHaveSingleItem().Text
            .ShouldBe($"{school.Teachers[1].FullName} согласен(на): «В среду в 15:00, каб. 12»");
        await using (var s = SignedInScope.Teacher(school, 0))
        {
            (await s.Get<ConsultationCommands>().HeldAsync(asked.Id, accepted.Version, new ConsultationHeld { HeldOn = DateOnly.FromDateTime(DateTime.Today), DurationMinutes = 90 }, default))
                .Error.ShouldBeNull();
        }

        var teacher = await app.LoginAsync(school.Teachers[2].Login, TestSchool.Password);
        var portfolio = await teacher.GetStringAsync($"/Portfolio?personId={school.Teachers[1].PersonId}");
        portfolio.ShouldContain("Консультации: 1 (1,5 ч)");
        portfolio.ShouldNotContain("электронный журнал"); // the question is the two colleagues'
    }

    [Fact]
    public async Task Not_oneself_not_a_colleague_without_consent_and_one_open_request_per_colleague_and_topic()
    {
        var school = await app.NewSchoolAsync(teachers: 3, withoutConsent: 1);
        var topic = (await school.TopicIdsAsync()).Values.First();
        await using var s = SignedInScope.Teacher(school, 0);
        var commands = s.Get<ConsultationCommands>();

        (await commands.AskAsync(new ConsultationAsk { ConsultantId = school.Teachers[0].PersonId, Question = "?" }, default)).Error
            .ShouldBeRefusal(ErrorKind.Invalid, "Просьба не отправлена.", "Нельзя попросить о консультации самого себя.");
        (await commands.AskAsync(new ConsultationAsk { ConsultantId = school.Teachers[2].PersonId, Question = "?" }, default)).Error
            .ShouldBeRefusal(ErrorKind.NotFound, "Коллега не найден.");
        (await commands.AskAsync(new ConsultationAsk { ConsultantId = school.Teachers[1].PersonId, TopicId = topic, Question = "Первый" }, default)).Error.ShouldBeNull();
        (await commands.AskAsync(new ConsultationAsk { ConsultantId = school.Teachers[1].PersonId, TopicId = topic, Question = "Второй" }, default)).Error
            .ShouldBeRefusal(ErrorKind.Conflict, "Вы уже попросили этого коллегу о консультации по этой теме.", "Дождитесь ответа или отмените прежнюю просьбу.");
        (await commands.AskAsync(new ConsultationAsk { ConsultantId = school.Teachers[1].PersonId, Question = "Без темы" }, default)).Error.ShouldBeNull();
    }

    [Fact]
    public async Task A_declined_request_tells_the_requester_the_reason_and_a_new_one_may_follow()
    {
        var school = await app.NewSchoolAsync(teachers: 2);
        int id, version;
        await using (var s = SignedInScope.Teacher(school, 0))
        {
            var c = (await s.Get<ConsultationCommands>().AskAsync(new ConsultationAsk { ConsultantId = school.Teachers[1].PersonId, Question = "Помогите с ВПР" }, default)).Value!;
            (id, version) = (c.Id, c.Version);
        }
        await using (var s = SignedInScope.Teacher(school, 1))
        {
            (await s.Get<ConsultationCommands>().DeclineAsync(id, version, new ConsultationReply { Text = "" }, default)).Error
                .ShouldBeRefusal(ErrorKind.Invalid, "Отказ не отправлен.", "Напишите ответ.");
            (await s.Get<ConsultationCommands>().DeclineAsync(id, version, new ConsultationReply { Text = "В отпуске до 15.12" }, default)).Error.ShouldBeNull();
            (await s.Get<ConsultationCommands>().AcceptAsync(id, version + 1, new ConsultationReply { Text = "Передумала" }, default)).Error
                .ShouldBeRefusal(ErrorKind.Conflict, "Консультация уже отклонена.");
        }
        (await NotesOf(school, 0, NotificationKinds.ConsultationAnswered)).ShouldHaveSingleItem().Text.ShouldBe($"{school.Teachers[1].FullName} отказал(а): «В отпуске до 15.12»");
        await using (var s = SignedInScope.Teacher(school, 0))
            (await s.Get<ConsultationCommands>().AskAsync(new ConsultationAsk { ConsultantId = school.Teachers[1].PersonId, Question = "Снова" }, default)).Error.ShouldBeNull();
    }
}

[Collection("sqlite")] public sealed class ConsultationTests_Sqlite(SqliteApp app) : ConsultationTests(app);
