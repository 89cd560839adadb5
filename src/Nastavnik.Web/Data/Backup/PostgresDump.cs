using System.IO.Compression;
using Npgsql;

namespace Nastavnik.Web.Data.Backup;

/// <summary>PostgreSQL with pg_dump: the custom-format dump (one consistent snapshot) is the payload; pg_restore brings it back in one
/// transaction.</summary>
internal static class PostgresDump
{
    private const string Entry = "database.pgdump";

    public static async Task<(string Payload, List<string> Migrations)> WriteAsync(string pgDump, NpgsqlConnection conn, string connectionString, ZipArchive zip, CancellationToken ct)
    {
        var before = await DatabaseTables.MigrationsAsync(conn, DatabaseProvider.PostgreSQL, ct);
        if (before.Count == 0) throw new BackupException("В базе нет схемы Наставника (миграции не применялись): сохранять нечего.");
        var dir = Directory.CreateTempSubdirectory("nastavnik-backup-");
        try
        {
            var file = Path.Combine(dir.FullName, Entry);
            await PostgresTools.RunAsync(pgDump, connectionString, ["--format=custom", "--file=" + file], ct);
            // The schema version is read around the dump: a migration in between (a node starting) would make it uncertain.
            var after = await DatabaseTables.MigrationsAsync(conn, DatabaseProvider.PostgreSQL, ct);
            if (!after.SequenceEqual(before)) throw new BackupException("Во время копирования к базе применили миграцию: повторите копирование.");
            // The dump is compressed already.
            zip.CreateEntryFromFile(file, Entry, CompressionLevel.NoCompression);
            return (BackupPayload.PgDump, before);
        }
        finally
        {
            try { dir.Delete(true); } catch (IOException) { }
        }
    }

    public static async Task RestoreAsync(string? configuredPgDump, NpgsqlConnection conn, string connectionString, ZipArchive zip, CancellationToken ct)
    {
        var pgRestore = PostgresTools.Find("pg_restore", configuredPgDump)
            ?? throw new BackupException("Копия сделана программой pg_dump, а для её восстановления нужна pg_restore (пакет postgresql-client), она не найдена.");
        var entry = zip.GetEntry(Entry) ?? throw new BackupException("В копии нет дампа PostgreSQL: она повреждена.");
        var dir = Directory.CreateTempSubdirectory("nastavnik-restore-");
        try
        {
            var file = Path.Combine(dir.FullName, Entry);
            entry.ExtractToFile(file);
            // The extension's comment belongs to its owner (often the superuser who created it): restoring it is not ours to do.
            var toc = await PostgresTools.RunAsync(pgRestore, connectionString, ["--list", file], ct);
            var list = Path.Combine(dir.FullName, "restore.list");
            await File.WriteAllLinesAsync(list, toc.Split('\n').Where(l => !l.Contains("COMMENT - EXTENSION", StringComparison.Ordinal)), ct);
            await PostgresSchema.DropTablesAsync(conn, ct);
            await PostgresTools.RunAsync(pgRestore, connectionString,
                ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--use-list=" + list, "--dbname=" + new NpgsqlConnectionStringBuilder(connectionString).Database, file], ct);
        }
        finally
        {
            try { dir.Delete(true); } catch (IOException) { }
        }
    }
}
