using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Nastavnik.Web.Data;

/// <summary>
/// The version of a school's data: bumped by <see cref="DataStampInterceptor"/> with every write to the school's records, so what
/// is computed from them can be cached until it changes (<see cref="ViewerCache"/>), on every node of the install alike. The row of
/// school 0 is bumped by system work (jobs, the demo, the command line without a school), which may touch any school.
/// </summary>
public sealed class DataStamp
{
    /// <summary>The school's id, or 0 for system work (not named SchoolId: the row is no school's record, and no filter applies).</summary>
    public int Scope { get; set; }
    public long Version { get; set; }
}

public partial class AppDbContext
{
    /// <summary>A write of this context waits for its transaction's commit to bump the stamp.</summary>
    internal bool StampPending { get; set; }

    /// <summary>The school whose stamp this context's writes bump: its tenant, or 0 for system work.</summary>
    internal int StampSchool => TenantId is > 0 and var id ? id : 0;

    /// <summary>
    /// The version of the data this context may see: its school's stamp plus the system's. It grows with every committed write, so a
    /// value computed after reading it is fresh as long as it stays the same.
    /// </summary>
    public Task<long> DataVersionAsync(CancellationToken ct = default)
    {
        var school = StampSchool;
        return Database.SqlQuery<long>($"""
            SELECT CAST(COALESCE(SUM("Version"), 0) AS BIGINT) AS "Value" FROM "DataStamps" WHERE "Scope" = 0 OR "Scope" = {school}
            """).SingleAsync(ct);
    }
}

/// <summary>
/// Bumps the data stamp (<see cref="DataStamp"/>) of every write: a write inside a transaction marks the context, and the stamp is
/// bumped as the last statement before the commit (so a transaction holds the stamp's row only while it commits, and two writers
/// cannot deadlock on it); a write outside a transaction bumps it right after. <see cref="AppDbContext.SaveChangesAsync(bool, CancellationToken)"/>
/// always saves in a transaction. Migrations are not writes of data. A write made outside the application (a script on the
/// database file) must bump the stamp itself: <c>UPDATE "DataStamps" SET "Version" = "Version" + 1</c>.
/// </summary>
internal sealed partial class DataStampInterceptor : IDbCommandInterceptor, IDbTransactionInterceptor
{
    public static readonly DataStampInterceptor Instance = new();

    private const string BumpSql = """
        INSERT INTO "DataStamps" ("Scope", "Version") VALUES (@school, 1)
        ON CONFLICT ("Scope") DO UPDATE SET "Version" = "DataStamps"."Version" + 1
        """;

    [GeneratedRegex(@"(^|;)\s*(INSERT|UPDATE|DELETE|REPLACE|MERGE|TRUNCATE)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WriteStatement();

    private static AppDbContext? Writer(DbCommand command, CommandEventData data) =>
        data.Context is AppDbContext db && data.CommandSource != CommandSource.Migrations && WriteStatement().IsMatch(command.CommandText) ? db : null;

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (Writer(command, eventData) is { } db) db.StampPending = true;
        return result;
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Writer(command, eventData) is { } db) db.StampPending = true;
        return ValueTask.FromResult(result);
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (Writer(command, eventData) is not { } db) return result;
        if (command.Transaction is null) Bump(command.Connection!, null, db.StampSchool);
        else db.StampPending = true;
        return result;
    }

    public async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        if (Writer(command, eventData) is not { } db) return result;
        if (command.Transaction is null) await BumpAsync(command.Connection!, null, db.StampSchool, cancellationToken);
        else db.StampPending = true;
        return result;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (eventData.Context is AppDbContext { StampPending: true } db)
        {
            Bump(transaction.Connection!, transaction, db.StampSchool);
            db.StampPending = false;
        }
        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext { StampPending: true } db)
        {
            await BumpAsync(transaction.Connection!, transaction, db.StampSchool, cancellationToken);
            db.StampPending = false;
        }
        return result;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is AppDbContext db) db.StampPending = false;
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    private static DbCommand BumpCommand(DbConnection connection, DbTransaction? transaction, int school)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = BumpSql;
        var p = command.CreateParameter();
        p.ParameterName = "@school";
        p.Value = school;
        command.Parameters.Add(p);
        return command;
    }

    private static void Bump(DbConnection connection, DbTransaction? transaction, int school)
    {
        using var command = BumpCommand(connection, transaction, school);
        command.ExecuteNonQuery();
    }

    private static async Task BumpAsync(DbConnection connection, DbTransaction? transaction, int school, CancellationToken ct)
    {
        await using var command = BumpCommand(connection, transaction, school);
        await command.ExecuteNonQueryAsync(ct);
    }
}
