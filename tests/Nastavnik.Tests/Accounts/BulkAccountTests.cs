using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Account;
using Nastavnik.Web.Features.Notifications;

namespace Nastavnik.Tests.Accounts;

/// <summary>
/// Accounts for the whole staff at once (BulkAccountCommands through the API and pages), one-time codes and the code page,
/// «Забыли пароль?» and invitations, over a host whose clock, client address and mail settings the test controls.
/// </summary>
public abstract class BulkAccountTests(AppFixture app)
{
    private sealed record Issued(string UserId, int? PersonId, string Name, string Login, string Code, DateTime ExpiresAt);
    private sealed record Refused(int PersonId, string Name, string Reason);
    private sealed record Bulk(List<Issued> Created, List<Refused> Refused, int AlreadyHadAccount, Guid SlipsId);
    private sealed record Pending(string UserId, string Login, string Name, string? Email);
    private sealed record Invited(int Sent, List<string> WithoutEmail);

    private sealed class Host(AppFixture app, bool mail) : IAsyncDisposable
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
        public WebApplicationFactory<Program> Factory => _factory ??= app.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            s.AddSingleton<IStartupFilter, ClientAddress>();
            if (mail) s.Configure<SmtpOptions>(o => { o.Host = "127.0.0.1"; o.From = "nastavnik@school.example"; });
        }));

        public HttpClient Client(string address = "127.0.0.1")
        {
            var c = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            c.DefaultRequestHeaders.Add(ClientAddress.Header, address);
            return c;
        }

        public async Task<HttpClient> LoginAsync(string user)
        {
            var c = Client();
            var r = await c.PostFormAsync("/Account/Login", "/Account/Login", new() { ["Input.UserName"] = user, ["Input.Password"] = TestSchool.Password });
            r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            return c;
        }

        private WebApplicationFactory<Program>? _factory;

        public ValueTask DisposeAsync() => _factory?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    private Host NewHost(bool mail = false) => new(app, mail);

    private static string RandomSuffix() => new(Enumerable.Range(0, 4).Select(_ => "бвгдзклмнпрстф"[Random.Shared.Next(14)]).ToArray());
    private static readonly Dictionary<char, char> Latin = new() { ['б'] = 'b', ['в'] = 'v', ['г'] = 'g', ['д'] = 'd', ['з'] = 'z', ['к'] = 'k', ['л'] = 'l', ['м'] = 'm', ['н'] = 'n', ['п'] = 'p', ['р'] = 'r', ['с'] = 's', ['т'] = 't', ['ф'] = 'f' };

    /// <summary>A school with its own staff without accounts: three namesakes «Ёлкина/Елкина А. П.», a Щукин, one without consent, one withdrawn.</summary>
    private async Task<(TestSchool School, string Suffix, List<int> People)> StaffAsync()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var suffix = RandomSuffix();
        var people = await app.WithDb(async db =>
        {
            Person P(string last, string first, string middle, ConsentStatus consent = ConsentStatus.Given, string? email = null) => new()
            { SchoolId = school.Id, LastName = last + suffix, FirstName = first, MiddleName = middle, Consent = consent, Email = email, Department = "МО точных наук" };
            var list = new List<Person>
            {
                P("Ёлкина", "Анна", "Петровна", email: $"elkina{Guid.NewGuid():N}@school.example"), P("Ёлкина", "Алла", "Павловна"), P("Елкина", "Анастасия", "Петровна"),
                P("Щукин", "Юрий", "Ильич"), P("Жаворонкова", "Ольга", "Ивановна", ConsentStatus.NotRecorded), P("Цой", "Яна", "Эдуардовна", ConsentStatus.Withdrawn),
            };
            db.People.AddRange(list);
            await db.SaveChangesAsync();
            return list.Select(p => p.Id).ToList();
        });
        return (school, new string(suffix.Select(c => Latin[c]).ToArray()), people);
    }

    private static async Task<Bulk> BulkAsync(HttpClient admin, IEnumerable<int> people)
    {
        var r = await admin.PostAsJsonAsync("/api/v1/accounts/bulk", new { personIds = people });
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<Bulk>())!;
    }

    private static async Task<string> CodePageAsync(HttpClient client, string login, string code) =>
        WebUtility.HtmlDecode(await client.GetStringAsync($"/Account/Code?login={Uri.EscapeDataString(login)}&code={Uri.EscapeDataString(code)}"));

    [Fact]
    public async Task Bulk_creation_gives_unique_ICAO_logins_over_namesakes_refuses_without_consent_and_a_rerun_creates_nothing()
    {
        var (school, s, people) = await StaffAsync();
        var admin = await school.AdminAsync();

        var first = await BulkAsync(admin, people);

        first.Created.Select(c => c.Login).Order().ShouldBe(new[] { $"elkina{s}.ap", $"elkina{s}.ap2", $"elkina{s}.ap3", $"shchukin{s}.ii" }.Order());
        first.Created.Single(c => c.Name.StartsWith("Ёлкина", StringComparison.Ordinal) && c.Name.Contains("Анна", StringComparison.Ordinal)).Login.ShouldStartWith($"elkina{s}.ap");
        first.Refused.Select(r => r.Name.Split(' ')[0][..^4]).ShouldBe(["Жаворонкова", "Цой"], ignoreOrder: true);
        first.Refused.Single(r => r.Name.StartsWith("Жаворонкова", StringComparison.Ordinal)).Reason.ShouldContain("нет согласия на обработку персональных данных");
        first.Refused.Single(r => r.Name.StartsWith("Цой", StringComparison.Ordinal)).Reason.ShouldContain("отозвано");
        first.Created.ShouldAllBe(c => c.Code.Length == 11 && c.Code[5] == '-');

        var stored = await app.WithDb(db => db.Users.Where(u => u.SchoolId == school.Id && u.PersonId != null && people.Contains(u.PersonId.Value))
            .Select(u => new { u.UserName, u.NormalizedUserName, u.SecurityStamp, u.ConcurrencyStamp, u.PasswordHash, Role = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).Single() }).ToListAsync());
        stored.Count.ShouldBe(4);
        stored.ShouldAllBe(u => string.Equals(u.NormalizedUserName, u.UserName!.ToUpperInvariant(), StringComparison.Ordinal) && u.SecurityStamp != null && u.ConcurrencyStamp != null && u.PasswordHash == null && u.Role == Roles.Teacher);
        var hashes = await app.WithDb(db => db.SignInCodes.Where(c => c.SchoolId == school.Id).Select(c => c.Hash).ToListAsync());
        hashes.Count.ShouldBe(4);
        hashes.ShouldNotContain(h => first.Created.Any(c => h.Contains(c.Code.Replace("-", ""), StringComparison.OrdinalIgnoreCase)));

        var again = await BulkAsync(admin, people);
        again.Created.ShouldBeEmpty();
        again.AlreadyHadAccount.ShouldBe(4);
        again.Refused.Count.ShouldBe(2);
        (await app.WithDb(db => db.Users.CountAsync(u => u.SchoolId == school.Id))).ShouldBe(4 + 4);
    }

    [Fact]
    public async Task A_code_signs_the_teacher_in_once_and_then_says_it_was_used()
    {
        var (school, _, people) = await StaffAsync();
        var issued = (await BulkAsync(await school.AdminAsync(), people.Take(1))).Created.Single();
        var phone = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        (await CodePageAsync(phone, issued.Login, issued.Code.ToLowerInvariant().Replace("-", " "))).ShouldContain("Код принят");
        var set = await phone.PostFormAsync($"/Account/Code?login={issued.Login}&code={issued.Code}", "/Account/Code", new()
        { ["Input.Login"] = issued.Login, ["Input.Code"] = issued.Code, ["Password.New"] = "ryabina-2026-sad", ["Password.Confirm"] = "ryabina-2026-sad" });
        set.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        set.Headers.Location!.ToString().ShouldBe("/");
        (await phone.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.LoginAsync(issued.Login, "ryabina-2026-sad")).ShouldNotBeNull();

        var again = await CodePageAsync(app.Anonymous(), issued.Login, issued.Code);
        again.ShouldContain("Этот код уже использован");
        again.ShouldContain("администратора школы");
        (await app.WithDb(db => db.Users.Where(u => u.Id == issued.UserId).Select(u => u.PasswordHash).SingleAsync())).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_code_expires_after_14_days_and_a_new_code_revokes_the_old_one()
    {
        var (school, _, people) = await StaffAsync();
        await using var host = NewHost();
        var (clock, clocked) = (host.Clock, host.Factory);
        var admin = await host.LoginAsync(school.Admin);
        var issued = (await BulkAsync(admin, people.Take(2))).Created;

        var renewed = await admin.PostAsync($"/api/v1/accounts/{issued[0].UserId}/code", null);
        renewed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var fresh = (await renewed.Content.ReadFromJsonAsync<Issued>())!;
        (await CodePageAsync(clocked.CreateClient(), issued[0].Login, issued[0].Code)).ShouldContain("Этот код отменён");
        (await CodePageAsync(clocked.CreateClient(), fresh.Login, fresh.Code)).ShouldContain("Код принят");

        clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
        var expired = await CodePageAsync(clocked.CreateClient(), issued[1].Login, issued[1].Code);
        expired.ShouldContain("Срок действия кода истёк");
        expired.ShouldContain("Попросите у администратора школы новый код");
    }

    [Fact]
    public async Task Wrong_codes_are_throttled_like_wrong_passwords()
    {
        var (school, _, people) = await StaffAsync();
        var issued = (await BulkAsync(await school.AdminAsync(), people.Take(1))).Created.Single();
        await using var host = NewHost();
        var address = $"198.51.100.{Random.Shared.Next(2, 250)}";
        for (var i = 0; i < 5; i++) (await CodePageAsync(host.Client(address), issued.Login, "AAAAA-AAAA" + i)).ShouldContain("Неверный логин или код");

        (await CodePageAsync(host.Client(address), issued.Login, issued.Code)).ShouldContain("Слишком много неудачных попыток");
        (await CodePageAsync(host.Client("203.0.113.7"), issued.Login, issued.Code)).ShouldContain("Код принят");
    }

    [Fact]
    public async Task Forgot_password_enqueues_a_one_hour_link_and_answers_the_same_for_an_unknown_login()
    {
        var (school, _, people) = await StaffAsync();
        var issued = (await BulkAsync(await school.AdminAsync(), people.Take(1))).Created.Single();
        (await app.Anonymous().GetStringAsync("/Account/Forgot")).ShouldContain(CodeSignInCommands.ForgotWithoutMail.Split(':')[0]);

        await using var host = NewHost(mail: true);
        var (clock, clocked) = (host.Clock, host.Factory);
        async Task<string> AskAsync(string login) => WebUtility.HtmlDecode(await (await clocked.CreateClient().PostFormAsync("/Account/Forgot", "/Account/Forgot", new() { ["LoginOrEmail"] = login })).Content.ReadAsStringAsync());

        var known = await AskAsync(issued.Login);
        var unknown = await AskAsync("nobody-" + Guid.NewGuid().ToString("N")[..6]);
        known.ShouldContain("Если такой пользователь есть", customMessage: known[known.IndexOf("<main", StringComparison.Ordinal)..]);
        unknown.ShouldContain(CodeSignInCommands.ForgotAnswer);

        var letter = await app.WithDb(db => db.OutboxLetters.Where(l => l.UserId == issued.UserId && l.Kind == "password-reset").SingleAsync());
        letter.ToAddress.ShouldEndWith("@school.example");
        letter.TextBody.ShouldContain("один час");
        var link = letter.TextBody.Split('\n').Select(l => l.Trim()).Single(l => l.Contains("/Account/Code?login=", StringComparison.Ordinal));
        var code = Uri.UnescapeDataString(link[(link.IndexOf("code=", StringComparison.Ordinal) + 5)..]);
        (await CodePageAsync(clocked.CreateClient(), issued.Login, code)).ShouldContain("Код принят");
        (await CodePageAsync(clocked.CreateClient(), issued.Login, issued.Code)).ShouldContain("отменён");
        clock.Advance(TimeSpan.FromMinutes(61));
        (await CodePageAsync(clocked.CreateClient(), issued.Login, code)).ShouldContain("Срок действия кода истёк");
    }

    [Fact]
    public async Task Invitations_are_enqueued_for_those_who_have_not_signed_in_and_have_an_address()
    {
        var (school, _, people) = await StaffAsync();
        var created = (await BulkAsync(await school.AdminAsync(), people)).Created;
        await using var host = NewHost(mail: true);
        var admin = await host.LoginAsync(school.Admin);

        var pending = (await admin.GetFromJsonAsync<List<Pending>>("/api/v1/accounts/not-signed-in"))!;
        pending.Select(p => p.Login).ShouldBe(created.Select(c => c.Login), ignoreOrder: true);
        var r = await admin.PostAsJsonAsync("/api/v1/accounts/invitations", new { });
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = (await r.Content.ReadFromJsonAsync<Invited>())!;
        result.Sent.ShouldBe(1);
        result.WithoutEmail.Count.ShouldBe(3);
        var letter = await app.WithDb(db => db.OutboxLetters.Where(l => l.SchoolId == school.Id && l.Kind == "invitation").SingleAsync());
        letter.Subject.ShouldContain("Приглашение");
        letter.TextBody.ShouldContain("/Account/Code?login=");
        WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Users/Pending")).ShouldContain("Отправить ещё раз");
    }

    /// <summary>The benchmark of docs/benchmarks.md: a whole school (276 by default, NASTAVNIK_BULK_BENCH_N for more) through the API.</summary>
    [Fact]
    public async Task Bulk_creation_of_a_whole_school_takes_under_ten_seconds()
    {
        var n = int.TryParse(Environment.GetEnvironmentVariable("NASTAVNIK_BULK_BENCH_N"), out var v) ? v : 276;
        var school = await app.NewSchoolAsync(teachers: 1);
        var suffix = RandomSuffix();
        await app.WithDb(async db =>
        {
            db.People.AddRange(Enumerable.Range(0, n).Select(i => new Person
            { SchoolId = school.Id, LastName = (i % 3 == 0 ? "Ёлкина" : "Соловьёва") + suffix, FirstName = i % 2 == 0 ? "Анна" : "Алла", MiddleName = "Петровна", Consent = ConsentStatus.Given }));
            return await db.SaveChangesAsync();
        });
        var admin = await school.AdminAsync();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var r = await admin.PostAsJsonAsync("/api/v1/accounts/bulk", new { dept = (string?)null });
        watch.Stop();
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = (await r.Content.ReadFromJsonAsync<Bulk>())!;
        Console.WriteLine($"bulk creation of {n} accounts on {app.Provider}: {watch.Elapsed.TotalSeconds:0.00} s");
        result.Created.Count.ShouldBe(n);
        result.Created.Select(c => c.Login).Distinct().Count().ShouldBe(n);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_teacher_cannot_create_accounts_and_an_administrator_cannot_issue_a_code_for_another_school()
    {
        var (school, _, people) = await StaffAsync();
        var other = await app.NewSchoolAsync(teachers: 1);
        var victim = await app.WithDb(db => db.Users.Where(u => u.UserName == other.Teachers[0].Login).Select(u => u.Id).SingleAsync());
        var teacher = await school.TeacherAsync(0);

        (await teacher.PostAsJsonAsync("/api/v1/accounts/bulk", new { personIds = people })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await teacher.GetAsync("/Admin/Users/Bulk")).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        var admin = await school.AdminAsync();
        (await admin.PostAsync($"/api/v1/accounts/{victim}/code", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.PostAsJsonAsync("/api/v1/accounts/bulk", new { personIds = new[] { app.PersonB } })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.WithDb(db => db.SignInCodes.CountAsync(c => c.UserId == victim))).ShouldBe(0);
    }
}

[Collection("sqlite")] public sealed class BulkAccountTests_Sqlite(SqliteApp app) : BulkAccountTests(app);
[Collection("postgres")] public sealed class BulkAccountTests_Postgres(PostgresApp app) : BulkAccountTests(app);
