using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Diagnostics;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Cli;

/// <summary><c>nastavnik import forms FILE --school ID</c>: self-assessment answers from a Forms export, by the import page's rules, all or none.</summary>
internal static class ImportFormsCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Google Forms / Yandex Forms export of self-assessment answers: .csv or .xlsx." };
        var school = new Option<int>("--school") { Description = "Id of the school.", Required = true };
        var round = new Option<int?>("--round") { Description = "Id of the diagnostics round (default: the open round of the current program)." };
        var accept = new Option<bool>("--accept-uncertain") { Description = "Take the one candidate of a name that matches only partly (by initials, a typo); a name with several candidates is never guessed." };
        var older = new Option<bool>("--include-older") { Description = "Also load rows answered before the round opened or before the teacher's own answers saved in the app (skipped by default)." };
        var forms = new Command("forms", "Import self-assessment answers; nothing is written when any row has a problem.") { file, school, round, accept, older };
        forms.SetAction((r, ct) => NastavnikCommandLine.WithServices(async sp =>
        {
            var path = r.GetValue(file)!;
            if (await ImportTarget.SchoolDatabaseAsync(sp, path, r.GetValue(school), ct) is not { } db) return 2;
            DiagnosticsRound? target;
            if (r.GetValue(round) is { } roundId) target = await db.DiagnosticsRounds.AsNoTracking().FirstOrDefaultAsync(x => x.Id == roundId, ct);
            else target = await db.CurrentProgramAsync(ct) is { } program ? await db.LatestRoundAsync(program.Id, ct) : null;
            if (target is not { IsOpen: true })
            { Console.Error.WriteLine("Нет открытого тура диагностики: откройте тур в разделе «Диагностика» или укажите --round."); return 2; }
            var watch = System.Diagnostics.Stopwatch.StartNew();
            if (await ImportTarget.ReadAsync(path, ct) is not { } table) return 1;
            var parsed = watch.Elapsed;
            var importer = sp.GetRequiredService<FormsImporter>();
            var mapping = await FormsImportColumns.LoadAsync(db, table.Headers, ct);
            var preview = await importer.PreviewAsync(table, mapping, target, new FormsChoices(AcceptSingleCandidates: r.GetValue(accept), IncludeOlder: r.GetValue(older)), ct);
            var matched = watch.Elapsed;
            var clean = preview.Problems.Count == 0 && preview.UnknownTopics.Count == 0 && preview.ToConfirm == 0;
            // Every person a partly matching name was taken as, then what happens to each teacher's answers.
            foreach (var x in preview.Rows.Where(x => clean && x.Confirmed))
                Console.WriteLine($"Строка {x.Row}: «{x.TypedName}» — это {x.PersonName} ({x.Match.Candidates.FirstOrDefault(c => c.PersonId == x.PersonId)?.Why ?? "выбран вручную"}).");
            foreach (var x in preview.Planned.Where(_ => clean))
            {
                Console.WriteLine($"Строка {x.Row} — {x.PersonName}{(x.SubmittedAt is { } at ? $" (ответ {FormsImporter.SchoolTime(at)})" : "")}:");
                foreach (var line in x.Plan()) Console.WriteLine("    " + line);
            }
            if (!preview.CanCommit)
            {
                Console.Error.WriteLine(clean ? "Ничего не загружено: в файле нет ответов, которые можно загрузить (пропущенные строки загружает --include-older)." : "Ничего не загружено.");
                foreach (var p in preview.Problems) Console.Error.WriteLine("  " + p);
                foreach (var u in preview.UnknownTopics)
                    Console.Error.WriteLine($"  Тема «{u.Label}» (строки {string.Join(", ", u.Rows.Take(10))}) не найдена в каталоге: сопоставьте её на странице /Diagnostics/Import.");
                foreach (var x in preview.Rows.Where(x => x.NeedsConfirmation))
                {
                    var candidates = string.Join("; ", x.Match.Candidates.Select(c => $"{c.FullName} ({c.Why})"));
                    Console.Error.WriteLine(x.Match.Candidates.Count > 1
                        ? $"  Строка {x.Row}: «{x.TypedName}» — подходят несколько педагогов: {candidates}. Укажите полное ФИО в файле или выберите педагога на странице /Diagnostics/Import."
                        : $"  Строка {x.Row}: «{x.TypedName}» — нужно подтверждение: {candidates}. Запустите с --accept-uncertain или подтвердите на странице /Diagnostics/Import.");
                }
                return 1;
            }
            var result = await importer.CommitAsync(preview, target.Id, "cli", null, ct);
            if (result.Error is { } error) return error.ToExitCode(Console.Error);
            Console.WriteLine(result.Value!.Summary);
            if (preview.SkippedAsOlder > 0) Console.WriteLine("Чтобы загрузить и пропущенные строки, запустите команду с --include-older.");
            Console.WriteLine(string.Create(RussianText.Culture, $"Время (после запуска .NET и первого запроса к базе): чтение файла {parsed.TotalSeconds:0.00} с, сопоставление {(matched - parsed).TotalSeconds:0.00} с, запись {(watch.Elapsed - matched).TotalSeconds:0.00} с, всего {watch.Elapsed.TotalSeconds:0.00} с ({RussianText.Plural(table.Rows.Count, "строка", "строки", "строк")})."));
            return 0;
        }));
        return forms;
    }
}
