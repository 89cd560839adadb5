using System.Net;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Activities;

namespace Nastavnik.Tests.Security;

/// <summary>
/// Break-in tests of a lesson visit and its analysis: a third teacher, a curator of another school and a guessed id find nothing; the
/// observer, the observed teacher and the school's curator read it.
/// </summary>
[Collection("sqlite")]
public sealed class ActivitiesPrivacyTests(SqliteApp app)
{
    [Fact]
    public async Task Only_the_observer_the_observed_teacher_and_the_schools_managers_see_a_lesson_analysis()
    {
        var school = await app.NewSchoolAsync(teachers: 3);
        await school.OpenRoundAsync(withRound: false);
        int id;
        await using (var s = SignedInScope.Teacher(school, 0))
        {
            var commands = s.Get<ActivityCommands>();
            id = (await commands.CreateAsync(new ActivityInput { Kind = ActivityKind.LessonVisit, Date = new(2026, 11, 18), Title = "Урок истории", ObservedId = school.Teachers[1].PersonId }, default)).Value!.Id;
            (await commands.SaveObservationAsync(id, new ObservationInput { Summary = "Слабая дисциплина в классе" }, null, default)).Error.ShouldBeNull();
        }

        foreach (var login in new[] { school.Teachers[0].Login, school.Teachers[1].Login, school.Curator })
            (await (await app.LoginAsync(login, TestSchool.Password)).GetStringAsync($"/Activities/{id}")).ShouldContain("Слабая дисциплина");

        var third = await app.LoginAsync(school.Teachers[2].Login, TestSchool.Password);
        (await third.GetAsync($"/Activities/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await third.GetStringAsync("/Activities")).ShouldNotContain("Урок истории");

        var otherSchool = await app.CuratorOfBAsync();
        (await otherSchool.GetAsync($"/Activities/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherSchool.GetAsync($"/Activities/{id + 1000}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
