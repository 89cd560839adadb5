using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Tests.Staff;

public abstract class RegistryTests(AppFixture app)
{
    [Fact]
    public async Task Demo_school_has_276_teachers_like_seed_004()
    {
        var stats = await app.WithDb(async db =>
        {
            var people = await db.People.IgnoreQueryFilters().Where(p => p.SchoolId == app.SchoolA && p.LastName != "Пробная").ToListAsync();
            return (Count: people.Count, AvgExp: people.Average(p => p.ExperienceYears ?? 0), MinAge: people.Min(p => DateTime.Today.Year - p.BirthYear!.Value),
                MaxAge: people.Max(p => DateTime.Today.Year - p.BirthYear!.Value), Departments: people.Select(p => p.Department).Distinct().Count(),
                Yo: people.Count(p => p.FullName.Contains('ё') || p.FullName.Contains('Ё')));
        });
        stats.Count.ShouldBeGreaterThanOrEqualTo(276);
        stats.AvgExp.ShouldBeInRange(15.5, 17.5);
        stats.MinAge.ShouldBeGreaterThanOrEqualTo(22);
        stats.MaxAge.ShouldBeLessThanOrEqualTo(65);
        stats.Departments.ShouldBeGreaterThanOrEqualTo(8);
        stats.Yo.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Search_finds_yo_names_typed_with_ye_and_ignores_case()
    {
        var curator = await app.CuratorAsync();
        var yoPerson = await app.WithDb(db => db.People.IgnoreQueryFilters().Where(p => p.SchoolId == app.SchoolA && p.LastName.Contains("ё")).OrderBy(p => p.Id).FirstAsync());
        var typed = yoPerson.LastName.Replace('ё', 'е').ToUpperInvariant() + " " + yoPerson.FirstName.ToLowerInvariant().Replace('ё', 'е');
        var html = await curator.GetStringAsync("/Staff?q=" + Uri.EscapeDataString(typed));
        html.ShouldContain(yoPerson.FullName); // shown with its «ё»
        var doc = Html.Parse(html);
        doc.QuerySelectorAll("table.table-staff tbody tr").Length.ShouldBeGreaterThan(0);
        doc.QuerySelectorAll("table.table-staff tbody tr a").All(a => a.TextContent.Contains(yoPerson.LastName)).ShouldBeTrue();
    }

    [Fact]
    public async Task Names_with_yo_sort_as_with_ye_in_the_registry_and_the_api()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        const string dept = "МО алфавита";
        await app.WithDb(async db =>
        {
            foreach (var (last, first) in new[] { ("Жукова", "Анна"), ("Ёлкина", "Вера"), ("Боброва", "Ольга"), ("Ежова", "Алла"), ("Ежова", "Алёна"), ("Ёжиков", "Пётр") })
                db.People.Add(new Person { SchoolId = school.Id, LastName = last, FirstName = first, Department = dept });
            return await db.SaveChangesAsync();
        });
        // As in a printed list: «ё» is «е» for the order (Ёжиков before Ежова: «ежи» < «ежо»; Алёна before Алла), shown with its «ё».
        string[] alphabetical = ["Боброва Ольга", "Ёжиков Пётр", "Ежова Алёна", "Ежова Алла", "Ёлкина Вера", "Жукова Анна"];
        var curator = await school.CuratorAsync();

        foreach (var (sort, expected) in new[] { ("name", alphabetical), ("-name", alphabetical.Reverse().ToArray()) })
        {
            var page = Html.Parse(await curator.GetStringAsync($"/Staff?dept={Uri.EscapeDataString(dept)}&sort={sort}"));
            page.QuerySelectorAll("table.table-staff tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ShouldBe(expected);
            var api = await curator.GetFromJsonAsync<JsonElement>($"/api/v1/staff?dept={Uri.EscapeDataString(dept)}&sort={sort}");
            api.GetProperty("items").EnumerateArray().Select(r => $"{r.GetProperty("lastName").GetString()} {r.GetProperty("firstName").GetString()}")
                .ShouldBe(expected);
        }
    }

    [Fact]
    public async Task List_filters_by_department_sorts_and_pages()
    {
        var curator = await app.CuratorAsync();
        var dept = "МО математики";
        var expected = await app.WithDb(db => db.People.CountAsync(p => p.SchoolId == app.SchoolA && p.Department == dept && !p.IsArchived));
        var html = await curator.GetStringAsync($"/Staff?dept={Uri.EscapeDataString(dept)}&sort=-exp&size=200");
        var doc = Html.Parse(html);
        var rows = doc.QuerySelectorAll("table.table-staff tbody tr");
        rows.Length.ShouldBe(expected);
        rows.All(r => r.QuerySelector("td[data-label='МО']")!.TextContent == dept).ShouldBeTrue();
        var exp = rows.Select(r => int.Parse(r.QuerySelector("td[data-label='Стаж']")!.TextContent)).ToList();
        exp.ShouldBe(exp.OrderByDescending(x => x).ToList());

        var page1 = Html.Parse(await curator.GetStringAsync("/Staff?p=1"));
        var page2 = Html.Parse(await curator.GetStringAsync("/Staff?p=2"));
        var names1 = page1.QuerySelectorAll("table.table-staff tbody tr td:first-child a").Select(a => a.TextContent).ToList();
        var names2 = page2.QuerySelectorAll("table.table-staff tbody tr td:first-child a").Select(a => a.TextContent).ToList();
        names1.Count.ShouldBe(25);
        names1.Intersect(names2).ShouldBeEmpty();
        string.CompareOrdinal(NameOrder.Key(names1[^1]), NameOrder.Key(names2[0])).ShouldBeLessThanOrEqualTo(0, "pages continue in name order");
        page1.QuerySelector(".pagination")!.TextContent.ShouldContain("Страница 1 из");
    }

    [Fact]
    public async Task Htmx_requests_get_only_the_table()
    {
        var curator = await app.CuratorAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/Staff?q=а");
        request.Headers.Add("HX-Request", "true");
        var response = await curator.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldNotContain("<html");
        html.ShouldContain("table-staff");
        response.Headers.Vary.ShouldContain("HX-Request");
    }

    [Fact]
    public async Task Curator_creates_edits_and_archives_a_teacher_and_every_change_is_audited()
    {
        var curator = await app.CuratorAsync();
        var create = await curator.PostFormAsync("/Staff/Edit", "/Staff/Edit", new()
        {
            ["Input.LastName"] = "Пробная", ["Input.FirstName"] = "Алёна", ["Input.MiddleName"] = "Петровна", ["Input.Position"] = "Учитель химии",
            ["Input.Department"] = "МО естественных наук", ["Input.ExperienceYears"] = "3", ["Input.BirthYear"] = "1998", ["Input.Category"] = "None",
            ["Input.Consent"] = "Given", ["Input.ConsentDate"] = "2025-09-02", ["Version"] = "0",
        });
        create.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = int.Parse(create.Headers.Location!.ToString().Split('/').Last());
        var card = await curator.GetStringAsync($"/Staff/Details/{id}");
        card.ShouldContain("Пробная Алёна Петровна");
        card.ShouldContain("02.09.2025");

        var edit = await curator.PostFormAsync($"/Staff/Edit/{id}", $"/Staff/Edit/{id}", new()
        {
            ["Input.LastName"] = "Пробная", ["Input.FirstName"] = "Алёна", ["Input.MiddleName"] = "Петровна", ["Input.Position"] = "Учитель химии и биологии",
            ["Input.Department"] = "МО естественных наук", ["Input.ExperienceYears"] = "4", ["Input.BirthYear"] = "1998", ["Input.Category"] = "First",
            ["Input.Consent"] = "Given", ["Input.ConsentDate"] = "2025-09-02", ["Version"] = "0",
        });
        edit.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var archive = await curator.PostFormAsync($"/Staff/Details/{id}", $"/Staff/Details/{id}?handler=Archive", []);
        archive.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await curator.GetStringAsync("/Staff?q=Пробная")).ShouldNotContain("Пробная Алёна");
        (await curator.GetStringAsync("/Staff?q=Пробная&status=archived")).ShouldContain("Пробная Алёна");

        var audit = await app.WithDb(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.EntityType == "Person" && a.EntityId == id).OrderBy(a => a.Id).ToListAsync());
        audit.Select(a => a.Action).ShouldBe(["create", "update", "update"]);
        audit.ShouldAllBe(a => a.UserName == "curator" && a.SchoolId == app.SchoolA);
        audit[1].Changes.ShouldContain("\"Position\":{\"old\":\"Учитель химии\",\"new\":\"Учитель химии и биологии\"}");
        audit[2].Changes.ShouldContain("IsArchived");
        (await curator.GetStringAsync($"/Staff/Details/{id}")).ShouldContain("должность");

