using System.CommandLine;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Operations;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Cli;

/// <summary><c>nastavnik restore FILE</c>: a backup into the configured, empty database (<see cref="BackupCommands"/>). Stop the app first.</summary>
internal static class RestoreCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A backup written by nastavnik backup." };
        var restore = new Command("restore", "Restore a backup into the configured database, which must be empty.") { file };
        restore.SetAction((r, ct) => NastavnikCommandLine.WithServices(async sp =>
        {
            var result = await sp.GetRequiredService<BackupCommands>().RestoreAsync(r.GetValue(file)!, ct);
            if (!result.Ok) return result.Error.ToExitCode(Console.Error);
            var done = result.Value!;
            Console.WriteLine($"Копия от {done.CreatedAt.ToLocalTime():dd.MM.yyyy HH:mm} восстановлена ({done.Provider}, схема {done.SchemaVersion}).");
            if (done.MigrationsToApply > 0)
            {
                var when = done.Provider == DatabaseProvider.Sqlite ? "при запуске" : "командой nastavnik migrate (или при запуске, если включено Database:AutoMigrate)";
                Console.WriteLine($"Копия сделана более старой версией: обновлений схемы {done.MigrationsToApply}, они применятся {when}.");
            }
            return 0;
        }));
        return restore;
    }
}
