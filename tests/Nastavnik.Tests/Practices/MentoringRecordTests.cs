using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Practices;

namespace Nastavnik.Tests.Practices;

/// <summary>
/// A completed pair publishes its case in the bank (only its mentor or mentee, prefilled from the plan, never the mentee's needs), and
/// the long-term mentor base «Опыт наставничества» in the portfolio: the person and the managers see with whom, a colleague only the
/// mentor's topics, counts and feedback (issue 14, items 9 and 10).
/// </summary>
public abstract class MentoringRecordTests(AppFixture app)
{
    private sealed record Seeded(int ProgramId, int CompletedPair, int EndedPair, int LivePair, string Topic);

    /// <summary>
    /// A completed program 2025/2026 where T0 mentored T1 (completed, meetings rated 5 and 4 by T1) and T2 (ended early); a need of T1
    /// with a private comment; a plan goal and a done task of the pair T0 → T1; and an active program where T0 mentors T3 (live).
    /// </summary>
    private Task<Seeded> SeedAsync(TestSchool s) => app.WithDb(async db =>
    {
        var topic = await db.Topics.Where(t => t.SchoolId == s.Id).OrderBy(t => t.Id).FirstAsync();
        var done = new MentoringProgram { SchoolId = s.Id, Name = "Программа наставничества 2025/2026", StartDate = new(2025, 9, 1), EndDate = new(2026, 6, 30), Status = ProgramStatus.Completed };
        var live = new MentoringProgram { SchoolId = s.Id, Name = "Программа наставничества 2026/2027", StartDate = new(2026, 9, 1), EndDate = new(2027, 6, 30), Status = ProgramStatus.Active };
        db.Programs.AddRange(done, live);
        await db.SaveChangesAsync();
        var round = new DiagnosticsRound { SchoolId = s.Id, ProgramId = done.Id, Title = "Диагностика 2025", Deadline = new(2025, 9, 30) };
        db.DiagnosticsRounds.Add(round);
        await db.SaveChangesAsync();
        db.Needs.Add(new Need { SchoolId = s.Id, RoundId = round.Id, PersonId = s.Teachers[1].PersonId, TopicId = topic.Id, Priority = 1, Comment = "Боюсь вести родительские собрания" });
        MentoringPair Pair(MentoringProgram g, int mentor, int mentee, PairStatus status) => new()
        {
            SchoolId = s.Id, ProgramId = g.Id, MentorId = s.Teachers[mentor].PersonId, MenteeId = s.Teachers[mentee].PersonId, TopicId = topic.Id,
            ApprovedBy = "curator", Status = status,
        };
        var completed = Pair(done, 0, 1, PairStatus.Completed);
        var ended = Pair(done, 0, 2, PairStatus.EndedEarly);
        var current = Pair(live, 0, 3, PairStatus.Active);
        db.MentoringPairs.AddRange(completed, ended, current);
        var plan = new DevelopmentPlan { SchoolId = s.Id, ProgramId = done.Id, MenteeId = s.Teachers[1].PersonId };
        db.DevelopmentPlans.Add(plan);
        await db.SaveChangesAsync();
        db.PlanGoals.Add(new PlanGoal { SchoolId = s.Id, PlanId = plan.Id, PairId = completed.Id, TopicId = topic.Id, Text = "Освоить технологию формирующего оценивания" });
        db.PlanTasks.Add(new PlanTask { SchoolId = s.Id, PlanId = plan.Id, PairId = completed.Id, Title = "Провести открытый урок", Status = PlanTaskStatus.Done, ResultText = "Урок проведён, отзывы коллег положительные" });
        foreach (var rating in new[] { 5, 4 })
        {
            var meeting = new Meeting { SchoolId = s.Id, ProgramId = done.Id, MentorId = s.Teachers[0].PersonId, StartsAt = new DateTime(2025, 10, rating, 12, 0, 0, DateTimeKind.Utc), DurationMinutes = 45, Status = MeetingStatus.Held, CreatedBy = "t" };
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            db.MeetingParticipants.Add(new MeetingParticipant { SchoolId = s.Id, MeetingId = meeting.Id, PersonId = s.Teachers[1].PersonId, PairId = completed.Id, Attended = true });
            db.MeetingFeedback.Add(new MeetingFeedback { SchoolId = s.Id, MeetingId = meeting.Id, AuthorId = s.Teachers[1].PersonId, Rating = rating });
        }
        await db.SaveChangesAsync();
        return new Seeded(done.Id, completed.Id, ended.Id, current.Id, topic.Name);
    });

