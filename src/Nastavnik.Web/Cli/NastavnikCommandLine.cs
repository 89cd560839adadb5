using System.CommandLine;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Cli;

/// <summary>
/// The command line of the same executable. One file per command; each only maps its options to the area's command class and the
/// result to output and an exit code (<see cref="CommandResultMapping.ToExitCode"/>).
/// </summary>
public static class NastavnikCommandLine
{
    public static RootCommand Create(Func<string[], Task<int>> serve)
    {
        var root = new RootCommand("Наставник (Nastavnik): teacher mentorship programs for schools.");
        var serveCommand = new Command("serve", "Start the web application (the default). Host options such as --urls are passed through.");
        serveCommand.TreatUnmatchedTokensAsErrors = false;
        serveCommand.SetAction((r, ct) => serve(r.UnmatchedTokens.ToArray()));
        root.Subcommands.Add(serveCommand);
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(SchoolCommand.Create());
        root.Subcommands.Add(new Command("import", "Import data from files.") { ImportStaffCommand.Create(), ImportFormsCommand.Create() });
        root.Subcommands.Add(MatchCommand.Create());
        root.Subcommands.Add(UserCommand.Create());
        root.Subcommands.Add(RemindCommand.Create());
        root.Subcommands.Add(BackupCommand.Create());
        root.Subcommands.Add(RestoreCommand.Create());
        root.Subcommands.Add(PersonCommand.Create());
        return root;
    }

    /// <summary>Runs <paramref name="action"/> in a scope of the application's services (configuration, database, commands).</summary>
    internal static async Task<int> WithServices(Func<IServiceProvider, Task<int>> action)
    {
        await using var app = Program.BuildWebApp([]);
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            return await action(scope.ServiceProvider);
        }
        catch (DatabaseTooOldException e)
        {
            return Features.CommandError.Conflict(e.Message).ToExitCode(Console.Error);
        }
    }
}
