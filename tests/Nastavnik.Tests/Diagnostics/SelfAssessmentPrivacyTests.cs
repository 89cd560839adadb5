using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;

namespace Nastavnik.Tests.Diagnostics;

/// <summary>Break-in attempts on a teacher's needs (deficits): only the teacher, the curator and the administrator of the school may see them.</summary>
public abstract class SelfAssessmentPrivacyTests(AppFixture app)
{
    private async Task<(RoundSchool S, TestTeacher A, TestTeacher B, HttpClient TeacherA)> TwoTeachersWithNeedsAsync()
    {
        var s = await app.SchoolWithOpenRoundAsync(teachers: 3, withoutConsent: 0);
        var (a, b) = (s.School.Teachers[0], s.School.Teachers[1]);
        var teacherA = await s.School.TeacherAsync(0);
        var teacherB = await s.School.TeacherAsync(1);
        (await teacherA.PutAsJsonAsync($"/api/v1/rounds/{s.RoundId}/answers/{a.PersonId}", new
        {
            offers = new[] { new { topicId = s.TopicIds[0], level = 2, experience = "Открытые уроки" } },
            needs = new[] { new { topicId = s.TopicIds[1], priority = 1, comment = "Своё затруднение А" } },
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await teacherB.PutAsJsonAsync($"/api/v1/rounds/{s.RoundId}/answers/{b.PersonId}", new
        {
            offers = new[] { new { topicId = s.TopicIds[2], level = 3, experience = "Веду семинар" } },
            needs = new[] { new { topicId = s.TopicIds[1], priority = 3, comment = "Тайное затруднение Б" }, new { topicId = s.TopicIds[3], priority = 2, comment = "Ещё одно Б" } },
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return (s, a, b, teacherA);
    }

    [Fact]
    public async Task Teacher_cannot_read_or_change_another_teachers_needs_through_any_page_or_endpoint()
    {
        var (s, a, b, teacherA) = await TwoTeachersWithNeedsAsync();

        (await teacherA.GetAsync($"/Diagnostics/Answer?personId={b.PersonId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var crafted = await teacherA.SaveTopicAsync(s.TopicIds[1], priority: 1, comment: "Подменено", personId: b.PersonId);
        crafted.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await crafted.Content.ReadAsStringAsync()).ShouldNotContain("Тайное затруднение");

        var own = await teacherA.GetFromJsonAsync<JsonElement>("/api/v1/needs");
        own.GetArrayLength().ShouldBe(1);
        own.EnumerateArray().ShouldAllBe(n => n.GetProperty("personId").GetInt32() == a.PersonId);
        (await teacherA.GetFromJsonAsync<JsonElement>($"/api/v1/needs?personId={b.PersonId}")).GetArrayLength().ShouldBe(0);
        var byTopic = await teacherA.GetFromJsonAsync<JsonElement>($"/api/v1/needs?roundId={s.RoundId}&topicId={s.TopicIds[1]}");
        byTopic.EnumerateArray().Select(n => n.GetProperty("personId").GetInt32()).ShouldBe([a.PersonId]);

        (await teacherA.GetAsync($"/api/v1/rounds/{s.RoundId}/answers/{b.PersonId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await teacherA.GetAsync($"/api/v1/rounds/{s.RoundId}/answers/{b.PersonId + 1000}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await teacherA.GetAsync($"/api/v1/rounds/{s.RoundId + 1000}/answers/{a.PersonId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var put = await teacherA.PutAsJsonAsync($"/api/v1/rounds/{s.RoundId}/answers/{b.PersonId}", new { needs = Array.Empty<object>(), offers = Array.Empty<object>() });
        put.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.WithDb(db => db.Needs.IgnoreQueryFilters().CountAsync(n => n.PersonId == b.PersonId))).ShouldBe(2);

        // Nor does any page leak them: the teacher's own form and the curator-only pages.
        var form = WebUtility.HtmlDecode(await teacherA.GetStringAsync("/Diagnostics/Answer"));
        form.ShouldContain("Своё затруднение А");
        form.ShouldNotContain("Тайное затруднение Б");
        var manage = await teacherA.GetAsync("/Diagnostics");
        manage.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        manage.Headers.Location!.ToString().ShouldContain("AccessDenied");

        // Offers, unlike needs, are visible to the school's staff.
        var offers = await teacherA.GetFromJsonAsync<JsonElement>($"/api/v1/offers?personId={b.PersonId}");
        offers.EnumerateArray().Single().GetProperty("experience").GetString().ShouldBe("Веду семинар");

        // The curator, for contrast, sees every need of the school.
        var curator = await s.School.CuratorAsync();
        (await curator.GetFromJsonAsync<JsonElement>($"/api/v1/needs?roundId={s.RoundId}")).GetArrayLength().ShouldBe(3);
        var sheetB = await curator.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{s.RoundId}/answers/{b.PersonId}");
        sheetB.GetProperty("needs").GetArrayLength().ShouldBe(2);
        WebUtility.HtmlDecode(await curator.GetStringAsync($"/Diagnostics/Answer?personId={b.PersonId}")).ShouldContain("Тайное затруднение Б");
    }

    [Fact]
    public async Task Curator_of_another_school_gets_nothing_of_this_schools_round()
    {
        var (s, a, _, _) = await TwoTeachersWithNeedsAsync();
        var other = await app.CuratorOfBAsync();
        (await other.GetFromJsonAsync<JsonElement>("/api/v1/rounds")).EnumerateArray().ShouldNotContain(r => r.GetProperty("id").GetInt32() == s.RoundId);
        (await other.GetFromJsonAsync<JsonElement>($"/api/v1/needs?roundId={s.RoundId}")).GetArrayLength().ShouldBe(0);
        (await other.GetFromJsonAsync<JsonElement>($"/api/v1/offers?roundId={s.RoundId}")).GetArrayLength().ShouldBe(0);
        (await other.GetAsync($"/api/v1/rounds/{s.RoundId}/answers/{a.PersonId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PutAsJsonAsync($"/api/v1/rounds/{s.RoundId}/answers/{a.PersonId}", new { offers = Array.Empty<object>() })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/Diagnostics/Answer?personId={a.PersonId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.SaveTopicAsync(s.TopicIds[0], level: 1, personId: a.PersonId)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        WebUtility.HtmlDecode(await other.GetStringAsync("/Diagnostics")).ShouldNotContain("Своё затруднение А");
        (await app.WithDb(db => db.Needs.IgnoreQueryFilters().CountAsync(n => n.RoundId == s.RoundId))).ShouldBe(3);
    }

    [Fact]
    public async Task Psychologist_sees_no_needs_and_has_no_form_without_a_linked_card()
    {
        var (s, a, _, _) = await TwoTeachersWithNeedsAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = s.School.Admin + "-psy", SchoolId = s.School.Id, DisplayName = "Психолог" };
            (await users.CreateAsync(user, TestSchool.Password)).Succeeded.ShouldBeTrue();
            await users.AddToRoleAsync(user, Roles.Psychologist);
        }
        var psychologist = await app.LoginAsync(s.School.Admin + "-psy", TestSchool.Password);
        (await psychologist.GetFromJsonAsync<JsonElement>("/api/v1/needs")).GetArrayLength().ShouldBe(0);
        (await psychologist.GetFromJsonAsync<JsonElement>($"/api/v1/needs?personId={a.PersonId}")).GetArrayLength().ShouldBe(0);
        (await psychologist.GetAsync($"/api/v1/rounds/{s.RoundId}/answers/{a.PersonId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await psychologist.GetAsync($"/Diagnostics/Answer?personId={a.PersonId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await psychologist.GetAsync("/Diagnostics")).Headers.Location!.ToString().ShouldContain("AccessDenied");
        var page = WebUtility.HtmlDecode(await psychologist.GetStringAsync("/Diagnostics/Answer"));
        page.ShouldContain("не связана с карточкой педагога");
        page.ShouldNotContain("Своё затруднение");
        (await psychologist.SaveTopicAsync(s.TopicIds[0], level: 1)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await app.WithDb(db => db.RoundResponses.IgnoreQueryFilters().CountAsync(r => r.RoundId == s.RoundId))).ShouldBe(2);
    }
}

[Collection("sqlite")] public sealed class SelfAssessmentPrivacyTests_Sqlite(SqliteApp app) : SelfAssessmentPrivacyTests(app);
[Collection("postgres")] public sealed class SelfAssessmentPrivacyTests_Postgres(PostgresApp app) : SelfAssessmentPrivacyTests(app);
