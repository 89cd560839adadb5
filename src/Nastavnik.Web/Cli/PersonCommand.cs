using System.CommandLine;
using Nastavnik.Web.Features.Admin.PersonData;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Cli;

/// <summary>
/// <c>nastavnik person export --id N --out FILE</c> and <c>nastavnik person erase --id N --confirm УДАЛИТЬ</c>: a person's data on
/// request for the operator, by the same rules as the administrator's page (<see cref="PersonDataCommands"/>).
/// </summary>
internal static class PersonCommand
{
    public static Command Create()
    {
        var id = new Option<int>("--id") { Description = "Id of the person (staff card).", Required = true };
        var output = new Option<string>("--out") { Description = "The .zip file to write (must not exist).", Required = true };
        var export = new Command("export", "Export everything stored about a person as a .zip (152-ФЗ).") { id, output };
        export.SetAction((r, ct) => NastavnikCommandLine.WithServices(async sp =>
        {
            var file = r.GetValue(output)!;
            if (File.Exists(file)) return Features.CommandError.Conflict($"Файл {file} уже существует.").ToExitCode(Console.Error);
            var result = await sp.GetRequiredService<PersonDataCommands>().ExportAsync(r.GetValue(id), ct);
            if (result.Error is { } error) return error.ToExitCode(Console.Error);
            await File.WriteAllBytesAsync(file, result.Value!.Content, ct);
            Console.WriteLine($"Персональные данные выгружены: {file}.");
            return 0;
        }));

        var eraseId = new Option<int>("--id") { Description = "Id of the person (staff card).", Required = true };
        var confirm = new Option<string?>("--confirm") { Description = $"The word {PersonDataCommands.ConfirmationWord}: erasure cannot be undone." };
        var erase = new Command("erase", "Erase a person's personal data; the programs' history keeps «Удалённый сотрудник».") { eraseId, confirm };
        erase.SetAction((r, ct) => NastavnikCommandLine.WithServices(async sp =>
        {
            var result = await sp.GetRequiredService<PersonDataCommands>().EraseAsync(r.GetValue(eraseId), r.GetValue(confirm), ct);
            if (result.Error is { } error) return error.ToExitCode(Console.Error);
            Console.WriteLine($"Персональные данные сотрудника {r.GetValue(eraseId)} удалены.");
            return 0;
        }));
        return new Command("person", "A person's data on request (152-ФЗ).") { export, erase };
    }
}
