using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Nastavnik.Web.Data.Migrations;

/// <summary>
/// The upgrade from the last release that migrated with SQL files (ADR-002). Its history table at 0008_preferences means the
/// schema is the baseline migration's (that release's SchemaTests proved the scripts built exactly the model), so the
/// baseline is recorded in __EFMigrationsHistory and the old table dropped, in one transaction; the later EF migrations then
/// run as usual. A database at an older SQL migration is refused: the release it came with brings it to 0008 first.
/// </summary>
internal static class Release0008
{
    public const string LegacyHistoryTable = "__nastavnik_migrations";
    public const string LastScript = "0008_preferences";
    private const long PostgresLockKey = 7_020_905_1;

    /// <summary>Adopts a database of release 0008; returns the baseline's id, or null when there is nothing to adopt.</summary>
    public static async Task<string?> AdoptAsync(AppDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (!await LegacyHistoryExistsAsync(db, ct)) return null;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Several web nodes may start at once on PostgreSQL: one adopts, the others then find the old table gone.
            if (db.ProviderOf() == DatabaseProvider.PostgreSQL) await ScalarAsync(db, $"SELECT pg_advisory_xact_lock({PostgresLockKey})", ct);
            if (!await LegacyHistoryExistsAsync(db, ct)) return null;
            var last = await ScalarAsync(db, $"SELECT max(id) FROM {LegacyHistoryTable}", ct) as string;
            if (last != LastScript)
                throw new DatabaseTooOldException(
                    $"Базу данных обновляла прежняя версия «Наставника», и последняя применённая миграция — {last ?? "никакая"}; " +
                    $"эта версия обновляет только базы на миграции {LastScript}. Запустите один раз прежнюю версию (или её " +
                    $"«nastavnik migrate»), чтобы довести базу до {LastScript}, затем запустите эту. База не изменена.");
            var baseline = db.Database.GetMigrations().First();
            var history = db.GetService<IHistoryRepository>();
            await ExecuteAsync(db, history.GetCreateIfNotExistsScript(), ct);
            await ExecuteAsync(db, history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion())), ct);
            await ExecuteAsync(db, $"DROP TABLE {LegacyHistoryTable}", ct);
            await tx.CommitAsync(ct);
            return baseline;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<bool> LegacyHistoryExistsAsync(AppDbContext db, CancellationToken ct) =>
        db.ProviderOf() == DatabaseProvider.PostgreSQL
            ? await ScalarAsync(db, $"SELECT to_regclass('{LegacyHistoryTable}') IS NOT NULL", ct) is true
            : Convert.ToInt64(await ScalarAsync(db, $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{LegacyHistoryTable}'", ct)) > 0;

    private static async Task<object?> ScalarAsync(AppDbContext db, string sql, CancellationToken ct)
    {
        await using var cmd = Command(db, sql);
        return await cmd.ExecuteScalarAsync(ct);
    }

    private static async Task ExecuteAsync(AppDbContext db, string sql, CancellationToken ct)
    {
        await using var cmd = Command(db, sql);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static DbCommand Command(AppDbContext db, string sql)
    {
        var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = sql;
        return cmd;
    }
}
