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
}
