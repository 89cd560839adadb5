using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Staff;

public enum DuplicateAction { Skip, Update }

public sealed record ImportProblem(int Row, string Column, string Message)
{
    public override string ToString() => Row > 0 ? $"Строка {Row}, столбец «{Column}»: {Message}" : Message;
}

/// <summary>One row of the file as it will be written: a new person or an update of <see cref="ExistingId"/>.</summary>
public sealed record ImportRow(int Row, StaffInput Input, IReadOnlySet<StaffField> Present, int? ExistingId, string? ExistingName)
{
    public string FullName => PersonName.Full(Input.LastName, Input.FirstName, Input.MiddleName);
}

public sealed record StaffImportPreview(TableFile File, IReadOnlyDictionary<StaffField, int?> Mapping, IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportProblem> Problems)
{
    public int NewCount => Rows.Count(r => r.ExistingId is null);
    public int DuplicateCount => Rows.Count(r => r.ExistingId is not null);
}

public sealed record StaffImportResult(int Created, int Updated, int Skipped);

/// <summary>
/// Staff import: parse every row, report every problem by row and column, find people already in the school,
/// and write all rows in one transaction or none.
/// </summary>
public sealed partial class StaffImporter(AppDbContext db, ILogger<StaffImporter> log)
{
    public async Task<StaffImportPreview> PreviewAsync(TableFile file, IReadOnlyDictionary<StaffField, int?> mapping, CancellationToken ct = default)
    {
        var problems = new List<ImportProblem>();
        if (StaffImportMapping.Check(mapping) is { } mappingError)
            return new StaffImportPreview(file, mapping, [], [new ImportProblem(0, "", mappingError)]);
        if (file.Rows.Count == 0)
            return new StaffImportPreview(file, mapping, [], [new ImportProblem(0, "", "В файле есть заголовок, но нет ни одной строки с данными.")]);

        var existing = await db.People.AsNoTracking().ToListAsync(ct);
        var byName = existing.ToLookup(p => NameKey(p.LastName, p.FirstName, p.MiddleName));
        var seenInFile = new Dictionary<string, int>();
        var rows = new List<ImportRow>();

        foreach (var row in file.Rows)
        {
            var rowProblems = new List<ImportProblem>();
            var (input, present) = ParseRow(file, row, mapping, rowProblems, db.Clock.Today());
            if (rowProblems.Count == 0)
            {
                var key = NameKey(input.LastName, input.FirstName, input.MiddleName);
                var nameColumn = Column(file, mapping, mapping[StaffField.FullName] is not null ? StaffField.FullName : StaffField.LastName);
                if (seenInFile.TryGetValue(key + "|" + input.BirthYear, out var firstRow))
                    rowProblems.Add(new ImportProblem(row.Number, nameColumn, $"этот педагог уже есть в строке {firstRow} файла."));
                else
                    seenInFile[key + "|" + input.BirthYear] = row.Number;

                // Same name is the same person unless both birth years are known and differ.
                var match = byName[key].FirstOrDefault(p => p.BirthYear is null || input.BirthYear is null || p.BirthYear == input.BirthYear);
                if (match is not null) input = Merge(StaffInput.From(match), input, present);
                Validate(file, mapping, row.Number, input, rowProblems, db.Clock);
                rows.Add(new ImportRow(row.Number, input, present, match?.Id, match is null ? null : PersonName.Full(match.LastName, match.FirstName, match.MiddleName)));
            }
            problems.AddRange(rowProblems);
        }
        return new StaffImportPreview(file, mapping, rows, problems);
    }

