using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nastavnik.Tests.Infrastructure;

namespace Nastavnik.Tests.Security;

/// <summary>
/// Sign-in tells nobody which logins exist, cannot be used to lock a colleague out, slows down guessing from one address and
/// against one account, refuses guessable passwords, and leaves a line in the audit trail.
/// </summary>
public abstract class SignInTests(AppFixture app)
{
    private static HttpClient From(WebApplicationFactory<Program> host, string address)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ClientAddress.Header, address);
        return client;
    }

    private WebApplicationFactory<Program> WithAddresses() =>
        app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddress>()));

    private static Task<HttpResponseMessage> TryAsync(HttpClient client, string user, string password) =>
        client.PostFormAsync("/Account/Login", "/Account/Login", new() { ["Input.UserName"] = user, ["Input.Password"] = password });

    [Fact]
    public async Task A_missing_login_is_refused_as_slowly_as_a_wrong_password_for_a_real_one()
    {
        var school = await app.NewSchoolAsync(teachers: 4);
        await using var host = WithAddresses();
        string[] real = [school.Admin, school.Curator, .. school.Teachers.Select(t => t.Login)];
        await TryAsync(From(host, "192.0.2.1"), "warm-up", "warm-up-2026");

        async Task<double> Refusal(int i, string user)
        {
            var client = From(host, $"192.0.2.{10 + i}");
            var page = await client.GetStringAsync("/Account/Login");
            var form = new FormUrlEncodedContent(new Dictionary<string, string>
            { ["Input.UserName"] = user, ["Input.Password"] = "not-it-2026", ["__RequestVerificationToken"] = Html.Token(page) });
            var watch = Stopwatch.StartNew();
            var r = await client.PostAsync("/Account/Login", form);
            watch.Stop();
            (await r.Content.ReadAsStringAsync()).ShouldContain("Неверный логин или пароль");
            return watch.Elapsed.TotalMilliseconds;
        }
        var missing = new List<double>();
        var wrong = new List<double>();
        for (var i = 0; i < real.Length; i++)
        {
            missing.Add(await Refusal(2 * i, $"nobody-{Guid.NewGuid():N}"[..20]));
            wrong.Add(await Refusal(2 * i + 1, real[i]));
        }
        static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
        Median(missing).ShouldBeGreaterThan(Median(wrong) * 0.5, $"missing {string.Join(", ", missing.Select(m => (int)m))} ms; real {string.Join(", ", wrong.Select(m => (int)m))} ms");
    }

    [Fact]
    public async Task Wrong_passwords_from_one_address_slow_that_address_down_but_never_lock_the_owner_out()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        await using var host = WithAddresses();
        var outsider = From(host, "203.0.113.66");
        for (var i = 0; i < 5; i++)
            (await (await TryAsync(outsider, school.Admin, $"guess-{i}-2026")).Content.ReadAsStringAsync()).ShouldContain("Неверный логин или пароль");
        // The sixth try from that address is not even checked, the right password included.
        var sixth = await TryAsync(outsider, school.Admin, TestSchool.Password);
        sixth.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sixth.Content.ReadAsStringAsync()).ShouldContain("Слишком много неудачных попыток");

        // The administrator, at the school, signs in at once.
        (await TryAsync(From(host, "198.51.100.7"), school.Admin, TestSchool.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDb(db => db.Users.Where(u => u.UserName == school.Admin).Select(u => u.LockoutEnd).SingleAsync())).ShouldBeNull();
    }

    [Fact]
    public async Task Guessing_many_logins_from_one_address_is_slowed_down_for_that_address_only()
    {
        await using var host = WithAddresses();
        var outsider = From(host, "203.0.113.77");
        var throttled = false;
        for (var i = 0; i < 40 && !throttled; i++)
            throttled = (await (await TryAsync(outsider, $"guess{i}", "password-2026")).Content.ReadAsStringAsync()).Contains("Слишком много неудачных попыток");
        throttled.ShouldBeTrue();
        (await TryAsync(From(host, "198.51.100.8"), "curator", "curator2026")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_new_password_equal_to_the_login_common_or_shorter_than_ten_characters_is_refused()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var login = school.Teachers[0].Login;
        var teacher = await school.TeacherAsync(0);
        async Task<string> Change(string password)
        {
            var r = await teacher.PostFormAsync("/Account/ChangePassword", "/Account/ChangePassword", new()
            { ["Input.Current"] = TestSchool.Password, ["Input.New"] = password, ["Input.Confirm"] = password });
            r.StatusCode.ShouldBe(HttpStatusCode.OK, password);
            return WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        }
        (await Change(login)).ShouldContain("Пароль не должен совпадать с логином");
        (await Change(login.ToUpperInvariant() + "1")).ShouldContain("Пароль не должен совпадать с логином");
        (await Change("qwerty123456")).ShouldContain("Этот пароль слишком распространён");
        (await Change("Password2026")).ShouldContain("Этот пароль слишком распространён");
        (await Change("short-26")).ShouldContain("Пароль должен быть не короче 10 символов");
        (await app.LoginAsync(login, TestSchool.Password)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Sign_ins_and_exports_of_personal_data_are_in_the_audit_trail()
    {
        var school = await app.NewSchoolAsync(teachers: 2);
        (await TryAsync(app.Anonymous(), school.Curator, "not-the-password-2026")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var curator = await school.CuratorAsync();
        (await curator.GetAsync("/Staff/Export")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var trail = await app.WithDb(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.UserName == school.Curator).OrderBy(a => a.Id)
            .Select(a => new { a.SchoolId, a.EntityType, a.Action, a.Changes }).ToListAsync());
        trail.Select(a => (a.EntityType, a.Action)).ShouldBe([("SignIn", "failed"), ("SignIn", "succeeded"), ("Export", "download")]);
        trail.ShouldAllBe(a => a.SchoolId == school.Id);
        trail[2].Changes.ShouldContain("/Staff/Export");
        trail[2].Changes.ShouldContain("Педагоги");
        trail[0].Changes.ShouldNotContain("not-the-password-2026");
    }
}

[Collection("sqlite")] public sealed class SignInTests_Sqlite(SqliteApp app) : SignInTests(app);
[Collection("postgres")] public sealed class SignInTests_Postgres(PostgresApp app) : SignInTests(app);

/// <summary>The SQLite file holds the whole school's personal data: only the account that runs the app may read it.</summary>
public sealed class SqliteFileTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_new_sqlite_database_is_readable_by_its_owner_only()
    {
        var dir = Directory.CreateTempSubdirectory("nastavnik-mode-").FullName;
        try
        {
            var file = Path.Combine(dir, "data", "school.db");
            await using (var web = Program.BuildWebApp(["--Database:Provider=Sqlite", $"--ConnectionStrings:Nastavnik=Data Source={file};Pooling=False", "--Logging:LogLevel:Default=Warning"]))
            await using (var scope = web.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<Nastavnik.Web.Data.Migrator>().MigrateAsync();
            File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, true);
        }
    }
}
