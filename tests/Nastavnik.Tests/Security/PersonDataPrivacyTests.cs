using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Admin.PersonData;

namespace Nastavnik.Tests.Security;

/// <summary>
/// Break-ins on a person's data on request: only the administrator of the person's school exports or erases. A curator, a teacher
/// (the person themself included), another school's administrator, a guessed id and a crafted API request get nothing and change
/// nothing; the erasure asks for the word and is refused without it.
/// </summary>
public abstract class PersonDataPrivacyTests(AppFixture app)
{
    [Fact]
    public async Task Only_the_administrator_of_the_persons_school_exports_or_erases_and_only_with_the_word()
    {
        var school = await app.NewSchoolAsync(teachers: 2);
        var other = await app.NewSchoolAsync(teachers: 1);
        var person = school.Teachers[1];
        var (export, erase, page) = ($"/api/v1/staff/{person.PersonId}/personal-data", $"/api/v1/staff/{person.PersonId}/erase", $"/Admin/PersonData/{person.PersonId}");
        var intruders = new[]
        {
            ("curator", await school.CuratorAsync(), HttpStatusCode.Forbidden),
            ("the person", await school.TeacherAsync(1), HttpStatusCode.Forbidden),
            ("another teacher", await school.TeacherAsync(0), HttpStatusCode.Forbidden),
            ("another school's administrator", await other.AdminAsync(), HttpStatusCode.NotFound),
            ("another school's curator", await app.CuratorOfBAsync(), HttpStatusCode.Forbidden),
        };
        foreach (var (who, client, status) in intruders)
        {
            (await client.GetAsync(export)).StatusCode.ShouldBe(status, $"{who}: export");
            (await client.PostAsJsonAsync(erase, new { confirm = "УДАЛИТЬ" })).StatusCode.ShouldBe(status, $"{who}: erase");
            var shown = await client.GetAsync(page);
            shown.StatusCode.ShouldNotBe(HttpStatusCode.OK, $"{who}: page");
            (await client.GetAsync($"{page}?handler=Export")).StatusCode.ShouldNotBe(HttpStatusCode.OK, $"{who}: page export");
        }
        (await app.Anonymous().GetAsync(export)).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect);

        var admin = await school.AdminAsync();
        (await admin.GetAsync("/api/v1/staff/987654/personal-data")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync($"/api/v1/staff/{app.PersonB}/personal-data")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.PostAsJsonAsync($"/api/v1/staff/{app.PersonB}/erase", new { confirm = "УДАЛИТЬ" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.PostAsJsonAsync(erase, new { confirm = "да" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync(erase, new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var refused = await admin.PostFormAsync(page, $"{page}?handler=Erase", new() { ["Confirm"] = "" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).ShouldContain("введите слово «УДАЛИТЬ»");

        (await app.WithDb(db => db.People.IgnoreQueryFilters().Where(p => p.Id == person.PersonId || p.Id == app.PersonB).CountAsync(p => p.ErasedAt != null))).ShouldBe(0);
        (await app.WithDb(db => db.People.IgnoreQueryFilters().SingleAsync(p => p.Id == app.PersonB))).LastName.ShouldBe("Тайнова");
        (await admin.GetAsync(export)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_command_refuses_a_curator_and_another_schools_administrator_even_past_the_endpoints()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var id = school.Teachers[0].PersonId;
        await using (var curator = SignedInScope.Curator(school))
        {
            (await curator.Get<PersonDataCommands>().ExportAsync(id, default)).Error.ShouldBeRefusal(ErrorKind.Forbidden, PersonDataCommands.ForbiddenMessage);
            (await curator.Get<PersonDataCommands>().EraseAsync(id, "УДАЛИТЬ", default)).Error.ShouldBeRefusal(ErrorKind.Forbidden, PersonDataCommands.ForbiddenMessage);
        }
        await using (var admin = SignedInScope.As(app, app.SchoolB, "admin-b", Roles.Administrator))
        {
            (await admin.Get<PersonDataCommands>().ExportAsync(id, default)).Error.ShouldBeRefusal(ErrorKind.NotFound, PersonDataCommands.NotFoundMessage);
            (await admin.Get<PersonDataCommands>().EraseAsync(id, "УДАЛИТЬ", default)).Error.ShouldBeRefusal(ErrorKind.NotFound, PersonDataCommands.NotFoundMessage);
        }
        (await app.WithDb(db => db.People.IgnoreQueryFilters().SingleAsync(p => p.Id == id))).ErasedAt.ShouldBeNull();
    }
}

[Collection("sqlite")] public sealed class PersonDataPrivacyTests_Sqlite(SqliteApp app) : PersonDataPrivacyTests(app);
[Collection("postgres")] public sealed class PersonDataPrivacyTests_Postgres(PostgresApp app) : PersonDataPrivacyTests(app);
