using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Tests.Hosting;

/// <summary>
/// A real school's installation (started with its settings, nothing about a demo) never gets the demo school and its published
/// logins; a demo installation says so on every page.
/// </summary>
public abstract class RealInstallationTests
{
    protected abstract DatabaseProvider Provider { get; }
    protected abstract Task<(string ConnectionString, Func<Task> Drop)> NewDatabaseAsync();

    /// <summary>The application as a school installs it: its provider and connection string, migrations applied, nothing else.</summary>
    private sealed class Installation(DatabaseProvider provider, string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", provider.ToString());
            builder.UseSetting("Database:AutoMigrate", "true");
            builder.UseSetting("ConnectionStrings:Nastavnik", connectionString);
        }
    }

    [Fact]
    public async Task A_new_installation_without_the_demo_switch_has_no_demo_school_and_the_published_logins_do_not_work()
    {
        var (cs, drop) = await NewDatabaseAsync();
        try
        {
            await using var installation = new Installation(Provider, cs);
            var client = installation.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            await DatabaseStartup.PrepareDatabaseAsync(installation.Services, installation.Services.GetRequiredService<IConfiguration>());

            await using (var scope = installation.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                (await db.Organizations.IgnoreQueryFilters().CountAsync()).ShouldBe(0);
                (await db.Users.CountAsync()).ShouldBe(0);
            }
            var login = await client.GetStringAsync("/Account/Login");
            login.ShouldNotContain("Демонстрационная школа");
            var attempt = await client.PostFormAsync("/Account/Login", "/Account/Login", new()
            { ["Input.UserName"] = "admin", ["Input.Password"] = "admin2026" });
            attempt.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await attempt.Content.ReadAsStringAsync()).ShouldContain("Неверный логин или пароль");
        }
        finally
        {
            await drop();
        }
    }
}

public sealed class RealInstallationTests_Sqlite : RealInstallationTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<(string ConnectionString, Func<Task> Drop)> NewDatabaseAsync()
    {
        var dir = Directory.CreateTempSubdirectory("nastavnik-real-").FullName;
        return Task.FromResult<(string, Func<Task>)>(($"Data Source={Path.Combine(dir, "school.db")};Pooling=False", () =>
        {
            try { Directory.Delete(dir, true); } catch (IOException) { }
            return Task.CompletedTask;
        }
        ));
    }
}

public sealed class RealInstallationTests_Postgres : RealInstallationTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;

    protected override async Task<(string ConnectionString, Func<Task> Drop)> NewDatabaseAsync()
    {
        var (cs, name) = await TestPostgres.CreateDatabaseAsync();
        return (cs, () => TestPostgres.DropDatabaseAsync(name));
    }
}

/// <summary>The demo installation (the README's run command) marks every page, signed in or not.</summary>
[Collection("sqlite")]
public sealed class DemoInstallationMarkTests(SqliteApp app)
{
    private const string Mark = "Демонстрационная школа";

    [Fact]
    public async Task Every_page_of_a_demo_installation_says_it_is_the_demo_school()
    {
        (await app.Anonymous().GetStringAsync("/Account/Login")).ShouldContain(Mark);
        var curator = await app.CuratorAsync();
        foreach (var url in new[] { "/", "/Staff", "/Programs", "/Catalog", "/Account/ChangePassword" })
            (await curator.GetStringAsync(url)).ShouldContain(Mark, customMessage: url);
    }
}
