using System.CommandLine;
using Nastavnik.Web.Features.Operations;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Cli;

/// <summary><c>nastavnik backup --out FILE</c>: a backup of the whole database while the app may serve (<see cref="BackupCommands"/>).</summary>
internal static class BackupCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "The backup file to write (must not exist).", Required = true };
        var backup = new Command("backup", "Back up the whole database into a file (SQLite: online backup; PostgreSQL: pg_dump or a logical export).") { output };
        backup.SetAction((r, ct) => NastavnikCommandLine.WithServices(async sp =>
        {
            var result = await sp.GetRequiredService<BackupCommands>().BackupAsync(r.GetValue(output)!, ct);
            if (!result.Ok) return result.Error.ToExitCode(Console.Error);
            var made = result.Value!;
            Console.WriteLine($"Резервная копия записана: {made.File} ({made.Bytes / 1024.0 / 1024.0:0.0} МБ; {made.Provider}, {made.Payload}, схема {made.SchemaVersion}).");
            return 0;
        }));
        return backup;
    }
}
