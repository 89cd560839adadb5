using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Nastavnik.Web.Data.Backup;

/// <summary>
/// Writes and restores a backup file (<see cref="BackupArchive"/>) of the configured database with the means of its provider:
/// SQLite's online backup API; PostgreSQL's pg_dump when it is found (or configured), else the logical export
/// (<see cref="PostgresCopy"/>). The checks before a restore (provider, schema, an empty database) are the use case's
/// (Features/Operations/BackupCommands); this only does the work.
/// </summary>
public static class DatabaseBackup
{
    /// <summary>Writes a backup of <paramref name="db"/>'s database to <paramref name="path"/> (which must not exist). The file appears
    /// only when it is whole; a failure leaves nothing.</summary>
    /// <param name="pgDump">pg_dump's path, empty to look for it, or "off" for the logical export.</param>
    public static async Task<BackupManifest> WriteAsync(AppDbContext db, string path, string? pgDump, TimeProvider clock, ILogger log, CancellationToken ct)
    {
        // A name of its own per run: a piece left by a run that died never blocks the next one.
        var part = $"{path}.{Guid.NewGuid().ToString("N")[..8]}.part";
        try
        {
            BackupManifest manifest;
            await using (var file = BackupArchive.CreatePrivate(part))
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
            {
                manifest = await WritePayloadAsync(db, zip, pgDump, log, ct) with { CreatedAt = clock.UtcTime(), Application = BackupArchive.ApplicationVersion };
                BackupArchive.WriteManifest(zip, manifest);
            }
            File.Move(part, path);
            return manifest;
        }
        catch
        {
            try { File.Delete(part); } catch (IOException) { }
            throw;
        }
    }

    private static async Task<BackupManifest> WritePayloadAsync(AppDbContext db, ZipArchive zip, string? pgDump, ILogger log, CancellationToken ct)
    {
        var provider = db.ProviderOf();
        var conn = db.Database.GetDbConnection();
        if (provider == DatabaseProvider.Sqlite)
        {
            var (payload, migrations) = await SqliteBackup.WriteAsync((SqliteConnection)conn, zip, ct);
            return Manifest(provider, payload, migrations);
        }
        var npgsql = (NpgsqlConnection)conn;
        if ((await DatabaseTables.MigrationsAsync(npgsql, provider, ct)).Count == 0)
            throw new BackupException("В базе нет схемы Наставника (миграции не применялись): сохранять нечего.");
        var tool = string.Equals(pgDump, PostgresTools.Off, StringComparison.OrdinalIgnoreCase) ? null
            : string.IsNullOrWhiteSpace(pgDump) ? PostgresTools.Find("pg_dump", null) : pgDump;
        if (tool is not null)
        {
            try
            {
                var (payload, migrations) = await PostgresDump.WriteAsync(tool, npgsql, ConnectionString(db), zip, ct);
                return Manifest(provider, payload, migrations);
            }
            catch (BackupException e) when (string.IsNullOrWhiteSpace(pgDump))
            {
                // A pg_dump found by search may be older than the server; the logical export needs no program.
                log.LogWarning(e, "pg_dump failed; the backup is a logical export instead");
            }
        }
        var copy = await PostgresCopy.WriteAsync(ConnectionString(db), zip, ct);
        return Manifest(provider, copy.Payload, copy.Migrations) with { Tables = copy.Tables, Sequences = copy.Sequences };
    }

    private static BackupManifest Manifest(DatabaseProvider provider, string payload, List<string> migrations) =>
        new() { Provider = provider, Payload = payload, Migrations = migrations, SchemaVersion = migrations[^1] };

    /// <summary>The tables of the configured database that hold data (not only what every start creates).</summary>
    public static Task<List<string>> TablesWithRowsAsync(AppDbContext db, CancellationToken ct) =>
        DatabaseTables.WithRowsAsync(db.Database.GetDbConnection(), db.ProviderOf(), ct);

    /// <summary>Restores the backup at <paramref name="path"/> into <paramref name="db"/>'s database, which the caller checked is empty
    /// and of the backup's provider.</summary>
    public static async Task RestoreAsync(AppDbContext db, string path, BackupManifest manifest, string? pgDump, CancellationToken ct)
    {
        using var zip = ZipFile.OpenRead(path);
        var conn = db.Database.GetDbConnection();
        switch (manifest.Payload)
        {
            case BackupPayload.Sqlite:
                await SqliteBackup.RestoreAsync((SqliteConnection)conn, zip, manifest, ct);
                break;
            case BackupPayload.PgDump:
                await PostgresDump.RestoreAsync(pgDump, (NpgsqlConnection)conn, ConnectionString(db), zip, ct);
                break;
            case BackupPayload.Copy:
                await PostgresCopy.RestoreAsync(db, ConnectionString(db), zip, manifest, ct);
                break;
            default:
                throw new BackupException($"Неизвестный вид копии «{manifest.Payload}»: её сделала более новая версия Наставника.");
        }
    }

    private static string ConnectionString(AppDbContext db) =>
        db.Database.GetConnectionString() ?? throw new BackupException("Строка подключения к базе не задана (ConnectionStrings:Nastavnik).");
}
