using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Demo;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Tests.Data;

/// <summary>The hand-kept SQL migrations must produce exactly the schema the EF model expects, and an upgrade must keep every row.</summary>
public abstract class SchemaTests
{
    protected abstract DatabaseProvider Provider { get; }
    protected abstract Task<(string ConnectionString, Func<Task> Drop)> NewDatabaseAsync();

    private WebApplication App(string connectionString) => Program.BuildWebApp(
        [$"--Database:Provider={Provider}", $"--ConnectionStrings:Nastavnik={connectionString}", "--Demo:Enabled=false", "--Logging:LogLevel:Default=Warning"]);

    [Fact]
    public async Task Migrated_schema_equals_the_schema_of_the_model()
    {
        var (migratedCs, dropMigrated) = await NewDatabaseAsync();
        var (modelCs, dropModel) = await NewDatabaseAsync();
        try
        {
            string migrated, model;
            await using (var app = App(migratedCs))
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var applied = await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync();
                applied.ShouldBe(Migrator.All(Provider).Select(m => m.Id).ToList());
                migrated = await DescribeAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
            }
            await using (var app = App(modelCs))
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await db.Database.EnsureCreatedAsync();
                model = await DescribeAsync(db);
            }
            model.ShouldContain("People");
            migrated.ShouldBe(model);
        }
        finally
        {
            await dropMigrated();
            await dropModel();
        }
    }

    [Fact]
    public async Task Upgrading_a_database_of_the_first_release_keeps_every_row()
    {
        var (cs, drop) = await NewDatabaseAsync();
        try
        {
            await using var app = App(cs);
            Dictionary<string, long> before;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var migrator = scope.ServiceProvider.GetRequiredService<Migrator>();
                (await migrator.MigrateAsync(upTo: "0001_initial")).ShouldBe(["0001_initial"]);
                await DatabaseStartup.EnsureRolesAsync(scope.ServiceProvider);
                await scope.ServiceProvider.GetRequiredService<DemoSchool>().CreateAsync(withProgram: false);
                before = await CountRowsAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
            }
            before["People"].ShouldBe(DemoSchool.TeacherCount);
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var applied = await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync();
                applied.ShouldNotBeEmpty();
                var after = await CountRowsAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
                foreach (var (table, count) in before) after[table].ShouldBe(count, table);
                // The upgraded database works: a sign-in and a search succeed.
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                (await db.People.CountAsync(p => p.SearchText.Contains("е"))).ShouldBeGreaterThan(0);
                (await db.ImportUploads.CountAsync()).ShouldBe(0);
                (await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync()).ShouldBeEmpty();
            }
        }
        finally
        {
            await drop();
        }
    }

    private static async Task<Dictionary<string, long>> CountRowsAsync(AppDbContext db)
    {
        var tables = new[] { "Organizations", "People", "Directions", "Topics", "AuditEntries", "AspNetUsers", "AspNetRoles", "AspNetUserRoles" };
        var counts = new Dictionary<string, long>();
        foreach (var t in tables) counts[t] = Convert.ToInt64(await ScalarAsync(db, $"SELECT COUNT(*) FROM \"{t}\""));
        return counts;
    }

    private static async Task<object?> ScalarAsync(AppDbContext db, string sql)
    {
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync();
    }

    private async Task<string> DescribeAsync(AppDbContext db)
    {
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync();
        var lines = new List<string>();
        if (Provider == DatabaseProvider.Sqlite)
        {
            var tables = await RowsAsync(conn, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__nastavnik_migrations' ORDER BY name");
            foreach (var t in tables.Select(r => r[0]))
            {
                lines.AddRange((await RowsAsync(conn, $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{t}') ORDER BY name")).Select(r => $"{t} column {string.Join(' ', r)}"));
                lines.AddRange((await RowsAsync(conn, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{t}') ORDER BY \"from\"")).Select(r => $"{t} fk {string.Join(' ', r)}"));
                foreach (var idx in await RowsAsync(conn, $"SELECT name, \"unique\" FROM pragma_index_list('{t}') WHERE origin = 'c' ORDER BY name"))
                {
                    var cols = (await RowsAsync(conn, $"SELECT name FROM pragma_index_info('{idx[0]}') ORDER BY seqno")).Select(r => r[0]);
                    lines.Add($"{t} index {idx[0]} unique={idx[1]} ({string.Join(',', cols)})");
                }
            }
        }
        else
        {
            lines.AddRange((await RowsAsync(conn, "SELECT table_name, column_name, data_type, coalesce(character_maximum_length::text, ''), is_nullable, coalesce(column_default, ''), is_identity FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '__nastavnik_migrations' ORDER BY table_name, column_name")).Select(r => "column " + string.Join(' ', r)));
            lines.AddRange((await RowsAsync(conn, "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '__nastavnik_migrations' ORDER BY tablename, indexname")).Select(r => "index " + string.Join(' ', r)));
            lines.AddRange((await RowsAsync(conn, "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '__nastavnik_migrations' ORDER BY 1, 2")).Select(r => "constraint " + string.Join(' ', r)));
            lines.AddRange((await RowsAsync(conn, "SELECT extname FROM pg_extension ORDER BY 1")).Select(r => "extension " + r[0]));
        }
        return string.Join('\n', lines);
    }

    private static async Task<List<string[]>> RowsAsync(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await r.ReadAsync())
            rows.Add(Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "null" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        return rows;
    }
}

public sealed class SchemaTests_Sqlite : SchemaTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<(string, Func<Task>)> NewDatabaseAsync()
    {
        var dir = Directory.CreateTempSubdirectory("nastavnik-schema-").FullName;
        return Task.FromResult(($"Data Source={Path.Combine(dir, "s.db")};Pooling=False", (Func<Task>)(() => { Directory.Delete(dir, true); return Task.CompletedTask; })));
    }
}

public sealed class SchemaTests_Postgres : SchemaTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSQL;

    protected override async Task<(string, Func<Task>)> NewDatabaseAsync()
    {
        var (cs, name) = await TestPostgres.CreateDatabaseAsync();
        return (cs, () => TestPostgres.DropDatabaseAsync(name));
    }
}
