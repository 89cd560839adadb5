using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;

namespace Nastavnik.Tests.Data;

/// <summary>
/// The EF Core migrations of each provider build exactly the schema of the model, and every change of the model comes with its
/// migration (ADR-005).
/// </summary>
public abstract class SchemaTests
{
    protected abstract DatabaseProvider Provider { get; }
    protected abstract Task<(string ConnectionString, Func<Task> Drop)> NewDatabaseAsync();

    internal static WebApplication App(DatabaseProvider provider, string connectionString) => Program.BuildWebApp(
        [$"--Database:Provider={provider}", $"--ConnectionStrings:Nastavnik={connectionString}", "--Demo:Enabled=false", "--Logging:LogLevel:Default=Warning"]);

    [Fact]
    public async Task The_model_has_no_change_without_a_migration()
    {
        var (cs, drop) = await NewDatabaseAsync();
        try
        {
            await using var app = App(Provider, cs);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.GetType().Name.ShouldBe(Provider == DatabaseProvider.Sqlite ? "SqliteAppDbContext" : "PostgresAppDbContext");
            db.Database.GetMigrations().ShouldNotBeEmpty();
            db.Database.HasPendingModelChanges().ShouldBeFalse("The model changed without a migration: run tools/add-migration.sh NAME.");
        }
        finally
        {
            await drop();
        }
    }

    [Fact]
    public async Task Migrated_schema_equals_the_schema_of_the_model()
    {
        var (migratedCs, dropMigrated) = await NewDatabaseAsync();
        var (modelCs, dropModel) = await NewDatabaseAsync();
        try
        {
            string migrated, model;
            await using (var app = App(Provider, migratedCs))
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var applied = await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync();
                applied.ShouldBe(db.Database.GetMigrations().ToList());
                (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
                (await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync()).ShouldBeEmpty();
                migrated = await DatabaseSnapshot.SchemaAsync(db.Database.GetDbConnection(), Provider);
            }
            await using (var app = App(Provider, modelCs))
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await db.Database.EnsureCreatedAsync();
                model = await DatabaseSnapshot.SchemaAsync(db.Database.GetDbConnection(), Provider);
            }
            model.ShouldContain("People");
            model.ShouldContain("IX_Programs_OneActive");
            migrated.ShouldBe(model);
        }
        finally
        {
            await dropMigrated();
            await dropModel();
        }
    }
}

public sealed class SchemaTests_Sqlite : SchemaTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override Task<(string, Func<Task>)> NewDatabaseAsync() => TestDatabases.NewSqliteAsync();
}

public sealed class SchemaTests_Postgres : SchemaTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;
    protected override Task<(string, Func<Task>)> NewDatabaseAsync() => TestDatabases.NewPostgresAsync();
}

/// <summary>An empty database of its own for a test, and how to drop it.</summary>
public static class TestDatabases
{
    public static Task<(string, Func<Task>)> NewSqliteAsync()
    {
        var dir = Directory.CreateTempSubdirectory("nastavnik-schema-").FullName;
        return Task.FromResult(($"Data Source={Path.Combine(dir, "s.db")};Pooling=False", (Func<Task>)(() =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, true);
            return Task.CompletedTask;
        })));
    }

    public static async Task<(string, Func<Task>)> NewPostgresAsync()
    {
        var (cs, name) = await TestPostgres.CreateDatabaseAsync();
        return (cs, () => TestPostgres.DropDatabaseAsync(name));
    }
}
