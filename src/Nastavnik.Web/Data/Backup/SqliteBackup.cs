using System.IO.Compression;
using Microsoft.Data.Sqlite;

namespace Nastavnik.Web.Data.Backup;

/// <summary>
/// SQLite: the online backup API copies the live database page by page into a new file while the app serves (one read
/// transaction, so the copy is one consistent moment); that file is the payload. A restore copies it back the same way into the
/// configured, empty database.
/// </summary>
internal static class SqliteBackup
{
    private const string Entry = "database.sqlite";

    public static async Task<(string Payload, List<string> Migrations)> WriteAsync(SqliteConnection live, ZipArchive zip, CancellationToken ct)
    {
        var dir = Directory.CreateTempSubdirectory("nastavnik-backup-");
        try
        {
            var copy = Path.Combine(dir.FullName, Entry);
            await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString()))
            {
                await target.OpenAsync(ct);
                if (live.State != System.Data.ConnectionState.Open) await live.OpenAsync(ct);
                live.BackupDatabase(target);
                // The copy is one file: its journal is not a WAL beside it.
                await DatabaseTables.ExecuteAsync(target, "PRAGMA journal_mode=DELETE", ct);
                var migrations = await DatabaseTables.MigrationsAsync(target, DatabaseProvider.Sqlite, ct);
                if (migrations.Count == 0) throw new BackupException("В базе нет схемы Наставника (миграции не применялись): сохранять нечего.");
                await target.CloseAsync();
                zip.CreateEntryFromFile(copy, Entry, CompressionLevel.Fastest);
                return (BackupPayload.Sqlite, migrations);
            }
        }
        finally
        {
            try { dir.Delete(true); } catch (IOException) { }
        }
    }

    public static async Task RestoreAsync(SqliteConnection target, ZipArchive zip, BackupManifest manifest, CancellationToken ct)
    {
        var entry = zip.GetEntry(Entry) ?? throw new BackupException("В копии нет файла базы SQLite: она повреждена.");
        var dir = Directory.CreateTempSubdirectory("nastavnik-restore-");
        try
        {
            var copy = Path.Combine(dir.FullName, Entry);
            entry.ExtractToFile(copy);
            await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
            try
            {
                var migrations = await DatabaseTables.MigrationsAsync(source, DatabaseProvider.Sqlite, ct);
                if (migrations.Count == 0 || migrations[^1] != manifest.SchemaVersion)
                    throw new BackupException("Файл базы в копии не совпадает с её описанием: копия повреждена.");
            }
            catch (SqliteException e)
            {
                throw new BackupException("Файл базы в копии не читается: копия повреждена.", e);
            }
            if (target.State != System.Data.ConnectionState.Open) await target.OpenAsync(ct);
            // The backup API cannot change the page size of a database in WAL mode; the restored one is switched back to WAL on start.
            await DatabaseTables.ExecuteAsync(target, "PRAGMA journal_mode=DELETE", ct);
            source.BackupDatabase(target);
            await source.CloseAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { dir.Delete(true); } catch (IOException) { }
        }
    }
}
