using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Catalog;
using Npgsql;

namespace Nastavnik.Tests.Infrastructure;

/// <summary>
/// The application over a real database: the demo school (school A) created on start like a fresh install, plus a second
/// school B with its own people and curator, for tests that try to cross between schools.
/// </summary>
public abstract class AppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public abstract DatabaseProvider Provider { get; }
    public string ConnectionString { get; private set; } = "";
    public int SchoolA { get; private set; }
    public int SchoolB { get; private set; }
    public int PersonB { get; private set; }

    public const string CuratorB = "curator-b";
    public const string CuratorBPassword = "curatorb2026";

    protected abstract Task<string> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        // Without a server the PostgreSQL classes are skipped (DatabaseFacts.cs); their fixture then has nothing to start.
        if (Provider == DatabaseProvider.PostgreSQL && !PostgresTests.ServerGiven) return;
        ConnectionString = await CreateDatabaseAsync();
        // Start the host: migrations run and the demo school is created as on a first start.
        using (CreateClient()) { }
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await Nastavnik.Web.Hosting.DatabaseStartup.PrepareDatabaseAsync(Services, Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>());
        SchoolA = await db.Organizations.Where(o => o.IsDemo && o.Kind == OrganizationKind.School).Select(o => o.Id).SingleAsync();

        var b = new Organization { Kind = OrganizationKind.School, Name = "Школа Б" };
        db.Organizations.Add(b);
        await db.SaveChangesAsync();
        SchoolB = b.Id;
        DefaultCatalog.AddTo(db, b.Id);
        var secret = new Person { SchoolId = b.Id, LastName = "Тайнова", FirstName = "Зоя", MiddleName = "Игоревна", Department = "МО школы Б", ExperienceYears = 7, BirthYear = 1990, Email = "tainova@b.example", Consent = ConsentStatus.Given, ConsentDate = new DateOnly(2025, 9, 1) };
        db.People.Add(secret);
        await db.SaveChangesAsync();
        PersonB = secret.Id;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var curator = new AppUser { UserName = CuratorB, SchoolId = b.Id, DisplayName = "Куратор Б" };
        (await users.CreateAsync(curator, CuratorBPassword)).Succeeded.ShouldBeTrue();
        await users.AddToRoleAsync(curator, Roles.Curator);
    }

    /// <summary>What the app logged (events with an id), for tests of the operator's log.</summary>
    public CapturedLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:AutoMigrate", "true");
        builder.UseSetting("ConnectionStrings:Nastavnik", ConnectionString);
        builder.UseSetting("Demo:Enabled", "true");
        // Background jobs do not run by themselves in tests: a test calls the job it checks (or starts a host of its own with them on).
        builder.UseSetting("Nastavnik:Jobs:Enabled", "false");
        // The same PBKDF2 hashing with fewer rounds: a test signs in several times, and 100,000 rounds per sign-in made password
        // hashing a large share of the suite's CPU on two cores. The count is stored in each hash, so verification is unchanged.
        builder.ConfigureServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
    }

    public async Task<T> WithDb<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<HttpClient> LoginAsync(string user, string password)
    {
        var client = Anonymous();
        var page = await client.GetStringAsync("/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = user, ["Input.Password"] = password, ["__RequestVerificationToken"] = Html.Token(page),
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"login of {user} failed");
        return client;
    }

    /// <summary>
    /// A fresh school of its own for a test that changes school-wide state (programs, rounds): the default catalog, teachers
    /// (all with consent unless <paramref name="withoutConsent"/> says how many of the last ones lack it), and logins:
    /// "{prefix}-admin", "{prefix}-curator", "{prefix}-t1".."{prefix}-tN" linked to the teachers, all with <see cref="TestSchool.Password"/>.
    /// </summary>
    public async Task<TestSchool> NewSchoolAsync(int teachers = 4, int withoutConsent = 0)
    {
        var prefix = "s" + Guid.NewGuid().ToString("N")[..8];
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var school = new Organization { Kind = OrganizationKind.School, Name = $"Тестовая школа {prefix}" };
        db.Organizations.Add(school);
        await db.SaveChangesAsync();
        DefaultCatalog.AddTo(db, school.Id);
        string[] last = ["Ёлкина", "Петров", "Соловьёва", "Иванов", "Кузнецова", "Смирнов", "Фёдорова", "Попов"];
        string[] first = ["Анна", "Пётр", "Мария", "Иван", "Ольга", "Сергей", "Дарья", "Алексей"];
        string[] middle = ["Сергеевна", "Ильич", "Олеговна", "Петрович", "Андреевна", "Юрьевич", "Павловна", "Иванович"];
        var people = Enumerable.Range(0, teachers).Select(i => new Person
        {
            SchoolId = school.Id, LastName = last[i % last.Length] + (i >= last.Length ? $"-{i / last.Length}" : ""), FirstName = first[i % first.Length],
            MiddleName = middle[i % middle.Length], Department = i % 2 == 0 ? "МО гуманитарных наук" : "МО естественных наук",
            Position = "Учитель", ExperienceYears = 3 + 4 * i, BirthYear = 1995 - 3 * i,
            Consent = i >= teachers - withoutConsent ? ConsentStatus.NotRecorded : ConsentStatus.Given,
            ConsentDate = i >= teachers - withoutConsent ? null : new DateOnly(2026, 9, 1),
        }).ToList();
        db.People.AddRange(people);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        async Task<string> Account(string login, string role, int? personId, string name)
        {
            var u = new AppUser { UserName = login, SchoolId = school.Id, PersonId = personId, DisplayName = name };
            (await users.CreateAsync(u, TestSchool.Password)).Succeeded.ShouldBeTrue();
            await users.AddToRoleAsync(u, role);
            return login;
        }
        await Account($"{prefix}-admin", Roles.Administrator, null, "Администратор");
        await Account($"{prefix}-curator", Roles.Curator, null, "Куратор");
        await Account($"{prefix}-psy", Roles.Psychologist, null, "Педагог-психолог");
        var logins = new List<TestTeacher>();
        for (var i = 0; i < people.Count; i++)
            logins.Add(new TestTeacher(people[i].Id, await Account($"{prefix}-t{i + 1}", Roles.Teacher, people[i].Id, people[i].FullName), people[i].FullName));
        return new TestSchool(this, school.Id, $"{prefix}-admin", $"{prefix}-curator", logins);
    }

    public Task<HttpClient> AdminAsync() => LoginAsync("admin", "admin2026");
    public Task<HttpClient> CuratorAsync() => LoginAsync("curator", "curator2026");
    public Task<HttpClient> TeacherAsync() => LoginAsync("teacher", "teacher2026");
    public Task<HttpClient> CuratorOfBAsync() => LoginAsync(CuratorB, CuratorBPassword);

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await DropDatabaseAsync();
    }

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;
}

