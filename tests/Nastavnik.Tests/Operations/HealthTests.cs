using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;

namespace Nastavnik.Tests.Operations;

/// <summary>A load balancer's questions: is the process alive (<c>/health/live</c>), may it take requests (<c>/health/ready</c>).</summary>
public abstract class HealthTests(AppFixture app)
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    [Fact]
    public async Task Ready_when_every_migration_is_applied_and_not_ready_while_one_is_pending()
    {
        var client = app.Anonymous();
        (await GetAsync(client, "/health/live")).Status.ShouldBe(HttpStatusCode.OK);
        var (status, body) = await GetAsync(client, "/health/ready");
        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("status").GetString().ShouldBe("Healthy");
        body.GetProperty("checks").GetProperty("migrations").GetString().ShouldBe("Healthy");
        (await client.GetStringAsync("/health")).ShouldBe("Healthy");

        // The code is one migration ahead of the database: its record is taken out of the history, and put back after.
        var (id, version) = await app.WithDb(async db =>
        {
            var last = db.Database.GetMigrations().Last();
            var row = await db.Database.SqlQuery<string>($"SELECT \"ProductVersion\" AS \"Value\" FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {last}").SingleAsync();
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {last}");
            return (last, row);
        });
        try
        {
            (status, body) = await GetAsync(client, "/health/ready");
            status.ShouldBe(HttpStatusCode.ServiceUnavailable);
            body.GetProperty("status").GetString().ShouldBe("Unhealthy");
            body.GetProperty("checks").GetProperty("database").GetString().ShouldBe("Healthy");
            body.GetProperty("checks").GetProperty("migrations").GetString().ShouldBe("Unhealthy");
            (await GetAsync(client, "/health/live")).Status.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await app.WithDb(db => db.Database.ExecuteSqlAsync($"INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ({id}, {version})"));
        }
        (await GetAsync(client, "/health/ready")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Not_ready_when_the_database_can_no_longer_be_reached_while_live_still_answers()
    {
        // A node of its own on a database of its own, ready once migrated; then the database goes away under it.
        var folder = Directory.CreateTempSubdirectory("nastavnik-health-").FullName;
        var file = Path.Combine(folder, "node.db");
        var (connection, name) = app.Provider == DatabaseProvider.Sqlite ? ($"Data Source={file};Pooling=False", null)
            : await TestPostgres.CreateDatabaseAsync();
        try
        {
            await using var node = app.WithWebHostBuilder(b =>
            {
                b.UseSetting("ConnectionStrings:Nastavnik", connection);
                b.UseSetting("Demo:Enabled", "false");
            });
            var client = node.CreateClient();
            (await GetAsync(client, "/health/ready")).Status.ShouldBe(HttpStatusCode.OK);

            // SQLite: the file is no longer a database; PostgreSQL: the database is dropped.
            if (name is null)
            {
                foreach (var f in Directory.GetFiles(folder)) File.Delete(f);
                await File.WriteAllTextAsync(file, new string('x', 4096));
            }
            else await TestPostgres.DropDatabaseAsync(name);

            (await GetAsync(client, "/health/live")).Status.ShouldBe(HttpStatusCode.OK);
            var (status, body) = await GetAsync(client, "/health/ready");
            status.ShouldBe(HttpStatusCode.ServiceUnavailable);
            body.GetProperty("status").GetString().ShouldBe("Unhealthy");
            body.GetProperty("checks").GetProperty("migrations").GetString().ShouldBe("Unhealthy");
            body.ToString().ShouldNotContain("nastavnik_test_"); // no error text for whoever asks
        }
        finally
        {
            if (name is not null) await TestPostgres.DropDatabaseAsync(name);
            Directory.Delete(folder, true);
        }
    }
}

[Collection("sqlite")] public sealed class HealthTests_Sqlite(SqliteApp app) : HealthTests(app);
[Collection("postgres")] public sealed class HealthTests_Postgres(PostgresApp app) : HealthTests(app);
