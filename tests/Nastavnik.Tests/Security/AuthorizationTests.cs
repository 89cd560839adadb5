using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;

namespace Nastavnik.Tests.Security;

public abstract class AuthorizationTests(AppFixture app)
{
    public static readonly string[] CuratorPages = ["/Staff", "/Staff/Edit", "/Staff/Import", "/Staff/Export", "/Admin/Users", "/Admin/Users/Create"];

    [Fact]
    public async Task Anonymous_gets_the_login_page_for_every_page()
    {
        var client = app.Anonymous();
        foreach (var url in CuratorPages.Append("/").Append("/Catalog").Append($"/Staff/Details/{app.PersonB}"))
        {
            var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            response.Headers.Location!.ToString().ShouldStartWith("http://localhost/Account/Login", customMessage: url);
        }
        (await client.GetAsync("/Account/Login")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Anonymous_api_calls_get_401_not_a_redirect()
    {
        var client = app.Anonymous();
        (await client.GetAsync("/api/v1/staff")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetAsync("/api/v1/topics")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync("/api/v1/staff", new { lastName = "Взломов", firstName = "Иван" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Teacher_cannot_reach_curator_pages_or_endpoints()
    {
        var teacher = await app.TeacherAsync();
        foreach (var url in CuratorPages)
        {
            var response = await teacher.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied", customMessage: url);
        }
        (await teacher.GetAsync("/api/v1/staff")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await teacher.GetAsync($"/api/v1/staff/{app.PersonB}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await teacher.PostAsJsonAsync("/api/v1/topics", new { directionId = 1, name = "Тема учителя" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // A crafted form post to the catalog is refused too, and nothing changes.
        var before = await app.WithDb(db => Task.FromResult(db.Topics.Count()));
        var post = await teacher.PostFormAsync("/Catalog", "/Catalog?handler=AddDirection", new() { ["name"] = "Направление учителя" });
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        post.Headers.Location!.ToString().ShouldContain("AccessDenied");
        (await app.WithDb(db => Task.FromResult(db.Directions.Count(d => d.Name == "Направление учителя")))).ShouldBe(0);
        (await app.WithDb(db => Task.FromResult(db.Topics.Count()))).ShouldBe(before);
    }

    [Fact]
    public async Task Teacher_can_read_the_catalog_and_their_home()
    {
        var teacher = await app.TeacherAsync();
        (await teacher.GetAsync("/Catalog")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var home = await teacher.GetStringAsync("/");
        home.ShouldContain("Я наставник");
        (await teacher.GetAsync("/api/v1/topics")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Curator_of_one_school_cannot_open_a_teacher_of_another()
    {
        var curatorA = await app.CuratorAsync();
        var id = app.PersonB;
        (await curatorA.GetAsync($"/Staff/Details/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await curatorA.GetAsync($"/Staff/Edit/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await curatorA.GetAsync($"/api/v1/staff/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/staff/{id}") { Content = JsonContent.Create(new { lastName = "Захватов", firstName = "Пётр" }) };
        put.Headers.TryAddWithoutValidation("If-Match", "\"0\"");
        (await curatorA.SendAsync(put)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var edit = await curatorA.PostFormAsync("/Staff/Edit", $"/Staff/Edit/{id}", new() { ["Input.LastName"] = "Захватов", ["Input.FirstName"] = "Пётр", ["Version"] = "0" });
        edit.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var archive = await curatorA.PostFormAsync("/Staff", $"/Staff/Details/{id}?handler=Archive", []);
        archive.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Not in lists, searches or exports either.
        (await curatorA.GetStringAsync("/Staff?q=Тайнова")).ShouldNotContain("Тайнова Зоя");
        (await curatorA.GetStringAsync("/api/v1/staff?q=тайнова")).ShouldContain("\"total\":0");
        var export = await curatorA.GetByteArrayAsync("/Staff/Export?status=all");
        var sheet = Nastavnik.Web.Files.TableFileReader.Read("x.xlsx", export);
        sheet.Rows.ShouldNotContain(r => r.Cells.Contains("Тайнова"));
        sheet.Rows.Count.ShouldBeGreaterThanOrEqualTo(270);

        // The person is unchanged.
        var person = await app.WithDb(db => Task.FromResult(db.People.IgnoreQueryFilters().Single(p => p.Id == id)));
        person.LastName.ShouldBe("Тайнова");
        person.IsArchived.ShouldBeFalse();
    }

    [Fact]
    public async Task Guessed_ids_of_another_school_are_404_for_every_id_of_that_school()
    {
        var curatorB = await app.CuratorOfBAsync();
        var idsOfA = await app.WithDb(db => Task.FromResult(db.People.IgnoreQueryFilters().Where(p => p.SchoolId == app.SchoolA).OrderBy(p => p.Id).Select(p => p.Id).Take(20).ToList()));
        foreach (var id in idsOfA)
        {
            (await curatorB.GetAsync($"/api/v1/staff/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await curatorB.GetAsync($"/Staff/Details/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        var topicOfA = await app.WithDb(db => Task.FromResult(db.Topics.IgnoreQueryFilters().First(t => t.SchoolId == app.SchoolA).Id));
        (await curatorB.GetAsync($"/api/v1/topics/{topicOfA}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await curatorB.GetStringAsync("/Staff");
        list.ShouldContain("Тайнова Зоя Игоревна");
        list.ShouldContain("Найдено: 1 педагог");
    }

    [Fact]
    public async Task Forms_without_an_antiforgery_token_are_rejected()
    {
        var curator = await app.CuratorAsync();
        var response = await curator.PostAsync("/Catalog?handler=AddDirection", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "Без токена" }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.WithDb(db => Task.FromResult(db.Directions.Count(d => d.Name == "Без токена")))).ShouldBe(0);
    }
}

[Collection("sqlite")] public sealed class AuthorizationTests_Sqlite(SqliteApp app) : AuthorizationTests(app);
[Collection("postgres")] public sealed class AuthorizationTests_Postgres(PostgresApp app) : AuthorizationTests(app);
