using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Features.Consultations;

namespace Nastavnik.Tests.Security;

/// <summary>
/// Break-in tests of consultations: a third teacher, a curator of another school and guessed ids find nothing through the page and
/// the API; the two colleagues and the school's curator do.
/// </summary>
[Collection("sqlite")]
public sealed class ConsultationsPrivacyTests(SqliteApp app)
{
    [Fact]
    public async Task Only_the_two_colleagues_and_the_schools_managers_see_a_consultation()
    {
        var school = await app.NewSchoolAsync(teachers: 3);
        int id;
        await using (var s = SignedInScope.Teacher(school, 0))
            id = (await s.Get<ConsultationCommands>().AskAsync(new ConsultationAsk { ConsultantId = school.Teachers[1].PersonId, Question = "Секретный вопрос о классе" }, default)).Value!.Id;

        var consultant = await app.LoginAsync(school.Teachers[1].Login, TestSchool.Password);
        (await consultant.GetStringAsync($"/Consultations/{id}")).ShouldContain("Секретный вопрос о классе");
        var curator = await app.LoginAsync(school.Curator, TestSchool.Password);
        (await curator.GetStringAsync($"/Consultations/{id}")).ShouldContain("Секретный вопрос о классе");

        var third = await app.LoginAsync(school.Teachers[2].Login, TestSchool.Password);
        (await third.GetAsync($"/Consultations/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await third.GetAsync($"/api/v1/consultations/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await third.GetStringAsync("/Consultations")).ShouldNotContain("Секретный вопрос");
        (await third.GetStringAsync("/api/v1/consultations")).ShouldNotContain("Секретный вопрос");
        var accept = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/consultations/{id}/accept") { Content = JsonContent.Create(new { text = "Да" }) };
        accept.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        (await third.SendAsync(accept)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var otherSchool = await app.CuratorOfBAsync();
        (await otherSchool.GetAsync($"/Consultations/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherSchool.GetAsync($"/api/v1/consultations/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherSchool.GetAsync($"/api/v1/consultations/{id + 1000}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
