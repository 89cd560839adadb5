using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;

namespace Nastavnik.Tests.Catalog;

public abstract class CatalogAndApiTests(AppFixture app)
{
    [Fact]
    public async Task Every_school_starts_with_the_five_directions_and_25_topics_of_seed_004()
    {
        var teacher = await app.TeacherAsync();
        var directions = await teacher.GetFromJsonAsync<JsonElement>("/api/v1/directions");
        directions.GetArrayLength().ShouldBeGreaterThanOrEqualTo(5);
        var codes = directions.EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList();
        codes.Take(5).ShouldBe(["MET", "SUB", "ICT", "PSY", "CLS"]);
        var ict = directions.EnumerateArray().Single(d => d.GetProperty("code").GetString() == "ICT");
        ict.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ShouldContain("Создание видеороликов (программы)");
        ict.GetProperty("topics").EnumerateArray().ShouldAllBe(t => t.GetProperty("isDigital").GetBoolean());
        var page = await teacher.GetStringAsync("/Catalog");
        page.ShouldContain("Кейс-технология");
        // Catalog codes are for the API and files, not for people (issue 10, item 23).
        var text = Html.Parse(page).QuerySelector("main")!.TextContent;
        foreach (var code in new[] { "MET", "SUB", "ICT", "PSY", "CLS" }) text.ShouldNotContain(code);
        page.ShouldNotContain("Добавить тему"); // a teacher reads, does not edit
    }

