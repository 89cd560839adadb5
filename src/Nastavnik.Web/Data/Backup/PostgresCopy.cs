using System.Data;
using System.IO.Compression;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Nastavnik.Web.Data.Backup;

/// <summary>
/// PostgreSQL without pg_dump: a logical export of every table of the current schema in binary COPY format (exact for every type),
/// all read in one repeatable-read transaction (one consistent moment), with the sequences' last values. A restore brings the
/// database to the backup's schema by this build's migrations, then copies the rows back in one transaction.
/// </summary>
internal static class PostgresCopy
{
    public static async Task<(string Payload, List<string> Migrations, List<BackupTable> Tables, List<BackupSequence> Sequences)> WriteAsync(
        string connectionString, ZipArchive zip, CancellationToken ct)
    {
        await using var conn = await OpenAsync(connectionString, ct);
        await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await DatabaseTables.ExecuteAsync(conn, "SET TRANSACTION READ ONLY", ct);
        var migrations = await DatabaseTables.MigrationsAsync(conn, DatabaseProvider.PostgreSQL, ct);
        if (migrations.Count == 0) throw new BackupException("В базе нет схемы Наставника (миграции не применялись): сохранять нечего.");
        var tables = new List<BackupTable>();
        var index = 0;
        foreach (var table in await DatabaseTables.ListAsync(conn, DatabaseProvider.PostgreSQL, ct))
        {
            var columns = await ColumnsAsync(conn, table, ct);
            var rows = long.Parse((await DatabaseTables.ColumnAsync(conn, $"SELECT count(*) FROM {DatabaseTables.Quote(table)}", ct))[0], System.Globalization.CultureInfo.InvariantCulture);
            var entry = $"tables/{++index:000}.copy";
            await using (var target = zip.CreateEntry(entry, CompressionLevel.Fastest).Open())
            await using (var copy = await conn.BeginRawBinaryCopyAsync($"COPY {DatabaseTables.Quote(table)} ({ColumnList(columns)}) TO STDOUT (FORMAT binary)", ct))
            {
                await copy.CopyToAsync(target, ct);
            }
            tables.Add(new BackupTable(table, columns, rows, entry));
        }
        var sequences = new List<BackupSequence>();
        await using (var cmd = new NpgsqlCommand("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = current_schema() ORDER BY 1", conn))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) sequences.Add(new BackupSequence(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt64(1)));
        }
        await tx.CommitAsync(ct);
        return (BackupPayload.Copy, migrations, tables, sequences);
    }

    public static async Task RestoreAsync(AppDbContext db, string connectionString, ZipArchive zip, BackupManifest manifest, CancellationToken ct)
    {
        await using var conn = await OpenAsync(connectionString, ct);
        await PostgresSchema.DropTablesAsync(conn, ct);
        // The schema of the backup, as this build's migrations make it; later migrations are applied on start, as for any database.
        await db.GetService<IMigrator>().MigrateAsync(manifest.SchemaVersion, ct);
        var order = await PostgresSchema.InDependencyOrderAsync(conn, ct);
        var byName = manifest.Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var missing = byName.Keys.Except(order).ToList();
        if (missing.Count > 0) throw new BackupException($"Таблиц копии нет в схеме {manifest.SchemaVersion}: {string.Join(", ", missing)}. Копия повреждена.");
        await using var tx = await conn.BeginTransactionAsync(ct);
        // The migrations' own rows (their history) are replaced by the backup's, like every other table.
        await DatabaseTables.ExecuteAsync(conn, $"TRUNCATE {string.Join(", ", byName.Keys.Select(DatabaseTables.Quote))} CASCADE", ct);
        foreach (var table in order.Where(byName.ContainsKey).Select(t => byName[t]))
        {
            var entry = zip.GetEntry(table.Entry) ?? throw new BackupException($"В копии нет данных таблицы {table.Name}: она повреждена.");
            await using var source = entry.Open();
            await using var copy = await conn.BeginRawBinaryCopyAsync($"COPY {DatabaseTables.Quote(table.Name)} ({ColumnList(table.Columns)}) FROM STDIN (FORMAT binary)", ct);
            await source.CopyToAsync(copy, ct);
        }
        foreach (var sequence in manifest.Sequences.Where(s => s.LastValue is not null))
        {
            await using var cmd = new NpgsqlCommand("SELECT setval(format('%I', @name)::regclass, @value, true)", conn);
            cmd.Parameters.AddWithValue("name", sequence.Name);
            cmd.Parameters.AddWithValue("value", sequence.LastValue!.Value);
            await cmd.ExecuteScalarAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>The stored columns of a table in order (generated ones are computed again on restore).</summary>
    private static async Task<List<string>> ColumnsAsync(NpgsqlConnection conn, string table, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "SELECT a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid " +
            "WHERE c.relname = @table AND c.relnamespace = current_schema()::regnamespace AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' " +
            "ORDER BY a.attnum", conn);
        cmd.Parameters.AddWithValue("table", table);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var columns = new List<string>();
        while (await reader.ReadAsync(ct)) columns.Add(reader.GetString(0));
        return columns;
    }

    /// <summary>A connection of its own without a command timeout: copying a large table may take longer than a request.</summary>
    private static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken ct)
    {
        var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0, Pooling = false }.ConnectionString);
        await conn.OpenAsync(ct);
        return conn;
    }

    private static string ColumnList(IEnumerable<string> columns) => string.Join(", ", columns.Select(DatabaseTables.Quote));
}
