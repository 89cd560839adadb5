using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Notifications.Reminders;
using Nastavnik.Web.Features.Surveys;
using Nastavnik.Web.Text;

namespace Nastavnik.Tests.Surveys;

/// <summary>
/// Surveys as the curator and the teachers use them, through <see cref="SurveyCommands"/>: a draft edited behind its version, sent to
/// each kind of group (the right people, each notified with the title, deadline and link), refused without questions or with a
/// deadline past, answered once with every answer checked by its question's type, and never after the deadline.
/// </summary>
public abstract partial class SurveyCommandTests(AppFixture app)
{
    [Fact]
    public async Task Sending_resolves_each_group_to_its_people_and_notifies_them()
    {
        var w = await SurveyWorld.BuildAsync(app);
        var cases = new (SurveyAudience Audience, string? Department, int[] Expected)[]
        {
            (SurveyAudience.AllStaff, null, [0, 1, 2, 3, 4, 6]),    // not the archived t6 nor t8 without consent
            (SurveyAudience.Mentors, null, [0, 2]),                  // live pairs only
            (SurveyAudience.Mentees, null, [1, 3]),
            (SurveyAudience.ProgramPairs, null, [0, 1, 2, 3, 4]),    // both sides; the completed pair too, not the one ended early
            (SurveyAudience.Department, "МО естественных наук", [1, 3]),
        };
        foreach (var (audience, department, expected) in cases)
        {
            var survey = await w.DraftAsync(audience, department: department, title: $"Опрос {audience}");
            (await w.SendAsync(survey)).ShouldBe(expected.Length, audience.ToString());
            (await w.RecipientsAsync(survey.Id)).ShouldBe(w.People(expected), audience.ToString());
        }

        var mentors = await app.WithDb(db => db.Surveys.IgnoreQueryFilters().FirstAsync(s => s.SchoolId == w.School.Id && s.Title == "Опрос Mentors"));
        mentors.Status.ShouldBe(SurveyStatus.Sent);
        var notes = await app.WithDb(db => db.Notifications.IgnoreQueryFilters().Where(n => n.DedupKey == "survey:" + mentors.Id)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { u.UserName, n.Kind, n.Title, n.Text, n.Link }).OrderBy(x => x.UserName).ToListAsync());
        notes.Select(n => n.UserName).ShouldBe([w.School.Teachers[0].Login, w.School.Teachers[2].Login]);
        notes.ShouldAllBe(n => n.Kind == "survey" && n.Title == "Новый опрос" && n.Link == $"/Surveys/{mentors.Id}/Answer"
            && n.Text == $"«Опрос Mentors»: ответьте до {RussianText.Date(w.Today.AddDays(5))}.");
    }

    [Fact]
    public async Task A_survey_without_questions_or_with_a_deadline_past_is_not_sent()
    {
        var w = await SurveyWorld.BuildAsync(app);
        await using var curator = SignedInScope.Curator(w.School);
        var commands = curator.Get<SurveyCommands>();
        var empty = (await commands.CreateAsync(new NewSurveyInput(), default)).Value!;
        empty = (await commands.UpdateSettingsAsync(empty.Id, new SurveySettingsInput { Title = "Пустой", Deadline = w.Today.AddDays(-1), Version = empty.Version }, default)).Value!;
        (await commands.SendAsync(empty.Id, empty.Version, default)).Error.ShouldBeRefusal(ErrorKind.Invalid, "Опрос не разослан.",
            "В опросе нет ни одного вопроса: добавьте вопросы.",
            $"Срок ответа {RussianText.Date(w.Today.AddDays(-1))} уже прошёл: укажите сегодняшний день или позже.");
        (await w.RecipientsAsync(empty.Id)).ShouldBeEmpty();
        (await app.WithDb(db => db.Surveys.IgnoreQueryFilters().SingleAsync(s => s.Id == empty.Id))).Status.ShouldBe(SurveyStatus.Draft);
    }

    [Fact]
    public async Task A_draft_edited_from_an_old_page_is_stale_and_a_sent_survey_is_not_edited()
    {
        var w = await SurveyWorld.BuildAsync(app);
        var survey = await w.DraftAsync(SurveyAudience.Mentors);
        await using (var curator = SignedInScope.Curator(w.School))
        {
            var commands = curator.Get<SurveyCommands>();
            var old = survey.Version - 1;
            (await commands.UpdateSettingsAsync(survey.Id, new SurveySettingsInput { Title = "Другое", Audience = SurveyAudience.Mentors, Version = old }, default))
                .Error.ShouldBeRefusal(ErrorKind.Stale, "Запись изменил другой пользователь. Обновите страницу и повторите изменения.");
            var q = survey.Questions.OrderBy(x => x.SortOrder).Last();
            (await commands.RemoveQuestionAsync(survey.Id, old, q.Id, default)).Error!.Kind.ShouldBe(ErrorKind.Stale);
            var moved = (await commands.MoveQuestionAsync(survey.Id, survey.Version, q.Id, up: true, default)).Value!;
            moved.Questions.OrderBy(x => x.SortOrder).Select(x => x.Text).ShouldBe(["Насколько полезной была неделя?", "Что предложите на следующий год?", "Что вы посетили?"]);
            survey = moved;
        }
        await w.SendAsync(survey);
        await using (var curator = SignedInScope.Curator(w.School))
        {
            var sent = await app.WithDb(db => db.Surveys.IgnoreQueryFilters().SingleAsync(s => s.Id == survey.Id));
            (await curator.Get<SurveyCommands>().AddQuestionAsync(survey.Id, sent.Version, new QuestionInput { Text = "Ещё вопрос" }, default))
                .Error.ShouldBeRefusal(ErrorKind.Conflict, "Опрос уже разослан: его вопросы и получателей больше не меняют.");
        }
    }

    [Fact]
    public async Task Answers_are_checked_by_question_type_and_a_recipient_answers_once()
    {
        var w = await SurveyWorld.BuildAsync(app);
        var survey = await w.DraftAsync(SurveyAudience.Mentors);
        await w.SendAsync(survey);
        var q = survey.Questions.OrderBy(x => x.SortOrder).ToList();
        await using (var teacher = SignedInScope.Teacher(w.School, 0))
        {
            var commands = teacher.Get<SurveyCommands>();
            (await commands.AnswerAsync(survey.Id, [new(q[0].Id, Number: 6), new(q[1].Id, Numbers: [0, 3]), new(q[2].Id, Text: new string('я', 4001))], default))
                .Error.ShouldBeRefusal(ErrorKind.Invalid, "Ответ не отправлен: исправьте ошибки.",
                    "Вопрос 1 «Насколько полезной была неделя?»: выберите оценку от 1 до 5.",
                    "Вопрос 2 «Что вы посетили?»: такого варианта ответа нет.",
                    "Вопрос 3 «Что предложите на следующий год?»: ответ длиннее 4000 символов (сейчас 4001).");
            (await commands.AnswerAsync(survey.Id, [new(q[2].Id, Text: "Больше открытых уроков")], default))
                .Error.ShouldBeRefusal(ErrorKind.Invalid, "Ответ не отправлен: исправьте ошибки.",
                    "Вопрос 1 «Насколько полезной была неделя?»: это обязательный вопрос, ответьте на него.");
            (await commands.AnswerAsync(survey.Id, [new(q[0].Id, Number: 4), new(q[1].Id, Numbers: [0, 2])], default)).Error.ShouldBeNull();
            (await commands.AnswerAsync(survey.Id, [new(q[0].Id, Number: 5)], default))
                .Error.ShouldBeRefusal(ErrorKind.Conflict, "Вы уже ответили на этот опрос.");
        }
        await using (var outsider = SignedInScope.Teacher(w.School, 1))
            (await outsider.Get<SurveyCommands>().AnswerAsync(survey.Id, [new(q[0].Id, Number: 4)], default)).Error!.Kind.ShouldBe(ErrorKind.NotFound);

        var saved = await app.WithDb(db => db.SurveyResponses.IgnoreQueryFilters().Include(r => r.Answers).SingleAsync(r => r.SurveyId == survey.Id));
        saved.PersonId.ShouldBe(w.School.Teachers[0].PersonId, "a named survey keeps its author");
        saved.Day.ShouldBe(w.Today);
        saved.Answers.OrderBy(a => a.QuestionId).ThenBy(a => a.Number).Select(a => (a.QuestionId, a.Number)).ShouldBe([(q[0].Id, 4), (q[1].Id, 0), (q[1].Id, 2)]);
        (await app.WithDb(db => db.SurveyRecipients.IgnoreQueryFilters().Where(r => r.SurveyId == survey.Id && r.Answered).Select(r => r.PersonId).ToListAsync()))
            .ShouldBe([w.School.Teachers[0].PersonId]);
    }

    [Fact]
    public async Task After_the_deadline_no_answer_is_taken()
    {
        var w = await SurveyWorld.BuildAsync(app);
        var survey = await w.DraftAsync(SurveyAudience.Mentees);
        await w.SendAsync(survey);
        var yesterday = w.Today.AddDays(-1);
        await app.WithDb(db => db.Surveys.IgnoreQueryFilters().Where(s => s.Id == survey.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Deadline, yesterday)));
        await using var teacher = SignedInScope.Teacher(w.School, 1);
        var q = survey.Questions.OrderBy(x => x.SortOrder).First();
        (await teacher.Get<SurveyCommands>().AnswerAsync(survey.Id, [new(q.Id, Number: 5)], default))
            .Error.ShouldBeRefusal(ErrorKind.Conflict, $"Срок ответа на опрос прошёл {RussianText.Date(yesterday)}: ответы больше не принимаются.");
        (await app.WithDb(db => db.SurveyResponses.IgnoreQueryFilters().CountAsync(r => r.SurveyId == survey.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Two_days_before_the_deadline_those_who_have_not_answered_are_reminded_once()
    {
        var w = await SurveyWorld.BuildAsync(app);
        var survey = await w.DraftAsync(SurveyAudience.Mentors);
        await w.SendAsync(survey);
        var q = survey.Questions.OrderBy(x => x.SortOrder).First();
        await using (var teacher = SignedInScope.Teacher(w.School, 0))
            (await teacher.Get<SurveyCommands>().AnswerAsync(survey.Id, [new(q.Id, Number: 5)], default)).Error.ShouldBeNull();
        var reminder = new SurveyDueReminder();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        (await app.WithDb(db => reminder.DueAsync(db, now, default))).Where(n => n.DedupKey == "survey-due:" + survey.Id).ShouldBeEmpty("five days ahead");
        var due = await app.WithDb(db => reminder.DueAsync(db, now.AddDays(3), default));
        var mine = due.Where(n => n.DedupKey == "survey-due:" + survey.Id).ToList();
        mine.Count.ShouldBe(1, "t3 has not answered; t1 has");
        (mine[0].Title, mine[0].Link).ShouldBe(("Скоро срок опроса", $"/Surveys/{survey.Id}/Answer"));
    }

    [Fact]
    public async Task The_entry_template_rates_each_topic_of_the_programs_needs_and_the_satisfaction_one_is_measured()
    {
        var w = await SurveyWorld.BuildAsync(app);
        var topics = (await w.School.TopicIdsAsync()).Values.Order().Take(2).ToList();
        await app.WithDb(async db =>
        {
            var round = db.DiagnosticsRounds.Add(new DiagnosticsRound { SchoolId = w.School.Id, ProgramId = w.ProgramId, Title = "Тур", Deadline = w.Today }).Entity;
            await db.SaveChangesAsync();
            foreach (var (t, i) in topics.Select((t, i) => (t, i)))
                db.Needs.Add(new Need { SchoolId = w.School.Id, RoundId = round.Id, PersonId = w.School.Teachers[i].PersonId, TopicId = t, Priority = 1 });
            return await db.SaveChangesAsync();
        });
        await using var curator = SignedInScope.Curator(w.School);
        var commands = curator.Get<SurveyCommands>();
        var entry = (await commands.CreateAsync(new NewSurveyInput { Kind = SurveyKind.Entry, ProgramId = w.ProgramId }, default)).Value!;
        entry.Questions.Where(q => q.Type == QuestionType.TopicRating).Select(q => q.TopicId!.Value).Order().ShouldBe(topics);
        entry.Anonymous.ShouldBeFalse("growth compares a person's entry and exit");
        var mentees = (await commands.CreateAsync(new NewSurveyInput { Kind = SurveyKind.MenteeSatisfaction, ProgramId = w.ProgramId }, default)).Value!;
        (mentees.Anonymous, mentees.Audience).ShouldBe((true, SurveyAudience.Mentees));
        mentees.Questions.Where(q => q.Measure == QuestionMeasure.Satisfaction).ShouldAllBe(q => q.Type == QuestionType.Scale5 && q.SatisfiedFrom == 4);
        var swot = (await commands.CreateAsync(new NewSurveyInput { Kind = SurveyKind.Swot, ProgramId = w.ProgramId }, default)).Value!;
        swot.Questions.Where(q => q.Type == QuestionType.LongText).Select(q => q.Measure)
            .ShouldBe([QuestionMeasure.Strengths, QuestionMeasure.Weaknesses, QuestionMeasure.Opportunities, QuestionMeasure.Threats]);
    }
}

[Collection("sqlite")] public sealed class SurveyCommandTests_Sqlite(SqliteApp app) : SurveyCommandTests(app);
[Collection("postgres")] public sealed class SurveyCommandTests_Postgres(PostgresApp app) : SurveyCommandTests(app);
