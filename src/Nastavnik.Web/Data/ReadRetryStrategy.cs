using Microsoft.EntityFrameworkCore;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Nastavnik.Web.Data;

/// <summary>
/// How the application rides out a restart or a failover of PostgreSQL (issue 15, item 5): a read that failed because the server
/// could not be reached (<see cref="DbErrors.FaultOf"/>) is run again, up to <see cref="MaxRetries"/> times within about two seconds,
/// on new connections, since every pooled one died with the server. A write is never retried: every save runs in a transaction
/// (<see cref="AppDbContext.SaveChangesAsync(bool, CancellationToken)"/>) and whatever runs inside a transaction runs once, and a bulk
/// write outside one (ExecuteUpdate, ExecuteDelete, raw SQL) is marked by <see cref="WriteMarker"/> once its command is sent, so a
/// write whose answer was lost is never made twice. A fault that lasts longer reaches the user as the Russian 503 page
/// (Hosting/DatabaseFaults.cs), and the next request after the server is back works without restarting the application.
/// </summary>
public sealed class ReadRetryStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, MaxRetries, TimeSpan.FromSeconds(1))
{
    public const int MaxRetries = 3;

    protected override bool ShouldRetryOn(Exception exception)
    {
        if (exception.FaultOf() != DatabaseFault.Unavailable || WriteMarker.Sent(Context)) return false;
        ForgetConnections();
        return true;
    }

    /// <summary>Drops every pooled connection: after a restart they all point at the old server process and would fail one by one.</summary>
    public static void ForgetConnections() => NpgsqlConnection.ClearAllPools();

    private DbContext Context => Dependencies.CurrentContext.Context;

    public override TResult Execute<TState, TResult>(TState state, Func<DbContext, TState, TResult> operation,
        Func<DbContext, TState, ExecutionResult<TResult>>? verifySucceeded) =>
        Context.Database.CurrentTransaction is null && WriteMarker.Reset(Context) ? base.Execute(state, operation, verifySucceeded) : operation(Context, state);

    public override Task<TResult> ExecuteAsync<TState, TResult>(TState state, Func<DbContext, TState, CancellationToken, Task<TResult>> operation,
        Func<DbContext, TState, CancellationToken, Task<ExecutionResult<TResult>>>? verifySucceeded, CancellationToken cancellationToken = default) =>
        Context.Database.CurrentTransaction is null && WriteMarker.Reset(Context)
            ? base.ExecuteAsync(state, operation, verifySucceeded, cancellationToken)
            : operation(Context, state, cancellationToken);
}

/// <summary>Marks a context whose operation sent a command that writes (a non-query), so <see cref="ReadRetryStrategy"/> does not run it again.</summary>
public sealed class WriteMarker : DbCommandInterceptor
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> Marked = [];

    public static bool Sent(DbContext context) => Marked.TryGetValue(context, out _);

    /// <summary>Clears the mark as an operation begins; always true, to read as a condition.</summary>
    public static bool Reset(DbContext context)
    {
        Marked.Remove(context);
        return true;
    }

    private static void Mark(DbContext? context)
    {
        if (context is not null) Marked.AddOrUpdate(context, Marked);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }
}
