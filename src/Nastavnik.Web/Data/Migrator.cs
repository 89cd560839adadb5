using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data.Migrations;

namespace Nastavnik.Web.Data;

/// <summary>
/// Brings the database to the model with the EF Core migrations of its provider (Data/Migrations/Sqlite or Postgres, see
/// docs/decisions/ADR-005-ef-migrations.md). A database of the last release with SQL migrations is adopted first
/// (<see cref="Release0008"/>). EF Core serializes concurrent migrations itself (a lock per database).
/// </summary>
public sealed class Migrator(AppDbContext db, ILogger<Migrator> log)
{
    /// <summary>Applies the pending migrations and returns their ids (empty when the database is up to date).</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default)
    {
        // One writer and many readers on the one-machine install; the mode is kept in the database file.
        if (db.ProviderOf() == DatabaseProvider.Sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL", ct);
        if (await Release0008.AdoptAsync(db, ct) is { } baseline)
            log.LogInformation("Database of release 0008 adopted: migration {Migration} recorded as applied", baseline);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        // Nothing to apply: skip MigrateAsync, which would compare the whole model with the last snapshot on every start and
        // every CLI command (the schema-drift test checks that comparison once, in the tests).
        if (pending.Count == 0) return pending;
        await db.Database.MigrateAsync(ct);
        foreach (var id in pending) log.LogInformation("Applied migration {Migration}", id);
        return pending;
    }
}

/// <summary>The database was left by a release older than the one this version can upgrade from; nothing was changed.</summary>
public sealed class DatabaseTooOldException(string message) : Exception(message);
