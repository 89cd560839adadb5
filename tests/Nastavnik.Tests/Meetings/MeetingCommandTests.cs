using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Meetings;
using static Nastavnik.Tests.Meetings.MeetingCase;

namespace Nastavnik.Tests.Meetings;

/// <summary>The meetings of a pair and a group through <see cref="MeetingCommands"/>: what a mentor and a mentee would check.</summary>
public abstract class MeetingCommandTests(AppFixture app)
{
    [Fact]
    public async Task A_new_pair_is_offered_the_organizational_meeting_and_holding_it_starts_the_pair_and_offers_the_next_kind()
    {
        var c = await SeedAsync(app);
        var end = new DateOnly(2027, 6, 30);
        (await c.Read(1, db => MeetingQueries.NextKindAsync(db, c.Pair, end, new DateOnly(2026, 10, 5), default))).ShouldBe(MeetingKind.Organizational);
        (await c.As(1, m => m.PlanAsync(c.Pair, false, Input(MeetingKind.Final, 7), default))).Error
            .ShouldBeRefusal(ErrorKind.Invalid, "Заключительную встречу можно запланировать только после того, как состоялась организационная.");

        // The mentee plans it: either side of the pair may.
        var planned = (await c.As(1, m => m.PlanAsync(c.Pair, false, Input(MeetingKind.Organizational, 6), default))).Value!;
        planned.StartsAt.ShouldBe(new DateTime(2026, 10, 6, 12, 0, 0)); // 15:00 in Moscow
        var people = await app.WithDb(db => db.MeetingParticipants.Where(p => p.MeetingId == planned.Id).OrderBy(p => p.PairId).Select(p => new { p.PersonId, p.PairId }).ToListAsync());
        people.Select(p => (p.PersonId, p.PairId)).ShouldBe([(c.P(0), (int?)null), (c.P(1), c.Pair)]);

        (await c.As(0, m => m.RecordOutcomeAsync(planned.Id, true, null, planned.Version, default))).Error
            .ShouldBeRefusal(ErrorKind.Invalid, "Встреча назначена на 06.10.2026, 15:00: отметить, что она состоялась, можно после её начала.");
        c.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 6, 13, 0, 0, TimeSpan.Zero));
        var held = await c.As(0, m => m.RecordOutcomeAsync(planned.Id, true, new Dictionary<int, bool> { [c.P(0)] = true, [c.P(1)] = true }, planned.Version, default));
        held.Value!.Status.ShouldBe(MeetingStatus.Held);

        var pair = await app.WithDb(db => db.MentoringPairs.SingleAsync(p => p.Id == c.Pair));
        (pair.Status, pair.StartedAt).ShouldBe((PairStatus.Active, new DateTime(2026, 10, 6, 13, 0, 0)));
        (await app.WithDb(db => db.PairChanges.Where(h => h.PairId == c.Pair).Select(h => h.To).ToListAsync())).ShouldBe([PairStatus.Active]);
        (await c.Read(1, db => MeetingQueries.NextKindAsync(db, c.Pair, end, new DateOnly(2026, 10, 6), default))).ShouldBe(MeetingKind.Trial);
        // Near the program's end the final meeting is offered; now it may be planned.
        (await c.Read(1, db => MeetingQueries.NextKindAsync(db, c.Pair, end, new DateOnly(2027, 6, 5), default))).ShouldBe(MeetingKind.Final);
        (await c.As(1, m => m.PlanAsync(c.Pair, false, Input(MeetingKind.Final, 7), default))).Ok.ShouldBeTrue();
    }

    [Fact]
    public async Task The_past_a_date_outside_the_program_a_bad_link_a_third_teacher_and_a_guessed_pair_are_refused()
    {
        var c = await SeedAsync(app);
        (await c.As(0, m => m.PlanAsync(c.Pair, false, Input(MeetingKind.Organizational, 5, hour: 11), default))).Error
            .ShouldBeRefusal(ErrorKind.Invalid, "Встречу в прошлом запланировать нельзя: сейчас 05.10.2026, 12:00, выберите более позднее время.");
        (await c.As(0, m => m.PlanAsync(c.Pair, false, Input(MeetingKind.Organizational, 1, month: 7, year: 2027), default))).Error
            .ShouldBeRefusal(ErrorKind.Invalid, "Дата встречи вне срока программы «Программа наставничества 2026/2027»: с 01.09.2026 по 30.06.2027.");
        (await c.As(0, m => m.PlanAsync(c.Pair, false, Input(MeetingKind.Organizational, 6, link: "javascript:alert(1)"), default))).Error
            .ShouldBeRefusal(ErrorKind.Invalid, "Данные встречи не прошли проверку.", "Ссылка на онлайн-встречу должна начинаться с http:// или https://.");
        (await c.As(5, m => m.PlanAsync(c.Pair, false, Input(MeetingKind.Organizational, 6), default))).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await c.As(0, m => m.PlanAsync(987654, false, Input(MeetingKind.Organizational, 6), default))).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await c.As(-1, m => m.PlanAsync(c.Pair, false, Input(MeetingKind.Organizational, 6), default))).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await c.As(0, m => m.PlanAsync(c.Pair, false, Input(MeetingKind.Organizational, 6, link: "https://meet.example/abc"), default))).Value!
            .OnlineLink.ShouldBe("https://meet.example/abc");
        (await app.WithDb(db => db.Meetings.CountAsync(m => m.ProgramId == c.Match.ProgramId))).ShouldBe(1);
    }

    [Fact]
    public async Task A_group_meeting_is_planned_by_the_mentor_for_all_live_pairs_of_the_topic_and_not_by_a_mentee()
    {
        var c = await SeedAsync(app);
        var menteeOfGroup = await app.WithDb(db => db.MentoringPairs.Where(p => p.Id == c.GroupPairs[0]).Select(p => p.MenteeId).SingleAsync());
        var index = c.School.Teachers.ToList().FindIndex(t => t.PersonId == menteeOfGroup);
        (await c.As(index, m => m.PlanAsync(c.GroupPairs[0], true, Input(MeetingKind.Organizational, 8), default))).Error
            .ShouldBeRefusal(ErrorKind.Forbidden, "Встречу группы планирует наставник.");
        var meeting = (await c.As(4, m => m.PlanAsync(c.GroupPairs[1], true, Input(MeetingKind.Organizational, 8), default))).Value!;
        var rows = await app.WithDb(db => db.MeetingParticipants.Where(p => p.MeetingId == meeting.Id).Select(p => p.PairId).ToListAsync());
        rows.OrderBy(p => p ?? 0).ShouldBe([null, .. c.GroupPairs]);
    }

    [Fact]
    public async Task Two_edits_of_one_version_the_second_is_stale_and_a_held_meeting_takes_feedback_once_per_person()
    {
        var c = await SeedAsync(app);
        var planned = (await c.As(0, m => m.PlanAsync(c.Pair, false, Input(MeetingKind.Organizational, 6), default))).Value!;
        var first = await c.As(0, m => m.UpdateAsync(planned.Id, Input(MeetingKind.Organizational, 7), planned.Version, default));
        first.Value!.Version.ShouldBeGreaterThan(planned.Version);
        (await c.As(1, m => m.UpdateAsync(planned.Id, Input(MeetingKind.Organizational, 9), planned.Version, default))).Error!.Kind.ShouldBe(ErrorKind.Stale);
        (await app.WithDb(db => db.Meetings.Where(m => m.Id == planned.Id).Select(m => m.StartsAt).SingleAsync())).ShouldBe(new DateTime(2026, 10, 7, 12, 0, 0));

        (await c.As(1, m => m.GiveFeedbackAsync(planned.Id, 5, null, default))).Error
            .ShouldBeRefusal(ErrorKind.Conflict, "Отзыв оставляют после встречи, которая состоялась.");
        c.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 7, 13, 0, 0, TimeSpan.Zero));
        (await c.As(1, m => m.RecordOutcomeAsync(planned.Id, true, null, first.Value.Version, default))).Ok.ShouldBeTrue();
        (await c.As(1, m => m.GiveFeedbackAsync(planned.Id, 6, null, default))).Error
            .ShouldBeRefusal(ErrorKind.Invalid, "Отзыв не прошёл проверку.", "Оценка — от 1 до 5.");
        (await c.As(1, m => m.GiveFeedbackAsync(planned.Id, 3, "Коротко", default))).Ok.ShouldBeTrue();
        (await c.As(1, m => m.GiveFeedbackAsync(planned.Id, 5, "Очень полезно", default))).Ok.ShouldBeTrue();
        (await c.As(0, m => m.GiveFeedbackAsync(planned.Id, 4, "Хорошее начало", default))).Ok.ShouldBeTrue();
        (await c.As(5, m => m.GiveFeedbackAsync(planned.Id, 1, "чужой", default))).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        var both = await c.Read(1, db => MeetingQueries.DetailsAsync(db, planned.Id, c.P(1), default));
        both!.Feedback.Select(f => (f.AuthorId, f.Rating, f.Comment)).ShouldBe([(c.P(0), 4, "Хорошее начало"), (c.P(1), 5, "Очень полезно")]);
    }

    [Fact]
    public async Task The_ics_parses_back_with_a_stable_uid_a_growing_sequence_the_start_in_Moscow_and_a_cancelled_status()
    {
        var c = await SeedAsync(app);
        var planned = (await c.As(0, m => m.PlanAsync(c.Pair, false, Input(MeetingKind.Organizational, 6, link: "https://meet.example/abc"), default))).Value!;
        Task<Calendar> Export() => c.Read(1, async db => Calendar.Load(MeetingCalendar.Write(
            await MeetingCalendar.LoadAsync(db, db.Meetings.Where(m => m.Id == planned.Id), default), "nastavnik.example", c.Clock.GetUtcNow().UtcDateTime))!);

        var one = (await Export()).Events.Single();
        one.Uid.ShouldBe($"meeting-{planned.Id}@nastavnik.example");
        (one.DtStart!.TzId, one.DtStart.Value, one.DtStart.AsUtc).ShouldBe(("Europe/Moscow", new DateTime(2026, 10, 6, 15, 0, 0), new DateTime(2026, 10, 6, 12, 0, 0)));
        one.End!.Value.ShouldBe(new DateTime(2026, 10, 6, 15, 45, 0));
        (one.Summary, one.Status, one.Location).ShouldBe(("Организационная встреча (наставничество)", "CONFIRMED", "Кабинет 214"));
        one.Description.ShouldNotBeNull().ShouldContain("Знакомство, ожидания, формат работы");

        var moved = (await c.As(1, m => m.UpdateAsync(planned.Id, Input(MeetingKind.Organizational, 8, hour: 16), planned.Version, default))).Value!;
        var two = (await Export()).Events.Single();
        two.Uid.ShouldBe(one.Uid);
        two.Sequence.ShouldBeGreaterThan(one.Sequence);
        two.DtStart!.Value.ShouldBe(new DateTime(2026, 10, 8, 16, 0, 0));

        (await c.As(0, m => m.RecordOutcomeAsync(planned.Id, false, null, moved.Version, default))).Ok.ShouldBeTrue();
        var three = (await Export()).Events.Single();
        (three.Uid, three.Status).ShouldBe((one.Uid, "CANCELLED"));
        three.Sequence.ShouldBeGreaterThan(two.Sequence);
    }
}

[Collection("sqlite")] public sealed class MeetingCommandTests_Sqlite(SqliteApp app) : MeetingCommandTests(app);
