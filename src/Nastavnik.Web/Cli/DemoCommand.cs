using System.CommandLine;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Demo;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Cli;

/// <summary><c>nastavnik demo reset</c>: delete the demo school with all its records and create it again.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var reset = new Command("reset", "Delete the demo school with all its records and create it again.");
        reset.SetAction((r, ct) => NastavnikCommandLine.WithServices(async sp =>
        {
            await sp.GetRequiredService<Migrator>().MigrateAsync(ct: ct);
            await DatabaseStartup.EnsureRolesAsync(sp);
            var id = await sp.GetRequiredService<DemoSchool>().ResetAsync(ct);
            Console.WriteLine($"Demo school recreated (id {id}). Logins:");
            foreach (var l in DemoSchool.Logins) Console.WriteLine($"  {l.UserName} / {l.Password}  ({l.Who})");
            return 0;
        }));
        return new Command("demo", "The demo school.") { reset };
    }
}
