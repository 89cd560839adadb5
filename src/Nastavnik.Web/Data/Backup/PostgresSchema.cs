using Npgsql;

namespace Nastavnik.Web.Data.Backup;

/// <summary>The current schema of a PostgreSQL database as a restore needs it: its tables emptied away, and their order by foreign keys.</summary>
internal static class PostgresSchema
{
    /// <summary>Drops every table of the current schema (a restore checked first that none holds data); extensions stay.</summary>
    public static async Task DropTablesAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var tables = await DatabaseTables.ListAsync(conn, DatabaseProvider.PostgreSQL, ct);
        if (tables.Count == 0) return;
        await DatabaseTables.ExecuteAsync(conn, $"DROP TABLE IF EXISTS {string.Join(", ", tables.Select(DatabaseTables.Quote))} CASCADE", ct);
    }

    /// <summary>The tables of the current schema, each after the tables its foreign keys point to (a table pointing to itself is
    /// fine: a statement's own rows are checked at its end).</summary>
    public static async Task<List<string>> InDependencyOrderAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var tables = await DatabaseTables.ListAsync(conn, DatabaseProvider.PostgreSQL, ct);
        var edges = new List<(string From, string To)>();
        await using (var cmd = new NpgsqlCommand(
            "SELECT c.relname, p.relname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid " +
            "WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace AND k.conrelid <> k.confrelid", conn))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) edges.Add((reader.GetString(0), reader.GetString(1)));
        }
        var order = new List<string>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var remaining = tables.ToList();
        while (remaining.Count > 0)
        {
            var ready = remaining.Where(t => edges.Where(e => e.From == t).All(e => done.Contains(e.To) || !tables.Contains(e.To))).ToList();
            // A cycle of foreign keys (none in the model): the rest in name order; the restore's transaction then fails whole.
            if (ready.Count == 0) ready = remaining.ToList();
            foreach (var t in ready)
            {
                order.Add(t);
                done.Add(t);
                remaining.Remove(t);
            }
        }
        return order;
    }
}
