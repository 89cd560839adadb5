using Microsoft.EntityFrameworkCore;

namespace Nastavnik.Web.Data;

/// <summary>Reads a failed save the same way on both providers, so a command can answer a race with a clear conflict instead of a 500.</summary>
public static class DbErrors
{
    /// <summary>True when the save broke a unique index: someone else wrote the same key (a code, a one-per-school row) at the same moment.</summary>
    public static bool IsUniqueViolation(this DbUpdateException e) => e.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteExtendedErrorCode == 2067, // SQLITE_CONSTRAINT_UNIQUE
        Npgsql.PostgresException p => p.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>
    /// The fault of the database behind an exception (anywhere in its inner exceptions), or null when the database answered: the
    /// server cannot be reached, is shutting down or starting, or refuses connections (PostgreSQL); the disk or the file is full
    /// (SQLite's «database or disk is full»).
    /// </summary>
    public static DatabaseFault? FaultOf(this Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case DatabaseFaultException f: return f.Fault;
                // A server's own error: only those of a connection that ends or cannot begin (class 08, shutdown, start-up, too many).
                case Npgsql.PostgresException p:
                    return p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState is "57P01" or "57P02" or "57P03" or "53300"
                        ? DatabaseFault.Unavailable : null;
                // No answer at all: refused or broken connection, end of stream, timeout.
                case Npgsql.NpgsqlException n when n.IsTransient: return DatabaseFault.Unavailable;
                case Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 13 }: return DatabaseFault.DiskFull; // SQLITE_FULL
            }
        }
        return null;
    }
}

/// <summary>What keeps the database from doing its work, as the web answers it (<c>Hosting/DatabaseFaults.cs</c>).</summary>
public enum DatabaseFault
{
    /// <summary>The server cannot be reached for now (503, try again later).</summary>
    Unavailable,
    /// <summary>No room left to write (507): nothing of the write was kept; reads go on.</summary>
    DiskFull,
}

/// <summary>A save that failed for a <see cref="DatabaseFault"/>, not for the data: thrown by <see cref="AppDbContext"/> instead of
/// the <see cref="DbUpdateException"/> that commands read as a concurrent write.</summary>
public sealed class DatabaseFaultException(DatabaseFault fault, Exception inner)
    : Exception(fault == DatabaseFault.DiskFull ? "The database has no room left to write." : "The database cannot be reached.", inner)
{
    public DatabaseFault Fault { get; } = fault;
}