public sealed class SqliteApp : AppFixture
{
    private string? _dir;
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync()
    {
        _dir = Directory.CreateTempSubdirectory("nastavnik-test-").FullName;
        return Task.FromResult($"Data Source={Path.Combine(_dir, "test.db")};Pooling=False");
    }

    protected override Task DropDatabaseAsync()
    {
        try { if (_dir is not null) Directory.Delete(_dir, true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}

public sealed class PostgresApp : AppFixture
{
    private string? _name;
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;

    protected override async Task<string> CreateDatabaseAsync()
    {
        (var cs, _name) = await TestPostgres.CreateDatabaseAsync();
        return cs;
    }

    protected override Task DropDatabaseAsync() => _name is null ? Task.CompletedTask : TestPostgres.DropDatabaseAsync(_name);
}

/// <summary>The throwaway PostgreSQL server that the test command (test.sh) starts on loopback.</summary>
public static class TestPostgres
{
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("NASTAVNIK_TEST_PG")
        ?? throw new InvalidOperationException("NASTAVNIK_TEST_PG is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL on loopback.");

    public static async Task<(string ConnectionString, string Name)> CreateDatabaseAsync()
    {
        var name = "nastavnik_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var conn = new NpgsqlConnection(ServerConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        return (new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString, name);
    }

    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(ServerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}

public sealed record TestTeacher(int PersonId, string Login, string FullName);

public sealed record TestSchool(AppFixture App, int Id, string Admin, string Curator, IReadOnlyList<TestTeacher> Teachers)
{
    public const string Password = "test-pass-2026";
    public Task<HttpClient> AdminAsync() => App.LoginAsync(Admin, Password);
    public Task<HttpClient> CuratorAsync() => App.LoginAsync(Curator, Password);
    /// <summary>The school's psychologist ("{prefix}-psy"): sees colleagues like a teacher and the mentees left without a pair, not the registry or needs (ADR-004).</summary>
    public Task<HttpClient> PsychologistAsync() => App.LoginAsync(Admin.Replace("-admin", "-psy"), Password);
    public Task<HttpClient> TeacherAsync(int index) => App.LoginAsync(Teachers[index].Login, Password);

    /// <summary>The shape every diagnostics test starts from: an active program 2026/2027 and its open self-assessment round (RoundId 0 without one).</summary>
    public Task<(int ProgramId, int RoundId)> OpenRoundAsync(bool withRound = true) => App.WithDb(async db =>
    {
        var program = new MentoringProgram { SchoolId = Id, Name = "Программа наставничества 2026/2027", StartDate = new(2026, 9, 1), EndDate = new(2027, 6, 30), Status = ProgramStatus.Active };
        db.Programs.Add(program);
        await db.SaveChangesAsync();
        if (!withRound) return (program.Id, 0);
        var round = new DiagnosticsRound { SchoolId = Id, ProgramId = program.Id, Title = "Диагностика, сентябрь 2026", Deadline = new(2026, 9, 30) };
        db.DiagnosticsRounds.Add(round);
        await db.SaveChangesAsync();
        return (program.Id, round.Id);
    });

    /// <summary>The school's topics by catalog code (MET-01, ICT-03, …).</summary>
    public Task<Dictionary<string, int>> TopicIdsAsync() =>
        App.WithDb(db => db.Topics.Where(t => t.SchoolId == Id).ToDictionaryAsync(t => t.Code, t => t.Id));
}

[CollectionDefinition("sqlite")]
public sealed class SqliteCollection : ICollectionFixture<SqliteApp>;

[CollectionDefinition("postgres")]
public sealed class PostgresCollection : ICollectionFixture<PostgresApp>;

public static partial class Html
{
    public static string Token(string html)
    {
        var m = TokenRegex().Match(html);
        if (!m.Success) throw new InvalidOperationException("No antiforgery token on the page.");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, string postUrl, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(pageUrl);
        fields["__RequestVerificationToken"] = Token(page);
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(fields));
    }

    public static AngleSharp.Dom.IDocument Parse(string html) => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
}
