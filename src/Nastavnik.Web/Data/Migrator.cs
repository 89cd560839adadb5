using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Nastavnik.Web.Data;

/// <summary>
/// Applies the SQL migrations embedded under Data/Migrations/{Sqlite,Postgres}, in name order, each in its own
/// transaction, and records them in __nastavnik_migrations. See docs/decisions/ADR-002-migrations.md.
/// </summary>
public sealed class Migrator(AppDbContext db, ILogger<Migrator> log, TimeProvider clock)
{
    private const string HistoryTable = "__nastavnik_migrations";
    private const long PostgresLockKey = 7_020_905_1;

    public sealed record Migration(string Id, string Sql);

    public static IReadOnlyList<Migration> All(DatabaseProvider provider)
    {
        var folder = provider == DatabaseProvider.PostgreSQL ? "Postgres" : "Sqlite";
        var asm = Assembly.GetExecutingAssembly();
        var prefix = $"migrations/{folder}/";
        return asm.GetManifestResourceNames()
            .Where(n => n.Replace('\\', '/').StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(asm.GetManifestResourceStream(n)!);
                return new Migration(n[prefix.Length..^4], reader.ReadToEnd());
            })
            .ToList();
    }

    public async Task<IReadOnlyList<string>> AppliedAsync(CancellationToken ct = default)
    {
        await EnsureHistoryAsync(ct);
        var conn = await OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT id FROM {HistoryTable} ORDER BY id";
        var ids = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) ids.Add(r.GetString(0));
        return ids;
    }

    /// <summary>Applies pending migrations up to and including <paramref name="upTo"/> (all when null). Returns the ids applied.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(string? upTo = null, CancellationToken ct = default)
    {
        var provider = db.ProviderOf();
        var conn = await OpenAsync(ct);
        if (provider == DatabaseProvider.PostgreSQL) await ExecAsync(conn, null, $"SELECT pg_advisory_lock({PostgresLockKey})", ct);
        else await ExecAsync(conn, null, "PRAGMA journal_mode=WAL", ct);
        try
        {
            var applied = (await AppliedAsync(ct)).ToHashSet();
            var done = new List<string>();
            foreach (var m in All(provider))
            {
                if (upTo is not null && string.CompareOrdinal(m.Id, upTo) > 0) break;
                if (applied.Contains(m.Id)) continue;
                await using var tx = await conn.BeginTransactionAsync(ct);
                await ExecAsync(conn, tx, m.Sql, ct);
                await ExecAsync(conn, tx, $"INSERT INTO {HistoryTable} (id, applied_at) VALUES ('{m.Id}', '{clock.UtcTime():O}')", ct);
                await tx.CommitAsync(ct);
                log.LogInformation("Applied migration {Migration}", m.Id);
                done.Add(m.Id);
            }
            return done;
        }
        finally
        {
            if (provider == DatabaseProvider.PostgreSQL) await ExecAsync(conn, null, $"SELECT pg_advisory_unlock({PostgresLockKey})", ct);
        }
    }

    private async Task EnsureHistoryAsync(CancellationToken ct)
    {
        var conn = await OpenAsync(ct);
        await ExecAsync(conn, null, $"CREATE TABLE IF NOT EXISTS {HistoryTable} (id varchar(150) NOT NULL PRIMARY KEY, applied_at varchar(40) NOT NULL)", ct);
    }

    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        return conn;
    }

    private static async Task ExecAsync(DbConnection conn, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
