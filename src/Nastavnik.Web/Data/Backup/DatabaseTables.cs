using System.Data.Common;

namespace Nastavnik.Web.Data.Backup;

/// <summary>The tables of the database as it is (not as the model says), read from its catalog, for backups and their checks.</summary>
public static class DatabaseTables
{
    /// <summary>Tables that hold no school's data: the migrations' own, the roles every start creates, the leases of the jobs, the data
    /// stamps of the caches (bumped by creating the roles), the data-protection key the first start makes. A database with rows only
    /// in these is empty (a fresh install that was started once); a restore replaces them with the backup's.</summary>
    public static readonly IReadOnlySet<string> Machinery = new HashSet<string>(StringComparer.Ordinal)
    {
        "__EFMigrationsHistory", "__EFMigrationsLock", "AspNetRoles", "JobLeases", "DataStamps", "DataProtectionKeys",
    };

    public const string HistoryTable = "__EFMigrationsHistory";

    /// <summary>The base tables of the database (SQLite) or of its current schema (PostgreSQL), by name.</summary>
    public static async Task<List<string>> ListAsync(DbConnection conn, DatabaseProvider provider, CancellationToken ct) =>
        (await ColumnAsync(conn, provider == DatabaseProvider.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name", ct))
        .ToList();

    /// <summary>The tables, other than <see cref="Machinery"/>, that hold at least one row.</summary>
    public static async Task<List<string>> WithRowsAsync(DbConnection conn, DatabaseProvider provider, CancellationToken ct)
    {
        var busy = new List<string>();
        foreach (var table in await ListAsync(conn, provider, ct))
        {
            if (Machinery.Contains(table)) continue;
            // The name comes from the database's catalog, quoted.
            var any = await ColumnAsync(conn, $"SELECT 1 FROM {Quote(table)} LIMIT 1", ct);
            if (any.Count > 0) busy.Add(table);
        }
        return busy;
    }

    /// <summary>The applied migrations, oldest first (empty when the database has no schema of Nastavnik).</summary>
    public static async Task<List<string>> MigrationsAsync(DbConnection conn, DatabaseProvider provider, CancellationToken ct)
    {
        if (!(await ListAsync(conn, provider, ct)).Contains(HistoryTable)) return [];
        return await ColumnAsync(conn, $"SELECT \"MigrationId\" FROM {Quote(HistoryTable)} ORDER BY \"MigrationId\"", ct);
    }

    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The first column of every row of <paramref name="sql"/>, as text.</summary>
    public static async Task<List<string>> ColumnAsync(DbConnection conn, string sql, CancellationToken ct)
    {
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var values = new List<string>();
        while (await reader.ReadAsync(ct)) values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        return values;
    }

    public static async Task ExecuteAsync(DbConnection conn, string sql, CancellationToken ct)
    {
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
