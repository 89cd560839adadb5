using System.CommandLine;
using Nastavnik.Web.Features.Schools;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Cli;

/// <summary><c>nastavnik school create</c>: a school with the default catalog, under its district and region.</summary>
internal static class SchoolCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Full name of the school, e.g. «ГБОУ СОШ № 291».", Required = true };
        var district = new Option<string?>("--district") { Description = "District it belongs to (created when new)." };
        var region = new Option<string?>("--region") { Description = "Region of the district (created when new)." };
        var create = new Command("create", "Create a school with the default catalog of directions and topics; prints its id.") { name, district, region };
        create.SetAction((r, ct) => NastavnikCommandLine.WithServices(async sp =>
        {
            var result = await sp.GetRequiredService<SchoolCommands>().CreateAsync(r.GetValue(name), r.GetValue(district), r.GetValue(region), ct);
            if (result.Error is { } error) return error.ToExitCode(Console.Error);
            var school = result.Value!;
            Console.WriteLine($"School «{school.Name}» created with id {school.Id}. Next: nastavnik user create --school {school.Id} --role administrator …");
            return 0;
        }));
        return new Command("school", "Schools.") { create };
    }
}