    [Fact]
    public async Task Only_a_member_of_a_completed_pair_publishes_its_case_prefilled_from_the_plan_without_the_mentees_needs()
    {
        var school = await app.NewSchoolAsync(teachers: 4);
        var seed = await SeedAsync(school);
        PracticeInput draft;
        await using (var mentor = SignedInScope.Teacher(school, 0))
        {
            var commands = mentor.Get<PracticeCommands>();
            draft = (await commands.DraftFromPairAsync(seed.CompletedPair, default)).Value!;
            (draft.Kind, draft.TopicId is not null, draft.PairId).ShouldBe((PracticeKind.Case, true, (int?)seed.CompletedPair));
            draft.Title.ShouldBe("Кейс наставнической пары: " + seed.Topic);
            var text = draft.Description!;
            text.ShouldContain("Освоить технологию формирующего оценивания");
            text.ShouldContain("Провести открытый урок: Урок проведён, отзывы коллег положительные");
            text.ShouldNotContain("родительские собрания");
            text.ShouldNotContain(school.Teachers[1].FullName.Split(' ')[0]);
            (await commands.DraftFromPairAsync(seed.LivePair, default)).Error
                .ShouldBeRefusal(ErrorKind.Invalid, "Опубликовать кейс можно, когда пара завершила работу.");
            draft.Title = "Формирующее оценивание: кейс пары";
            var saved = (await commands.CreateAsync(draft, [], default)).Value!;
            (saved.PairId, saved.AuthorId).ShouldBe(((int?)seed.CompletedPair, school.Teachers[0].PersonId));
        }
        await using (var stranger = SignedInScope.Teacher(school, 2))
        {
            var commands = stranger.Get<PracticeCommands>();
            (await commands.DraftFromPairAsync(seed.CompletedPair, default)).Error.ShouldBeRefusal(ErrorKind.NotFound, "Пара не найдена среди ваших.");
            (await commands.CreateAsync(draft, [], default)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        }
        await using (var curator = SignedInScope.Curator(school))
            (await curator.Get<PracticeCommands>().DraftFromPairAsync(seed.CompletedPair, default)).Error!.Kind.ShouldBe(ErrorKind.NotFound);

        var mentee = await school.TeacherAsync(1);
        (await mentee.GetStringAsync($"/Pairs/{seed.CompletedPair}")).ShouldContain("Опубликовать кейс в банке практик");
        (await mentee.GetStringAsync($"/Practices/Edit?pair={seed.CompletedPair}")).ShouldContain("Освоить технологию формирующего оценивания");
        var mentor2 = await school.TeacherAsync(0);
        (await mentor2.GetStringAsync($"/Pairs/{seed.LivePair}")).ShouldNotContain("Опубликовать кейс в банке практик");
        var other = await school.TeacherAsync(2);
        (await other.GetAsync($"/Practices/Edit?pair={seed.CompletedPair}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_portfolio_shows_the_mentoring_record_with_names_to_the_person_and_managers_and_without_mentees_to_colleagues()
    {
        var school = await app.NewSchoolAsync(teachers: 4);
        var seed = await SeedAsync(school);
        var url = $"/Portfolio?personId={school.Teachers[0].PersonId}";
        string Section(string html)
        {
            var doc = Html.Parse(html);
            return doc.QuerySelector("[data-testid=mentoring-record]")?.TextContent ?? "";
        }
        string Mentee(int i) => school.Teachers[i].FullName;

        var own = Section(await (await school.TeacherAsync(0)).GetStringAsync("/Portfolio"));
        own.ShouldContain("Опыт наставничества");
        own.ShouldContain("2025/2026 · наставник");
        own.ShouldContain("2 пары, завершили работу: 1, досрочно: 1");
        own.ShouldContain("средняя оценка встреч: 4,5 из 5");
        own.ShouldContain(Mentee(1) + " — " + seed.Topic + ", завершена, оценка встреч 4,5");
        own.ShouldContain(Mentee(2) + " — " + seed.Topic + ", завершена досрочно");
        own.ShouldNotContain(Mentee(3));   // the live pair of the running program is not yet experience

        var colleague = Section(await (await school.TeacherAsync(3)).GetStringAsync(url));
        colleague.ShouldContain("2025/2026 · наставник");
        colleague.ShouldContain("Темы: " + seed.Topic);
        colleague.ShouldContain("2 пары, завершили работу: 1, досрочно: 1");
        colleague.ShouldContain("средняя оценка встреч: 4,5 из 5");
        colleague.ShouldNotContain(Mentee(1));
        colleague.ShouldNotContain(Mentee(2));

        var manager = Section(await (await school.CuratorAsync()).GetStringAsync(url));
        manager.ShouldContain(Mentee(1) + " — " + seed.Topic);

        // The mentee's own record: the role «наставляемый» with the mentor's name; a colleague sees nothing of it.
        var mentee = Section(await (await school.TeacherAsync(1)).GetStringAsync("/Portfolio"));
        mentee.ShouldContain("2025/2026 · наставляемый");
        mentee.ShouldContain(school.Teachers[0].FullName + " — " + seed.Topic + ", завершена");
        Section(await (await school.TeacherAsync(3)).GetStringAsync($"/Portfolio?personId={school.Teachers[1].PersonId}")).ShouldBeEmpty();
    }
}

[Collection("sqlite")] public sealed class MentoringRecordTests_Sqlite(SqliteApp app) : MentoringRecordTests(app);
[Collection("postgres")] public sealed class MentoringRecordTests_Postgres(PostgresApp app) : MentoringRecordTests(app);
