using System.CommandLine;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Cli;

/// <summary><c>nastavnik migrate</c>: create or upgrade the schema (SQLite or PostgreSQL, as configured).</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Apply pending database migrations (SQLite or PostgreSQL, as configured).");
        migrate.SetAction((r, ct) => NastavnikCommandLine.WithServices(async sp =>
        {
            var applied = await sp.GetRequiredService<Migrator>().MigrateAsync(ct: ct);
            await DatabaseStartup.EnsureRolesAsync(sp);
            Console.WriteLine(applied.Count == 0 ? "The database is up to date." : $"Applied: {string.Join(", ", applied)}");
            return 0;
        }));
        return migrate;
    }
}
