using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Features.Admin.Users;

namespace Nastavnik.Tests.Accounts;

/// <summary>Accounts are created by one command (AccountCommands): the page and the CLI refuse the same logins with the same words.</summary>
public abstract class AccountTests(AppFixture app)
{
    private static async Task<string> CreateOnPageAsync(HttpClient admin, string userName, int personId)
    {
        var r = await admin.PostFormAsync($"/Admin/Users/Create?personId={personId}", "/Admin/Users/Create", new()
        { ["Input.UserName"] = userName, ["Input.Role"] = "teacher", ["Input.PersonId"] = personId.ToString() });
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        return WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_page_refuses_a_login_outside_the_pattern_and_a_taken_one_and_creates_nothing()
    {
        var school = await app.NewSchoolAsync(teachers: 2);
        var admin = await school.AdminAsync();
        var person = school.Teachers[0].PersonId;

        (await CreateOnPageAsync(admin, "иванова", person)).ShouldContain(AccountCommands.LoginRule);
        (await CreateOnPageAsync(admin, school.Teachers[1].Login, person)).ShouldContain($"Логин «{school.Teachers[1].Login}» уже занят");
        (await app.WithDb(db => db.Users.CountAsync(u => u.PersonId == person && u.UserName != school.Teachers[0].Login))).ShouldBe(0);
    }

    [Fact]
    public async Task An_administrator_cannot_reset_or_unlock_an_account_of_another_school_by_its_id()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var other = await app.NewSchoolAsync(teachers: 1);
        var victim = await app.WithDb(db => db.Users.Where(u => u.UserName == other.Teachers[0].Login).Select(u => new { u.Id, u.PasswordHash }).SingleAsync());
        var admin = await school.AdminAsync();

        (await admin.GetAsync($"/Admin/Users/Reset?id={victim.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.PostFormAsync("/Admin/Users", "/Admin/Users/Reset", new() { ["id"] = victim.Id })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.PostFormAsync("/Admin/Users", "/Admin/Users?handler=Unlock", new() { ["id"] = victim.Id })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.WithDb(db => db.Users.Where(u => u.Id == victim.Id).Select(u => u.PasswordHash).SingleAsync())).ShouldBe(victim.PasswordHash);
    }
}

[Collection("sqlite")] public sealed class AccountTests_Sqlite(SqliteApp app) : AccountTests(app);
[Collection("postgres")] public sealed class AccountTests_Postgres(PostgresApp app) : AccountTests(app);
