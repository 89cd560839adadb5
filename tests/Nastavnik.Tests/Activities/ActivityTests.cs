using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Activities;

namespace Nastavnik.Tests.Activities;

/// <summary>
/// Joint activities through <see cref="ActivityCommands"/>: a mentor records a lesson visit of their mentee, fills the school's
/// default observation card (created on first use), and the mentee reads the analysis of their lesson.
/// </summary>
public abstract class ActivityTests(AppFixture app)
{
    [Fact]
    public async Task A_mentor_records_a_lesson_visit_fills_the_default_card_and_the_mentee_reads_the_analysis()
    {
        var school = await app.NewSchoolAsync(teachers: 3);
        await school.OpenRoundAsync(withRound: false);
        int activityId;
        await using (var s = SignedInScope.Teacher(school, 0))
        {
            var commands = s.Get<ActivityCommands>();
            (await commands.CreateAsync(new ActivityInput { Kind = ActivityKind.LessonVisit, Date = new(2026, 11, 18), Title = "Урок физики в 8 «А»" }, default)).Error
                .ShouldBeRefusal(ErrorKind.Invalid, "Мероприятие не сохранено.", "Укажите, чей урок посещён.");
            var created = await commands.CreateAsync(new ActivityInput
            {
                Kind = ActivityKind.LessonVisit, Date = new(2026, 11, 18), Title = "Урок физики в 8 «А»", ObservedId = school.Teachers[1].PersonId,
            }, default);
            created.Error.ShouldBeNull();
            activityId = created.Value!.Id;

            var criteria = await s.Get<AppDbContext>().ObservationCriteria.OrderBy(c => c.Order).ToListAsync();
            criteria.ShouldBeEmpty("the card is created on first use");
            var first = await commands.SaveObservationAsync(activityId, new ObservationInput { Summary = "Сильный урок" }, null, default);
            first.Error.ShouldBeNull();
            var read = first.Value!.Version; // the version the observer's page read
            criteria = await s.Get<AppDbContext>().ObservationCriteria.OrderBy(c => c.Order).ToListAsync();
            criteria.Select(c => c.Text).ShouldBe(ObservationCards.DefaultCriteria);
            criteria.ShouldAllBe(c => c.ScaleMax == 2);

            (await commands.SaveObservationAsync(activityId, new ObservationInput { Scores = [new ScoreInput { CriterionId = criteria[0].Id, Score = 3 }] }, read, default))
                .Error.ShouldBeRefusal(ErrorKind.Invalid, "Анализ урока не сохранён.", $"«{criteria[0].Text}»: оценка от 0 до 2.");
            var saved = await commands.SaveObservationAsync(activityId, new ObservationInput
            {
                ClassName = "8 «А»", Subject = "Физика", Summary = "Цель достигнута; добавить рефлексию.",
                Scores = [new ScoreInput { CriterionId = criteria[0].Id, Score = 2, Comment = "Цель сформулировали вместе" }, new ScoreInput { CriterionId = criteria[7].Id, Score = 0 }],
            }, read, default);
            saved.Error.ShouldBeNull();
            (await commands.SaveObservationAsync(activityId, new ObservationInput { Summary = "старая вкладка" }, read, default))
                .Error!.Kind.ShouldBe(ErrorKind.Stale);
        }
        await using (var s = SignedInScope.Teacher(school, 1))
        {
            // The mentee cannot write the analysis of their own lesson, but reads it.
            (await s.Get<ActivityCommands>().SaveObservationAsync(activityId, new ObservationInput(), null, default)).Error
                .ShouldBeRefusal(ErrorKind.Forbidden, "Анализ урока заполняет тот, кто посетил урок.");
        }
        var mentee = await app.LoginAsync(school.Teachers[1].Login, TestSchool.Password);
        var page = await mentee.GetStringAsync($"/Activities/{activityId}");
        page.ShouldContain("Цель достигнута; добавить рефлексию.");
        page.ShouldContain("Цель сформулировали вместе");
        page.ShouldContain("2 — в полной мере");
    }
}

[Collection("sqlite")] public sealed class ActivityTests_Sqlite(SqliteApp app) : ActivityTests(app);
