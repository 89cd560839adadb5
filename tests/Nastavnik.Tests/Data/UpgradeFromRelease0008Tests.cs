using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;

namespace Nastavnik.Tests.Data;

/// <summary>
/// Every database of the last release with SQL migrations (0001–0008, ADR-002) upgrades to the EF Core migrations (ADR-005)
/// without losing a row; a database at an older script is refused and left as it was.
/// </summary>
public abstract class UpgradeFromRelease0008Tests
{
    protected abstract DatabaseProvider Provider { get; }
    protected abstract Task<(string ConnectionString, Func<Task> Drop)> NewDatabaseAsync();

    [Fact]
    public async Task A_database_of_release_0008_starts_upgraded_with_every_row_kept()
    {
        var (cs, drop) = await NewDatabaseAsync();
        var (modelCs, dropModel) = await NewDatabaseAsync();
        try
        {
            var old = new Release0008Database(Provider, cs);
            await old.MigrateAsync();
            await old.SeedAsync();
            Dictionary<string, string[]> columns;
            Dictionary<string, List<string>> before;
            await using (var conn = await old.OpenAsync())
            {
                columns = await DatabaseSnapshot.ColumnsAsync(conn, Provider);
                before = await DatabaseSnapshot.DataAsync(conn, columns);
            }
            // Every table the application writes holds rows, so "every row kept" speaks for all of them.
            before.Where(t => t.Value.Count == 0).Select(t => t.Key)
                .ShouldBe(["AspNetRoleClaims", "AspNetUserClaims", "AspNetUserLogins", "AspNetUserTokens"], ignoreOrder: true);

            // The new version starts on it, migrating on start (PostgreSQL installs run the same migrator with `nastavnik migrate`).
            await using var app = new ExistingDatabaseApp(Provider, cs);
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var conn = db.Database.GetDbConnection();
                var all = db.Database.GetMigrations().ToList();
                (await DatabaseSnapshot.RowsAsync(conn, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY 1")).Select(r => r[0]).ShouldBe(all);
                (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
                db.Database.HasPendingModelChanges().ShouldBeFalse();
                (await LegacyHistoryExistsAsync(conn)).ShouldBeFalse();

                var after = await DatabaseSnapshot.DataAsync(conn, columns);
                foreach (var (table, rows) in before) after[table].ShouldBe(rows, table);

                var model = await ModelSchemaAsync(modelCs);
                (await DatabaseSnapshot.SchemaAsync(conn, Provider)).ShouldBe(model);
            }

            // The school's administrator of the old release signs in and sees the school's staff.
            var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var login = await client.PostFormAsync("/Account/Login", "/Account/Login", new Dictionary<string, string>
            {
                ["Input.UserName"] = Release0008Database.AdminLogin, ["Input.Password"] = Release0008Database.AdminPassword,
            });
            login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var registry = await client.GetStringAsync("/Staff");
            registry.ShouldContain(Release0008Database.MentorName);
            registry.ShouldContain(Release0008Database.MenteeName);
        }
        finally
        {
            await drop();
            await dropModel();
        }
    }

    [Fact]
    public async Task A_database_at_an_older_script_is_refused_and_left_as_it_was()
    {
        var (cs, drop) = await NewDatabaseAsync();
        try
        {
            var old = new Release0008Database(Provider, cs);
            await old.MigrateAsync(upTo: "0007_matching");
            string schemaBefore;
            await using (var conn = await old.OpenAsync()) schemaBefore = await DatabaseSnapshot.SchemaAsync(conn, Provider);

            await using var app = SchemaTests.App(Provider, cs);
            await using var scope = app.Services.CreateAsyncScope();
            var refusal = await Should.ThrowAsync<DatabaseTooOldException>(() => scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync());
            refusal.Message.ShouldContain("0007_matching");
            refusal.Message.ShouldContain("0008_preferences");

            await using var after = await old.OpenAsync();
            (await DatabaseSnapshot.SchemaAsync(after, Provider)).ShouldBe(schemaBefore);
            (await DatabaseSnapshot.RowsAsync(after, "SELECT id FROM __nastavnik_migrations")).Count.ShouldBe(7);
            (await DatabaseSnapshot.RowsAsync(after, Provider == DatabaseProvider.Sqlite
                ? "SELECT name FROM sqlite_master WHERE name = '__EFMigrationsHistory'"
                : "SELECT 1 FROM information_schema.tables WHERE table_name = '__EFMigrationsHistory'")).ShouldBeEmpty();
        }
        finally
        {
            await drop();
        }
    }

    private async Task<string> ModelSchemaAsync(string connectionString)
    {
        await using var app = SchemaTests.App(Provider, connectionString);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.EnsureCreatedAsync();
        return await DatabaseSnapshot.SchemaAsync(db.Database.GetDbConnection(), Provider);
    }

    private async Task<bool> LegacyHistoryExistsAsync(System.Data.Common.DbConnection conn) =>
        (await DatabaseSnapshot.RowsAsync(conn, Provider == DatabaseProvider.Sqlite
            ? "SELECT name FROM sqlite_master WHERE name = '__nastavnik_migrations'"
            : "SELECT 1 FROM information_schema.tables WHERE table_name = '__nastavnik_migrations'")).Count > 0;

    /// <summary>The application over a database that already exists, started as an operator starts it (migrations on start).</summary>
    private sealed class ExistingDatabaseApp(DatabaseProvider provider, string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", provider.ToString());
            builder.UseSetting("Database:AutoMigrate", "true");
            builder.UseSetting("ConnectionStrings:Nastavnik", connectionString);
            builder.UseSetting("Demo:Enabled", "false");
            // The background jobs stay off, as in the shared fixture: the pulse job would otherwise create a survey for the release's
            // pair as soon as the host runs, and on a busy machine it did so before the rows were compared (an extra audit row).
            builder.UseSetting("Nastavnik:Jobs:Enabled", "false");
        }
    }
}

public sealed class UpgradeFromRelease0008Tests_Sqlite : UpgradeFromRelease0008Tests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override Task<(string, Func<Task>)> NewDatabaseAsync() => TestDatabases.NewSqliteAsync();
}

