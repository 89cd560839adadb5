using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Admin.Users;

namespace Nastavnik.Tests.Security;

/// <summary>
/// A sign-in cookie dies with its session: sign-out, a new password and a new role end every session of the user within a
/// minute, even a copy of the cookie kept elsewhere; a temporary password opens nothing, in the API either.
/// </summary>
public abstract class SessionTests(AppFixture app)
{
    /// <summary>A browser of its own: the cookies it was given, sent by hand, so a test can keep a copy.</summary>
    private sealed class Browser(HttpClient http)
    {
        public string Cookies { get; private set; } = "";

        public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, Dictionary<string, string>? form = null)
        {
            using var request = new HttpRequestMessage(method, url);
            if (form is not null) request.Content = new FormUrlEncodedContent(form);
            if (Cookies.Length > 0) request.Headers.Add("Cookie", Cookies);
            var response = await http.SendAsync(request);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
            {
                var jar = Cookies.Split("; ", StringSplitOptions.RemoveEmptyEntries).ToDictionary(c => c.Split('=')[0], c => c);
                foreach (var pair in set.Select(c => c.Split(';')[0])) jar[pair.Split('=')[0]] = pair;
                Cookies = string.Join("; ", jar.Values.Where(c => !c.EndsWith('=')));
            }
            return response;
        }

        public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, string postUrl, Dictionary<string, string> fields)
        {
            var page = await SendAsync(HttpMethod.Get, pageUrl);
            fields["__RequestVerificationToken"] = Html.Token(await page.Content.ReadAsStringAsync());
            return await SendAsync(HttpMethod.Post, postUrl, fields);
        }

        public async Task SignInAsync(string user, string password) =>
            (await PostFormAsync("/Account/Login", "/Account/Login", new() { ["Input.UserName"] = user, ["Input.Password"] = password }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        public Browser Copy() => new(http) { Cookies = Cookies };

        public async Task<HttpStatusCode> ApiAsync() => (await SendAsync(HttpMethod.Get, "/api/v1/topics")).StatusCode;
    }

    private static readonly TimeSpan AMinute = TimeSpan.FromSeconds(61);

    private static (WebApplicationFactory<Program> Host, FakeTimeProvider Clock) WithClock(AppFixture app)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        return (app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock))), clock);
    }

    private static Browser NewBrowser(WebApplicationFactory<Program> host) =>
        new(host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));

    [Fact]
    public async Task Signing_out_ends_the_session_for_a_copy_of_the_cookie_too()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var (host, clock) = WithClock(app);
        await using var _ = host;
        var teacher = NewBrowser(host);
        await teacher.SignInAsync(school.Teachers[0].Login, TestSchool.Password);
        var stolen = teacher.Copy();
        (await stolen.ApiAsync()).ShouldBe(HttpStatusCode.OK);

        (await teacher.PostFormAsync("/", "/Account/Logout", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        clock.Advance(AMinute);
        (await stolen.ApiAsync()).ShouldBe(HttpStatusCode.Unauthorized);
        (await stolen.SendAsync(HttpMethod.Get, "/")).Headers.Location!.ToString().ShouldStartWith("http://localhost/Account/Login");
    }

    [Fact]
    public async Task A_password_reset_by_the_administrator_ends_the_users_sessions()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var (host, clock) = WithClock(app);
        await using var _ = host;
        var teacher = NewBrowser(host);
        await teacher.SignInAsync(school.Teachers[0].Login, TestSchool.Password);
        var admin = NewBrowser(host);
        await admin.SignInAsync(school.Admin, TestSchool.Password);

        var id = await app.WithDb(db => db.Users.Where(u => u.UserName == school.Teachers[0].Login).Select(u => u.Id).SingleAsync());
        (await admin.PostFormAsync($"/Admin/Users/Reset?id={id}", "/Admin/Users/Reset", new() { ["id"] = id })).StatusCode.ShouldBe(HttpStatusCode.OK);
        clock.Advance(AMinute);
        (await teacher.ApiAsync()).ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.ApiAsync()).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_changed_password_ends_the_other_sessions_and_keeps_this_one()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var (host, clock) = WithClock(app);
        await using var _ = host;
        var phone = NewBrowser(host);
        await phone.SignInAsync(school.Teachers[0].Login, TestSchool.Password);
        var laptop = NewBrowser(host);
        await laptop.SignInAsync(school.Teachers[0].Login, TestSchool.Password);

        (await laptop.PostFormAsync("/Account/ChangePassword", "/Account/ChangePassword", new()
        { ["Input.Current"] = TestSchool.Password, ["Input.New"] = "laptop-pass-2026", ["Input.Confirm"] = "laptop-pass-2026" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        clock.Advance(AMinute);
        (await phone.ApiAsync()).ShouldBe(HttpStatusCode.Unauthorized);
        (await laptop.ApiAsync()).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_new_role_ends_the_users_sessions()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var (host, clock) = WithClock(app);
        await using var _ = host;
        var curator = NewBrowser(host);
        await curator.SignInAsync(school.Curator, TestSchool.Password);
        (await curator.SendAsync(HttpMethod.Get, "/Staff")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var id = await app.WithDb(db => db.Users.Where(u => u.UserName == school.Curator).Select(u => u.Id).SingleAsync());
        await using (var scope = SignedInScope.As(app, school.Id, school.Admin, Roles.Administrator))
            (await scope.Get<AccountCommands>().ChangeRoleAsync(school.Id, id, Roles.Teacher, CancellationToken.None)).Error.ShouldBeNull();
        clock.Advance(AMinute);
        (await curator.SendAsync(HttpMethod.Get, "/Staff")).Headers.Location!.ToString().ShouldStartWith("http://localhost/Account/Login");
    }

    [Fact]
    public async Task A_temporary_password_opens_neither_pages_nor_the_api_until_it_is_changed()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var admin = await school.AdminAsync();
        var id = await app.WithDb(db => db.Users.Where(u => u.UserName == school.Teachers[0].Login).Select(u => u.Id).SingleAsync());
        var reset = await admin.PostFormAsync($"/Admin/Users/Reset?id={id}", "/Admin/Users/Reset", new() { ["id"] = id });
        var temporary = Html.Parse(await reset.Content.ReadAsStringAsync()).QuerySelector("[data-testid=new-password] code")!.TextContent;

        var teacher = await app.LoginAsync(school.Teachers[0].Login, temporary);
        (await teacher.GetAsync("/")).Headers.Location!.ToString().ShouldBe("/Account/ChangePassword");
        var api = await teacher.GetAsync("/api/v1/topics");
        api.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.Content.ReadAsStringAsync()).ShouldContain("временный пароль");
        (await teacher.PostAsJsonAsync("/api/v1/portfolio/items", new { title = "Материал до смены пароля" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.WithDb(db => db.PortfolioItems.IgnoreQueryFilters().CountAsync(i => i.Title == "Материал до смены пароля"))).ShouldBe(0);

        (await teacher.PostFormAsync("/Account/ChangePassword", "/Account/ChangePassword", new()
        { ["Input.Current"] = temporary, ["Input.New"] = "my-own-pass-2026", ["Input.Confirm"] = "my-own-pass-2026" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await teacher.GetAsync("/api/v1/topics")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

[Collection("sqlite")] public sealed class SessionTests_Sqlite(SqliteApp app) : SessionTests(app);
[Collection("postgres")] public sealed class SessionTests_Postgres(PostgresApp app) : SessionTests(app);
