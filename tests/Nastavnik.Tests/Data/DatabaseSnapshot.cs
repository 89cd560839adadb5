using System.Data.Common;
using System.Globalization;
using Nastavnik.Web.Data;

namespace Nastavnik.Tests.Data;

/// <summary>What the database tests compare: a schema as text (tables, columns, types, nullability, defaults, keys, indexes,
/// foreign keys, extensions) and the rows of every table. The migration machinery's own tables are left out.</summary>
public static class DatabaseSnapshot
{
    private const string MachineryTables = "('__EFMigrationsHistory', '__EFMigrationsLock', '__nastavnik_migrations')";

    public static async Task<string> SchemaAsync(DbConnection conn, DatabaseProvider provider)
    {
        var lines = new List<string>();
        if (provider == DatabaseProvider.Sqlite)
        {
            foreach (var t in await TablesAsync(conn, provider))
            {
                lines.AddRange((await RowsAsync(conn, $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{t}') ORDER BY name")).Select(r => $"{t} column {string.Join(' ', r)}"));
                lines.AddRange((await RowsAsync(conn, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{t}') ORDER BY \"from\"")).Select(r => $"{t} fk {string.Join(' ', r)}"));
                foreach (var idx in await RowsAsync(conn, $"SELECT name, \"unique\" FROM pragma_index_list('{t}') WHERE origin = 'c' ORDER BY name"))
                {
                    var cols = (await RowsAsync(conn, $"SELECT name FROM pragma_index_info('{idx[0]}') ORDER BY seqno")).Select(r => r[0]);
                    var sql = (await RowsAsync(conn, $"SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '{idx[0]}'")).Single()[0];
                    var filter = sql.Contains(" WHERE ", StringComparison.Ordinal) ? sql[sql.IndexOf(" WHERE ", StringComparison.Ordinal)..] : "";
                    lines.Add($"{t} index {idx[0]} unique={idx[1]} ({string.Join(',', cols)}){filter}");
                }
            }
        }
        else
        {
            lines.AddRange((await RowsAsync(conn, $"SELECT table_name, column_name, data_type, coalesce(character_maximum_length::text, ''), is_nullable, coalesce(column_default, ''), is_identity, is_generated, coalesce(generation_expression, '') FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT IN {MachineryTables} ORDER BY table_name, column_name")).Select(r => "column " + string.Join(' ', r)));
            lines.AddRange((await RowsAsync(conn, $"SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT IN {MachineryTables} ORDER BY tablename, indexname")).Select(r => "index " + string.Join(' ', r)));
            lines.AddRange((await RowsAsync(conn, $"SELECT c.relname, con.conname, pg_get_constraintdef(con.oid) FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid WHERE con.connamespace = 'public'::regnamespace AND c.relname NOT IN {MachineryTables} ORDER BY 1, 2")).Select(r => "constraint " + string.Join(' ', r)));
            lines.AddRange((await RowsAsync(conn, "SELECT extname FROM pg_extension ORDER BY 1")).Select(r => "extension " + r[0]));
        }
        return string.Join('\n', lines);
    }

    /// <summary>The model's tables with their columns in order.</summary>
    public static async Task<Dictionary<string, string[]>> ColumnsAsync(DbConnection conn, DatabaseProvider provider)
    {
        var columns = new Dictionary<string, string[]>();
        foreach (var t in await TablesAsync(conn, provider))
        {
            var sql = provider == DatabaseProvider.Sqlite
                ? $"SELECT name FROM pragma_table_info('{t}') ORDER BY cid"
                : $"SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{t}' ORDER BY ordinal_position";
            columns[t] = (await RowsAsync(conn, sql)).Select(r => r[0]).ToArray();
        }
        return columns;
    }

    /// <summary>Every row of the given tables and columns, one line per row, sorted.</summary>
    public static async Task<Dictionary<string, List<string>>> DataAsync(DbConnection conn, IReadOnlyDictionary<string, string[]> columns)
    {
        var data = new Dictionary<string, List<string>>();
        foreach (var (table, cols) in columns)
        {
            var rows = await RowsAsync(conn, $"SELECT {string.Join(", ", cols.Select(c => $"\"{c}\""))} FROM \"{table}\"");
            data[table] = rows.Select(r => string.Join(" | ", r)).Order(StringComparer.Ordinal).ToList();
        }
        return data;
    }

    public static async Task<List<string>> TablesAsync(DbConnection conn, DatabaseProvider provider) =>
        (await RowsAsync(conn, provider == DatabaseProvider.Sqlite
            ? $"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN {MachineryTables} ORDER BY name"
            : $"SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN {MachineryTables} ORDER BY 1"))
        .Select(r => r[0]).ToList();

    public static async Task<List<string[]>> RowsAsync(DbConnection conn, string sql)
    {
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await r.ReadAsync())
            rows.Add(Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "null" : Text(r.GetValue(i))).ToArray());
        return rows;
    }

    private static string Text(object value) => value switch
    {
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };
}