/// <summary>`nastavnik migrate` over a release 0008 SQLite file (the command through the executable's entry point, in-process).</summary>
[Collection(CliCollection.Name)]
public sealed class UpgradeFromRelease0008CommandTests
{
    private const DatabaseProvider Provider = DatabaseProvider.Sqlite;

    [Fact]
    public async Task Nastavnik_migrate_adopts_a_release_0008_database_and_refuses_an_older_one_with_the_reason()
    {
        using (var cli = new CliInProcess(demo: false))
        {
            var old = new Release0008Database(Provider, $"Data Source={cli.Db};Pooling=False");
            await old.MigrateAsync();
            await old.SeedAsync();
            var migrate = await cli.Run("migrate");
            migrate.Code.ShouldBe(0, migrate.Err);
            cli.Scalar("SELECT COUNT(*) FROM \"__EFMigrationsHistory\"").ShouldBeGreaterThan(0);
            cli.Scalar("SELECT COUNT(*) FROM People").ShouldBe(3);
            cli.Scalar("SELECT COUNT(*) FROM MentoringPairs").ShouldBe(1);
        }
        using (var cli = new CliInProcess(demo: false))
        {
            await new Release0008Database(Provider, $"Data Source={cli.Db};Pooling=False").MigrateAsync(upTo: "0006_one_active_program");
            var migrate = await cli.Run("migrate");
            migrate.Code.ShouldBe(4);
            migrate.Err.ShouldContain("0006_one_active_program");
            migrate.Err.ShouldContain("0008_preferences");
            migrate.Err.ShouldNotContain("   at ");
        }
    }
}

public sealed class UpgradeFromRelease0008Tests_Postgres : UpgradeFromRelease0008Tests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
    protected override Task<(string, Func<Task>)> NewDatabaseAsync() => TestDatabases.NewPostgresAsync();
}
