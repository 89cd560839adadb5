using System.Data.Common;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nastavnik.Tests.Data;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Data.Backup;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Operations;
using Nastavnik.Web.Hosting;
using Npgsql;
using Xunit.Abstractions;

namespace Nastavnik.Tests.Operations;

/// <summary>
/// A backup of the shared test database (the demo school and the schools the other tests added) restored into a fresh, empty
/// database holds every row of every table, column by column, and the app starts on it; and every refusal of a restore changes
/// nothing. The source is the collection's database, whose tests run one at a time, so it holds still while it is copied.
/// </summary>
public abstract class BackupRoundTripTests(AppFixture app, ITestOutputHelper output)
{
    protected abstract Task<(string ConnectionString, Func<Task> Drop)> NewDatabaseAsync();
    protected abstract DbConnection Connect(string connectionString);

    private WebApplication Host(string connectionString, params string[] more) => Program.BuildWebApp([
        $"--Database:Provider={app.Provider}", $"--ConnectionStrings:Nastavnik={connectionString}", "--Demo:Enabled=false",
        "--Logging:LogLevel:Default=Warning", "--Nastavnik:Jobs:Enabled=false", .. more]);

    private async Task<CommandResult<T>> With<T>(WebApplication host, Func<BackupCommands, Task<CommandResult<T>>> action)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<BackupCommands>());
    }

    [Fact]
    public async Task A_backup_restored_into_an_empty_database_holds_every_row_of_every_table_and_the_app_starts_on_it()
    {
        string[] formats = app.Provider == DatabaseProvider.Sqlite ? [""] : ["", LogicalExport];
        var dir = Directory.CreateTempSubdirectory("nastavnik-backup-test-").FullName;
        try
        {
            foreach (var pgDump in formats)
            {
                var file = Path.Combine(dir, $"backup{pgDump}.zip");
                var watch = Stopwatch.StartNew();
                await using (var source = Host(app.ConnectionString, $"--Nastavnik:Backup:PgDump={pgDump}"))
                {
                    var made = await With(source, c => c.BackupAsync(file));
                    made.Error.ShouldBeNull();
                    made.Value!.Payload.ShouldBe(app.Provider == DatabaseProvider.Sqlite ? BackupPayload.Sqlite : pgDump == "" ? BackupPayload.PgDump : BackupPayload.Copy);
                }
                var backupTook = watch.Elapsed;
                var (cs, drop) = await NewDatabaseAsync();
                try
                {
                    watch.Restart();
                    await using (var target = Host(cs))
                    {
                        var done = await With(target, c => c.RestoreAsync(file));
                        done.Error.ShouldBeNull();
                        done.Value!.MigrationsToApply.ShouldBe(0);
                    }
                    output.WriteLine($"{app.Provider} {(pgDump == "" ? "" : "logical ")}backup {backupTook.TotalSeconds:0.0} s, restore {watch.Elapsed.TotalSeconds:0.0} s, {new FileInfo(file).Length / 1024} KB");
                    watch.Restart();
                    await ShouldHoldTheSameRowsAsync(app.ConnectionString, cs);
                    output.WriteLine($"compared every table in {watch.Elapsed.TotalSeconds:0.0} s");
                    await using (var restored = Host(cs))
                    {
                        // What `serve` does first, then a demo account signs in with its password.
                        await restored.Services.PrepareDatabaseAsync(restored.Configuration);
                        await using var scope = restored.Services.CreateAsyncScope();
                        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                        (await users.CheckPasswordAsync((await users.FindByNameAsync("curator"))!, "curator2026")).ShouldBeTrue();
                    }
                }
                finally
                {
                    await drop();
                }
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private const string LogicalExport = "off";

    private async Task ShouldHoldTheSameRowsAsync(string sourceCs, string restoredCs)
    {
        await using var source = Connect(sourceCs);
        await using var restored = Connect(restoredCs);
        var tables = await DatabaseSnapshot.TablesAsync(source, app.Provider);
        (await DatabaseSnapshot.TablesAsync(restored, app.Provider)).ShouldBe(tables);
        tables.Count.ShouldBeGreaterThan(50);
        var columns = await DatabaseSnapshot.ColumnsAsync(source, app.Provider);
        static List<string> Text(Dictionary<string, string[]> c) => c.Select(t => $"{t.Key}: {string.Join(", ", t.Value)}").ToList();
        Text(await DatabaseSnapshot.ColumnsAsync(restored, app.Provider)).ShouldBe(Text(columns));
        columns[DatabaseTables.HistoryTable] = ["MigrationId", "ProductVersion"];
        var expected = await DatabaseSnapshot.DataAsync(source, columns);
        var actual = await DatabaseSnapshot.DataAsync(restored, columns);
        expected["People"].Count.ShouldBeGreaterThan(276);
        foreach (var (table, rows) in expected)
            actual[table].ShouldBe(rows, $"table {table}");
    }

    [Fact]
    public async Task A_restore_refuses_a_database_with_data_a_newer_schema_another_provider_and_a_file_that_is_no_backup_and_changes_nothing()
    {
        var dir = Directory.CreateTempSubdirectory("nastavnik-backup-test-").FullName;
        var (cs, drop) = await NewDatabaseAsync();
        try
        {
            await using var target = Host(cs);
            string last;
            await using (var scope = target.Services.CreateAsyncScope())
                last = scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetMigrations().Last();
            var other = app.Provider == DatabaseProvider.Sqlite ? DatabaseProvider.PostgreSQL : DatabaseProvider.Sqlite;
            var newer = Manifest(dir, "newer.zip", app.Provider, "29990101000000_FromTheFuture");
            var otherProvider = Manifest(dir, "other.zip", other, last);
            var text = Path.Combine(dir, "notes.zip");
            await File.WriteAllTextAsync(text, "Это не копия");
            var zipWithoutManifest = Path.Combine(dir, "photos.zip");
            using (var zip = ZipFile.Open(zipWithoutManifest, ZipArchiveMode.Create)) zip.CreateEntry("photo.jpg");

            var refusals = new List<CommandError>();
            foreach (var file in new[] { newer, otherProvider, text, zipWithoutManifest })
            {
                var result = await With(target, c => c.RestoreAsync(file));
                refusals.Add(result.Error.ShouldNotBeNull());
            }
            refusals[0].Kind.ShouldBe(ErrorKind.Conflict);
            refusals[0].Message.ShouldContain("более новой версией Наставника: схема базы 29990101000000_FromTheFuture");
            refusals[1].Kind.ShouldBe(ErrorKind.Invalid);
            refusals[1].Message.ShouldContain($"Наставник настроен на {(app.Provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL")}");
            refusals[2].Message.ShouldBe("Файл «notes.zip» — не резервная копия Наставника (её делает команда nastavnik backup). Ничего не изменено.");
            refusals[3].Message.ShouldStartWith("Файл «photos.zip» — не резервная копия Наставника");
            (await With(target, c => c.RestoreAsync(Path.Combine(dir, "missing.zip")))).Error!.Kind.ShouldBe(ErrorKind.NotFound);
            await using (var conn = Connect(cs))
                (await DatabaseSnapshot.TablesAsync(conn, app.Provider)).ShouldBeEmpty();

            // A real backup into the shared database, which holds schools: refused, and every table keeps its rows.
            var backup = Path.Combine(dir, "real.zip");
            (await With(target, c => c.BackupAsync(backup))).Error!.Message.ShouldContain("нет схемы Наставника");
            await using (var source = Host(app.ConnectionString))
            {
                (await With(source, c => c.BackupAsync(backup))).Error.ShouldBeNull();
                (await With(source, c => c.BackupAsync(backup))).Error!.Message.ShouldContain("уже есть");
                var before = await CountsAsync(app.ConnectionString);
                var busy = (await With(source, c => c.RestoreAsync(backup))).Error!;
                busy.Kind.ShouldBe(ErrorKind.Conflict);
                busy.Message.ShouldStartWith("База данных не пуста: восстановить копию можно только в пустую базу");
                busy.Details.Single().ShouldStartWith("Таблиц с записями: ");
                (await CountsAsync(app.ConnectionString)).ShouldBe(before);
            }
        }
        finally
        {
            await drop();
            Directory.Delete(dir, true);
        }
    }

    /// <summary>A backup file with only its manifest: the refusals are decided from it before the payload is read.</summary>
    private static string Manifest(string dir, string name, DatabaseProvider provider, string schema)
    {
        var path = Path.Combine(dir, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var stream = zip.CreateEntry(BackupArchive.ManifestEntry).Open();
        JsonSerializer.Serialize(stream, new { format = BackupManifest.FormatName, formatVersion = 1, provider = provider.ToString(), payload = "sqlite", schemaVersion = schema });
        return path;
    }

    private async Task<Dictionary<string, int>> CountsAsync(string cs)
    {
        await using var conn = Connect(cs);
        var counts = new Dictionary<string, int>();
        foreach (var t in await DatabaseTables.ListAsync(conn, app.Provider, default))
            counts[t] = int.Parse((await DatabaseTables.ColumnAsync(conn, $"SELECT COUNT(*) FROM \"{t}\"", default))[0], System.Globalization.CultureInfo.InvariantCulture);
        return counts;
    }
}

[Collection("sqlite")]
public sealed class BackupRoundTripTests_Sqlite(SqliteApp app, ITestOutputHelper output) : BackupRoundTripTests(app, output)
{
    protected override Task<(string, Func<Task>)> NewDatabaseAsync()
    {
        var dir = Directory.CreateTempSubdirectory("nastavnik-restore-").FullName;
        return Task.FromResult(($"Data Source={Path.Combine(dir, "restored.db")};Pooling=False", (Func<Task>)(() =>
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, true);
            return Task.CompletedTask;
        })));
    }

    protected override DbConnection Connect(string connectionString) => new SqliteConnection(connectionString);
}

[Collection("postgres")]
public sealed class BackupRoundTripTests_Postgres(PostgresApp app, ITestOutputHelper output) : BackupRoundTripTests(app, output)
{
    protected override async Task<(string, Func<Task>)> NewDatabaseAsync()
    {
        var (cs, name) = await TestPostgres.CreateDatabaseAsync();
        return (cs, () => TestPostgres.DropDatabaseAsync(name));
    }

    protected override DbConnection Connect(string connectionString) => new NpgsqlConnection(connectionString);
}