    [Fact]
    public async Task Curator_adds_renames_reorders_and_retires_a_topic_and_history_keeps_it()
    {
        var curator = await app.CuratorAsync();
        var met = await app.WithDb(db => db.Directions.IgnoreQueryFilters().SingleAsync(d => d.SchoolId == app.SchoolA && d.Code == "MET"));
        (await curator.PostFormAsync("/Catalog", "/Catalog?handler=AddTopic", new() { ["directionId"] = met.Id.ToString(), ["name"] = "  Смысловое   чтение " }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var topic = await app.WithDb(db => db.Topics.IgnoreQueryFilters().SingleAsync(t => t.SchoolId == app.SchoolA && t.Name == "Смысловое чтение"));
        topic.Code.ShouldBe("MET-06");
        topic.SortOrder.ShouldBe(6);

        var dup = await curator.PostFormAsync("/Catalog", "/Catalog?handler=AddTopic", new() { ["directionId"] = met.Id.ToString(), ["name"] = "смысловое чтение" });
        WebUtility.HtmlDecode(await dup.Content.ReadAsStringAsync()).ShouldContain("Тема «смысловое чтение» уже есть");

        (await curator.PostFormAsync("/Catalog", "/Catalog?handler=MoveTopic", new() { ["id"] = topic.Id.ToString(), ["delta"] = "-1" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var version = await app.WithDb(db => db.Topics.IgnoreQueryFilters().Where(t => t.Id == topic.Id).Select(t => t.Version).SingleAsync());
        (await curator.PostFormAsync("/Catalog", "/Catalog?handler=RenameTopic", new() { ["id"] = topic.Id.ToString(), ["name"] = "Смысловое чтение на уроках", ["version"] = version.ToString() })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // A rename from a page opened before that change is refused, not applied over it.
        var stale = await curator.PostFormAsync("/Catalog", "/Catalog?handler=RenameTopic", new() { ["id"] = topic.Id.ToString(), ["name"] = "Чтение", ["version"] = version.ToString() });
        WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()).ShouldContain("изменил другой пользователь");
        (await curator.PostFormAsync("/Catalog", "/Catalog?handler=RetireTopic", new() { ["id"] = topic.Id.ToString(), ["retire"] = "true" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var after = await app.WithDb(db => db.Topics.IgnoreQueryFilters().SingleAsync(t => t.Id == topic.Id));
        (after.Name, after.Code, after.SortOrder, after.IsRetired).ShouldBe(("Смысловое чтение на уроках", "MET-06", 5, true));
        var active = await curator.GetFromJsonAsync<JsonElement>("/api/v1/topics");
        active.EnumerateArray().ShouldNotContain(t => t.GetProperty("id").GetInt32() == topic.Id);
        var all = await curator.GetFromJsonAsync<JsonElement>("/api/v1/topics?includeRetired=true");
        all.EnumerateArray().ShouldContain(t => t.GetProperty("id").GetInt32() == topic.Id && t.GetProperty("isRetired").GetBoolean());
        var audit = await app.WithDb(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.EntityType == "Topic" && a.EntityId == topic.Id).CountAsync());
        audit.ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public async Task Staff_api_lists_gets_creates_and_updates_with_concurrency_control()
    {
        var curator = await app.CuratorAsync();
        var list = await curator.GetFromJsonAsync<JsonElement>("/api/v1/staff?q=" + Uri.EscapeDataString("семен") + "&size=5");
        list.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
        list.GetProperty("items").GetArrayLength().ShouldBeLessThanOrEqualTo(5);

        var created = await curator.PostAsJsonAsync("/api/v1/staff", new { lastName = "Апишная", firstName = "Ульяна", middleName = "Ёсифовна", experienceYears = 5, birthYear = 1995, consent = "Given", consentDate = "2025-09-10" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var dto = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = dto.GetProperty("id").GetInt32();
        dto.GetProperty("fullName").GetString().ShouldBe("Апишная Ульяна Ёсифовна");
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/staff/{id}");

        var get = await curator.GetAsync($"/api/v1/staff/{id}");
        var etag = get.Headers.ETag!.Tag;
        var update = new { lastName = "Апишная", firstName = "Ульяна", middleName = "Ёсифовна", position = "Учитель географии", experienceYears = 6, birthYear = 1995, consent = "Given", consentDate = "2025-09-10" };

        var noIfMatch = await curator.PutAsJsonAsync($"/api/v1/staff/{id}", update);
        noIfMatch.StatusCode.ShouldBe((HttpStatusCode)428);

        async Task<HttpResponseMessage> Put(string tag)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/staff/{id}") { Content = JsonContent.Create(update) };
            request.Headers.TryAddWithoutValidation("If-Match", tag);
            return await curator.SendAsync(request);
        }
        var ok = await Put(etag);
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("position").GetString().ShouldBe("Учитель географии");
        var stale = await Put(etag);
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        stale.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await stale.Content.ReadAsStringAsync()).ShouldContain("Запись изменил другой пользователь.");
    }

    [Fact]
    public async Task Api_errors_are_problem_details_in_russian()
    {
        var curator = await app.CuratorAsync();
        var invalid = await curator.PostAsJsonAsync("/api/v1/staff", new { lastName = "", firstName = "Иван", experienceYears = 99, email = "нет" });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        invalid.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var body = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        var errors = body.GetProperty("errors");
        errors.GetProperty("LastName")[0].GetString().ShouldBe("Укажите фамилию.");
        errors.GetProperty("ExperienceYears")[0].GetString().ShouldBe("Стаж — число лет от 0 до 60.");

        var missing = await curator.GetAsync("/api/v1/staff/99999999");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().ShouldBe("Педагог не найден.");

        var unknownRoute = await curator.GetAsync("/api/v1/nothing-here");
        unknownRoute.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknownRoute.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task OpenApi_document_and_health_are_served()
    {
        var anonymous = app.Anonymous();
        var health = await anonymous.GetAsync("/health");
        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await health.Content.ReadAsStringAsync()).ShouldBe("Healthy");
        var doc = await anonymous.GetFromJsonAsync<JsonElement>("/api/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        paths.TryGetProperty("/api/v1/staff", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/staff/{id}", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/topics", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Administrator_creates_an_account_for_a_teacher_who_then_signs_in()
    {
        var admin = await app.AdminAsync();
        var person = await app.WithDb(db => db.People.IgnoreQueryFilters().Where(p => p.SchoolId == app.SchoolA && p.Department == "МО математики").OrderByDescending(p => p.Id).FirstAsync());
        var create = await admin.PostFormAsync($"/Admin/Users/Create?personId={person.Id}", "/Admin/Users/Create", new()
        { ["Input.UserName"] = "math.teacher", ["Input.Role"] = "teacher", ["Input.PersonId"] = person.Id.ToString() });
        var html = await create.Content.ReadAsStringAsync();
        var password = Html.Parse(html).QuerySelector("[data-testid=created] code")!.TextContent;
        password.Length.ShouldBe(12);
        var teacher = await app.LoginAsync("math.teacher", password);
        // A temporary password must be replaced before anything else.
        var first = await teacher.GetAsync("/");
        first.Headers.Location!.ToString().ShouldBe("/Account/ChangePassword");
        (await teacher.PostFormAsync("/Account/ChangePassword", "/Account/ChangePassword", new()
        { ["Input.Current"] = password, ["Input.New"] = "my-own-2026", ["Input.Confirm"] = "my-own-2026" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await teacher.GetStringAsync("/")).ShouldContain(person.FullName);

        // The administrator resets the password: the old one stops working.
        var userId = await app.WithDb(db => db.Users.Where(u => u.UserName == "math.teacher").Select(u => u.Id).SingleAsync());
        // It asks first: the button opens a confirmation that says what will happen, and opening it changes nothing.
        var confirm = Html.Parse(await admin.GetStringAsync($"/Admin/Users/Reset?id={userId}")).QuerySelector("[data-testid=confirm-reset]")!.TextContent;
        confirm.ShouldContain("Старый пароль перестанет работать, а пользователь будет выведен из системы на всех устройствах");
        confirm.ShouldContain("math.teacher");
        await app.LoginAsync("math.teacher", "my-own-2026");
        (await admin.GetStringAsync("/Admin/Users")).ShouldContain($"/Admin/Users/Reset?id={userId}");
        var reset = await admin.PostFormAsync($"/Admin/Users/Reset?id={userId}", "/Admin/Users/Reset", new() { ["id"] = userId });
        var newPassword = Html.Parse(await reset.Content.ReadAsStringAsync()).QuerySelector("[data-testid=new-password] code")!.TextContent;
        newPassword.ShouldNotBe(password);
        await app.LoginAsync("math.teacher", newPassword);
        // …and an administrator of another school cannot reset it.
        var curatorB = await app.CuratorOfBAsync();
        (await curatorB.GetAsync("/Admin/Users")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}

[Collection("sqlite")] public sealed class CatalogAndApiTests_Sqlite(SqliteApp app) : CatalogAndApiTests(app);
[Collection("postgres")] public sealed class CatalogAndApiTests_Postgres(PostgresApp app) : CatalogAndApiTests(app);
