using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Staff;

public enum DuplicateAction { Skip, Update }

public sealed record ImportProblem(int Row, string Column, string Message)
{
    public override string ToString() => Row > 0 ? $"Строка {Row}, столбец «{TableFileReader.Excerpt(Column)}»: {Message}" : Message;
}

/// <summary>One row of the file as it will be written: a new person or an update of <see cref="ExistingId"/>.</summary>
public sealed record ImportRow(int Row, StaffInput Input, IReadOnlySet<StaffField> Present, int? ExistingId, string? ExistingName)
{
    public string FullName => PersonName.Full(Input.LastName, Input.FirstName, Input.MiddleName);
}

/// <summary>
/// What the file would write. <see cref="Problems"/> holds the first <see cref="ShownProblems"/> of <see cref="ProblemCount"/>;
/// <see cref="UploadId"/> is the stored upload it was read from, null when there is none (the CLI) or when it was refused and deleted.
/// </summary>
public sealed record StaffImportPreview(TableFile File, IReadOnlyDictionary<StaffField, int?> Mapping, IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportProblem> Problems, int ProblemCount)
{
    public const int ShownProblems = 200;

    public Guid? UploadId { get; init; }
    public string? FileName { get; init; }
    public int NewCount => Rows.Count(r => r.ExistingId is null);
    public int DuplicateCount => Rows.Count(r => r.ExistingId is not null);

    /// <summary>The refusal when any row has a problem: nothing is written, the first problems are its details.</summary>
    public CommandError? Refusal => ProblemCount == 0 ? null : CommandError.Invalid(
        $"Ничего не загружено: найдено ошибок — {ProblemCount}. Исправьте их в файле и загрузите его снова.",
        [.. Problems.Select(p => p.ToString()), .. ProblemCount > Problems.Count ? [$"Показаны первые {Problems.Count} из {ProblemCount}."] : Array.Empty<string>()]);
}

public sealed record StaffImportResult(int Created, int Updated, int Skipped)
{
    public string Summary => $"Загрузка завершена: добавлено {RussianText.Plural(Created, "педагог", "педагога", "педагогов")}, обновлено {Updated}, пропущено {Skipped}.";
}

/// <summary>
/// Staff import: parse every row, report every problem by row and column, find people already in the school,
/// and write all rows in one transaction or none. The use cases (upload, preview, commit, the CLI's file) are in StaffImporter.Commands.cs.
/// </summary>
public sealed partial class StaffImporter(AppDbContext db, StaffImportProgress progress, ILogger<StaffImporter> log)
{
    public async Task<StaffImportPreview> PreviewAsync(TableFile file, IReadOnlyDictionary<StaffField, int?> mapping, CancellationToken ct = default)
    {
        var problems = new List<ImportProblem>();
        if (StaffImportMapping.Check(mapping) is { } mappingError)
            return new StaffImportPreview(file, mapping, [], [new ImportProblem(0, "", mappingError)], 1);
        if (file.Rows.Count == 0)
            return new StaffImportPreview(file, mapping, [], [new ImportProblem(0, "", "В файле есть заголовок, но нет ни одной строки с данными.")], 1);

        var existing = await db.People.AsNoTracking().ToListAsync(ct);
        var byName = existing.ToLookup(p => NameKey(p.LastName, p.FirstName, p.MiddleName));
        var seenInFile = new Dictionary<string, int>();
        var rows = new List<ImportRow>();
        var problemCount = 0;
        var today = db.Clock.Today();

        foreach (var row in file.Rows)
        {
            var rowProblems = new List<ImportProblem>();
            var (input, present) = ParseRow(file, row, mapping, rowProblems, today);
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
                if (match is not null) input = Merge(StaffInput.From(match), input, present, today);
                else if (input.Consent != ConsentStatus.NotRecorded) input.ConsentDate ??= today;
                Validate(file, mapping, row.Number, input, rowProblems, db.Clock);
                rows.Add(new ImportRow(row.Number, input, present, match?.Id, match is null ? null : PersonName.Full(match.LastName, match.FirstName, match.MiddleName)));
            }
            problemCount += rowProblems.Count;
            problems.AddRange(rowProblems.Take(StaffImportPreview.ShownProblems - problems.Count));
        }
        return new StaffImportPreview(file, mapping, rows, problems, problemCount);
    }

    private static string NameKey(string last, string first, string? middle) => RussianText.Fold($"{last} {first} {middle}");

    /// <summary>
    /// The card as the file leaves it: a field changes only when its column is in the file. Consent changes only when the file says
    /// something different: the same status without a date (or with the same date) keeps the recorded date and who recorded it,
    /// an empty or «нет» never erases a recorded consent, and a new status without a date is dated today.
    /// </summary>
    private static StaffInput Merge(StaffInput current, StaffInput incoming, HashSet<StaffField> present, DateOnly today)
    {
        if (present.Contains(StaffField.Position)) current.Position = incoming.Position;
        if (present.Contains(StaffField.Subjects)) current.Subjects = incoming.Subjects;
        if (present.Contains(StaffField.Department)) current.Department = incoming.Department;
        if (present.Contains(StaffField.Experience)) current.ExperienceYears = incoming.ExperienceYears;
        if (present.Contains(StaffField.BirthYear) || present.Contains(StaffField.Age)) current.BirthYear = incoming.BirthYear;
        if (present.Contains(StaffField.Category)) current.Category = incoming.Category;
        if (present.Contains(StaffField.Email)) current.Email = incoming.Email;
        if (present.Contains(StaffField.Phone)) current.Phone = incoming.Phone;
        if (present.Contains(StaffField.Consent) && incoming.Consent != ConsentStatus.NotRecorded
            && (incoming.Consent != current.Consent || (incoming.ConsentDate is { } stated && stated != current.ConsentDate)))
        {
            current.Consent = incoming.Consent;
            current.ConsentDate = incoming.ConsentDate ?? today;
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
