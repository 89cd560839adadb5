using System.CommandLine;
using Nastavnik.Web.Features.Staff;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Cli;

/// <summary><c>nastavnik import staff FILE --school ID [--update]</c>: the staff import of the registry page, all rows or none.</summary>
internal static class ImportStaffCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Staff list: .xlsx or .csv (UTF-8 or Windows-1251; ';', ',' or tab)." };
        var school = new Option<int>("--school") { Description = "Id of the school to import into.", Required = true };
        var update = new Option<bool>("--update") { Description = "Update people already in the school (default: skip them)." };
        var staff = new Command("staff", "Import a staff list; nothing is written when any row has a problem.") { file, school, update };
        staff.SetAction((r, ct) => NastavnikCommandLine.WithServices(async sp =>
        {
            var path = r.GetValue(file)!;
            if (await ImportTarget.SchoolDatabaseAsync(sp, path, r.GetValue(school), ct) is null) return 2;
            if (await ImportTarget.ReadAsync(path, ct) is not { } table) return 1;
            var duplicates = r.GetValue(update) ? DuplicateAction.Update : DuplicateAction.Skip;
            var result = await sp.GetRequiredService<StaffImporter>().ImportFileAsync(table, duplicates, "cli", ct);
            if (result.Error is { } error) return error.ToExitCode(Console.Error);
            Console.WriteLine($"Загружено: новых {result.Value!.Created}, обновлено {result.Value.Updated}, пропущено {result.Value.Skipped}.");
            return 0;
        }));
        return staff;
    }
}
