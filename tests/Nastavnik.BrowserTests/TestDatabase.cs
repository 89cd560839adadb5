using Microsoft.Data.Sqlite;

namespace Nastavnik.BrowserTests;

/// <summary>
/// The app's database file opened by a test to set up what the UI cannot (pairs with a year behind them, answers). A write made
/// outside the app must bump the data stamp (src/Nastavnik.Web/Data/DataStamps.cs), or pages cached until the data changes would
/// not see it: this connection bumps the system's stamp when it is closed.
/// </summary>
public sealed class TestDatabase(string path) : SqliteConnection($"Data Source={path};Pooling=False")
{
    protected override void Dispose(bool disposing)
    {
        if (disposing && State == System.Data.ConnectionState.Open)
        {
            using var bump = CreateCommand();
            bump.CommandText = """
                INSERT INTO "DataStamps" ("Scope", "Version") VALUES (0, 1) ON CONFLICT ("Scope") DO UPDATE SET "Version" = "DataStamps"."Version" + 1
                """;
            bump.ExecuteNonQuery();
        }
        base.Dispose(disposing);
    }
}