    /// <summary>Writes the preview: all rows in one transaction, or nothing when any row has a problem.</summary>
    public async Task<StaffImportResult> CommitAsync(StaffImportPreview preview, DuplicateAction duplicates, IReadOnlyDictionary<int, DuplicateAction> perRow, string userName, CancellationToken ct = default)
    {
        if (preview.Problems.Count > 0)
            throw new InvalidOperationException("An import with problems cannot be committed.");
        int created = 0, updated = 0, skipped = 0;
        var ids = preview.Rows.Where(r => r.ExistingId is not null).Select(r => r.ExistingId!.Value).ToList();
        var people = await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var row in preview.Rows)
        {
            if (row.ExistingId is { } id)
            {
                if (perRow.GetValueOrDefault(row.Row, duplicates) == DuplicateAction.Skip) { skipped++; continue; }
                StaffCommands.Apply(row.Input, people[id], userName);
                updated++;
            }
            else
            {
                var person = new Person { LastName = "", FirstName = "" };
                StaffCommands.Apply(row.Input, person, userName);
                db.People.Add(person);
                created++;
            }
        }
        // One SaveChanges: every row and its audit entry in one transaction (AppDbContext), or nothing.
        await db.SaveChangesAsync(ct);
        log.Imported("Staff", userName, db.School.SchoolId, created, updated, skipped);
        return new StaffImportResult(created, updated, skipped);
    }

    private static string NameKey(string last, string first, string? middle) => RussianText.Fold($"{last} {first} {middle}");

    private static StaffInput Merge(StaffInput current, StaffInput incoming, HashSet<StaffField> present)
    {
        if (present.Contains(StaffField.Position)) current.Position = incoming.Position;
        if (present.Contains(StaffField.Subjects)) current.Subjects = incoming.Subjects;
        if (present.Contains(StaffField.Department)) current.Department = incoming.Department;
        if (present.Contains(StaffField.Experience)) current.ExperienceYears = incoming.ExperienceYears;
        if (present.Contains(StaffField.BirthYear) || present.Contains(StaffField.Age)) current.BirthYear = incoming.BirthYear;
        if (present.Contains(StaffField.Category)) current.Category = incoming.Category;
        if (present.Contains(StaffField.Email)) current.Email = incoming.Email;
        if (present.Contains(StaffField.Phone)) current.Phone = incoming.Phone;
        if (present.Contains(StaffField.Consent) && (incoming.Consent != ConsentStatus.NotRecorded || current.Consent == ConsentStatus.NotRecorded))
        {
            current.Consent = incoming.Consent;
            current.ConsentDate = incoming.ConsentDate;
        }
        return current;
    }

    private static string Column(TableFile file, IReadOnlyDictionary<StaffField, int?> mapping, StaffField field) =>
        mapping.GetValueOrDefault(field) is { } c && c < file.Headers.Count ? file.Headers[c] : StaffImportMapping.Title(field);

    private static void Validate(TableFile file, IReadOnlyDictionary<StaffField, int?> mapping, int row, StaffInput input, List<ImportProblem> problems, TimeProvider clock)
    {
        // The same rules as the card page and the API (InputRules): fields, rules across fields and value rules, all at once.
        var results = InputRules.Validate(input, clock);
        if (results.Count == 0) return;
        foreach (var r in results)
        {
            var field = r.MemberNames.FirstOrDefault() switch
            {
                nameof(StaffInput.LastName) or nameof(StaffInput.FirstName) or nameof(StaffInput.MiddleName) when mapping[StaffField.FullName] is not null => StaffField.FullName,
                nameof(StaffInput.LastName) => StaffField.LastName,
                nameof(StaffInput.FirstName) => StaffField.FirstName,
                nameof(StaffInput.MiddleName) => StaffField.MiddleName,
                nameof(StaffInput.ExperienceYears) => StaffField.Experience,
                nameof(StaffInput.BirthYear) => mapping[StaffField.BirthYear] is null ? StaffField.Age : StaffField.BirthYear,
                nameof(StaffInput.Email) => StaffField.Email,
                nameof(StaffInput.Phone) => StaffField.Phone,
                nameof(StaffInput.Position) => StaffField.Position,
                nameof(StaffInput.Subjects) => StaffField.Subjects,
                nameof(StaffInput.Department) => StaffField.Department,
                nameof(StaffInput.Category) => StaffField.Category,
                _ => StaffField.Consent,
            };
            var message = r.ErrorMessage ?? "неверное значение.";
            problems.Add(new ImportProblem(row, Column(file, mapping, field), char.ToLower(message[0], RussianText.Culture) + message[1..]));
        }
    }
}
