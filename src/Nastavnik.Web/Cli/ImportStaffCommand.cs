using System.CommandLine;
using Nastavnik.Web.Features.Staff;

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
            var importer = sp.GetRequiredService<StaffImporter>();
            var preview = await importer.PreviewAsync(table, StaffImportMapping.Guess(table.Headers), ct);
            if (preview.Problems.Count > 0)
            {
                Console.Error.WriteLine($"Ничего не загружено: найдено проблем — {preview.Problems.Count}.");
                foreach (var p in preview.Problems) Console.Error.WriteLine("  " + p);
                return 1;
            }
            var duplicates = r.GetValue(update) ? DuplicateAction.Update : DuplicateAction.Skip;
            var result = await importer.CommitAsync(preview, duplicates, new Dictionary<int, DuplicateAction>(), "cli", ct);
            Console.WriteLine($"Загружено: новых {result.Created}, обновлено {result.Updated}, пропущено {result.Skipped}.");
            return 0;
        }));
        return staff;
    }
}
