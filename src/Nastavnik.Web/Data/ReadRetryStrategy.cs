using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Nastavnik.Web.Data;

/// <summary>
/// PostgreSQL's execution strategy (issue 15): a statement outside a transaction (a read, a job's conditional update, each safe
/// to run again) that fails because the server cannot be reached is tried again, up to three times within about three seconds,
/// so a restart of the server or a broken pooled connection costs a pause, not an error. Nothing inside a transaction is retried:
/// every save (<see cref="AppDbContext"/>) and every command's explicit transaction fails as a whole, rolled back by the server,
/// and the web answers 503 (<c>Hosting/DatabaseFaults.cs</c>). EF's retrying strategy refuses transactions it did not open;
/// this one leaves them to their owner instead. On the first failure the connection pool is emptied, so the connections the
/// server ended are not handed out one by one after it is back.
/// </summary>
public sealed class ReadRetryStrategy(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, MaxRetries, TimeSpan.FromSeconds(2), null)
{
    private const int MaxRetries = 3;

    private bool InTransaction => Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;

    protected override void OnFirstExecution()
    {
        if (InTransaction) ExceptionsEncountered.Clear();
        else base.OnFirstExecution();
    }

    protected override bool ShouldRetryOn(Exception? exception)
    {
        if (exception?.FaultOf() != DatabaseFault.Unavailable) return false;
        if (Dependencies.CurrentContext.Context.Database.GetDbConnection() is NpgsqlConnection connection)
            NpgsqlConnection.ClearPool(connection);
        return !InTransaction;
    }
}