        // The card's history and consent mark name the curator as a person (issue 10, item 23), not by the login «curator».
        var curatorName = await app.WithDb(db => db.Users.Where(u => u.UserName == "curator").Select(u => u.Person!.LastName + " " + u.Person.FirstName).SingleAsync());
        var history = Html.Parse(await curator.GetStringAsync($"/Staff/Details/{id}")).QuerySelector("main")!.TextContent;
        history.ShouldContain($"· {curatorName}");
        history.ShouldContain($"отметка: {curatorName}");
        history.ShouldNotContain("· curator ·");
        // A demo card was written without a signed-in user: «система», not «system».
        var demoId = await app.WithDb(db => db.People.Where(p => p.SchoolId == app.SchoolA).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var demoCard = Html.Parse(await curator.GetStringAsync($"/Staff/Details/{demoId}")).QuerySelector("main")!.TextContent;
        demoCard.ShouldContain("· система ·");
        demoCard.ShouldNotContain("system");
    }

    [Fact]
    public async Task A_stale_edit_does_not_overwrite_a_newer_one()
    {
        var curator = await app.CuratorAsync();
        var admin = await app.AdminAsync();
        var person = await app.WithDb(db => db.People.IgnoreQueryFilters().Where(p => p.SchoolId == app.SchoolA && p.Department == "МО искусства").OrderBy(p => p.Id).FirstAsync());
        Dictionary<string, string> Form(string position) => new()
        {
            ["Input.LastName"] = person.LastName, ["Input.FirstName"] = person.FirstName, ["Input.MiddleName"] = person.MiddleName ?? "",
            ["Input.Position"] = position, ["Input.Department"] = person.Department!, ["Input.ExperienceYears"] = person.ExperienceYears.ToString()!,
            ["Input.BirthYear"] = person.BirthYear.ToString()!, ["Input.Category"] = person.Category.ToString(), ["Input.Consent"] = person.Consent.ToString(),
            ["Input.ConsentDate"] = person.ConsentDate?.ToString("yyyy-MM-dd") ?? "", ["Version"] = person.Version.ToString(),
        };
        (await admin.PostFormAsync($"/Staff/Edit/{person.Id}", $"/Staff/Edit/{person.Id}", Form("Первая правка"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var second = await curator.PostFormAsync($"/Staff/Edit/{person.Id}", $"/Staff/Edit/{person.Id}", Form("Вторая правка"));
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.Content.ReadAsStringAsync()).ShouldContain("изменил другой пользователь");
        (await app.WithDb(db => db.People.IgnoreQueryFilters().SingleAsync(p => p.Id == person.Id))).Position.ShouldBe("Первая правка");
    }

    [Fact]
    public async Task Invalid_input_shows_russian_messages_and_saves_nothing()
    {
        var curator = await app.CuratorAsync();
        var before = await app.WithDb(db => db.People.IgnoreQueryFilters().CountAsync());
        var response = await curator.PostFormAsync("/Staff/Edit", "/Staff/Edit", new()
        {
            ["Input.LastName"] = "", ["Input.FirstName"] = "Иван", ["Input.ExperienceYears"] = "70", ["Input.Email"] = "не почта", ["Input.Category"] = "None", ["Input.Consent"] = "Given", ["Version"] = "0",
        });
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Укажите фамилию.");
        html.ShouldContain("Стаж — число лет от 0 до 60.");
        html.ShouldContain("Адрес электронной почты записан неверно.");
        // Rules across fields alone (the fields themselves valid).
        var second = await curator.PostFormAsync("/Staff/Edit", "/Staff/Edit", new()
        {
            ["Input.LastName"] = "Иванов", ["Input.FirstName"] = "Иван", ["Input.BirthYear"] = "2000", ["Input.ExperienceYears"] = "15", ["Input.Category"] = "None", ["Input.Consent"] = "Given", ["Version"] = "0",
        });
        var html2 = await second.Content.ReadAsStringAsync();
        html2.ShouldContain("Укажите дату, когда согласие дано или отозвано.");
        html2.ShouldContain("Стаж больше, чем возможно при таком годе рождения.");
        (await app.WithDb(db => db.People.IgnoreQueryFilters().CountAsync())).ShouldBe(before);
    }
}

[Collection("sqlite")] public sealed class RegistryTests_Sqlite(SqliteApp app) : RegistryTests(app);
[Collection("postgres")] public sealed class RegistryTests_Postgres(PostgresApp app) : RegistryTests(app);
