using System.Globalization;
using System.Text.RegularExpressions;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Staff;

// Cell parsing of the staff import: each cell either becomes a value or a problem that names the row, the column and what was expected.
public sealed partial class StaffImporter
{
    private static readonly string[] DateFormats = ["dd.MM.yyyy", "d.M.yyyy", "dd.MM.yy", "yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy HH:mm:ss", "yyyy-MM-ddTHH:mm:ss"];

    internal static (StaffInput Input, HashSet<StaffField> Present) ParseRow(TableFile file, TableRow row, IReadOnlyDictionary<StaffField, int?> map, List<ImportProblem> problems, DateOnly today)
    {
        var input = new StaffInput();
        var present = new HashSet<StaffField>();
        string? Cell(StaffField f)
        {
            var text = RussianText.Clean(row.Cell(map.GetValueOrDefault(f)));
            if (text is not null) present.Add(f);
            return text;
        }
        void Problem(StaffField f, string message) => problems.Add(new ImportProblem(row.Number, Column(file, map, f), message));

        if (map.GetValueOrDefault(StaffField.FullName) is not null)
        {
            var full = Cell(StaffField.FullName);
            var split = PersonName.Split(full);
            if (full is null) Problem(StaffField.FullName, "ФИО не заполнено.");
            else if (split is null) Problem(StaffField.FullName, $"ожидается «Фамилия Имя Отчество», получено «{TableFileReader.Excerpt(full)}».");
            else if (LooksLikeInitial(split.Value.First)) Problem(StaffField.FullName, $"нужны полные имя и отчество, а не инициалы: «{TableFileReader.Excerpt(full)}».");
            else (input.LastName, input.FirstName, input.MiddleName) = (split.Value.Last, split.Value.First, split.Value.Middle);
        }
        else
        {
            input.LastName = Cell(StaffField.LastName) ?? "";
            input.FirstName = Cell(StaffField.FirstName) ?? "";
            input.MiddleName = Cell(StaffField.MiddleName);
            if (input.LastName.Length == 0) Problem(StaffField.LastName, "фамилия не заполнена.");
            if (input.FirstName.Length == 0) Problem(StaffField.FirstName, "имя не заполнено.");
            else if (LooksLikeInitial(input.FirstName)) Problem(StaffField.FirstName, $"нужно полное имя, а не инициал: «{TableFileReader.Excerpt(input.FirstName)}».");
        }

        input.Position = Cell(StaffField.Position);
        input.Subjects = Cell(StaffField.Subjects);
        input.Department = Cell(StaffField.Department);
        input.Email = Cell(StaffField.Email);
        input.Phone = Cell(StaffField.Phone);

        if (Cell(StaffField.Experience) is { } exp)
        {
            var m = ExperienceRegex().Match(RussianText.Fold(exp));
            // «16,5» is kept as it is and refused by the rule of whole years with the number to write; «16 лет 5 мес.» is 16 full years.
            if (m.Success) input.ExperienceYears = decimal.Parse(m.Groups[1].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
            else Problem(StaffField.Experience, $"ожидается число лет, получено «{TableFileReader.Excerpt(exp)}».");
        }

        if (Cell(StaffField.BirthYear) is { } birth)
        {
            if (int.TryParse(birth, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is > 1900 and < 2100) input.BirthYear = year;
            else if (DateTime.TryParseExact(birth, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) input.BirthYear = date.Year;
            else Problem(StaffField.BirthYear, $"ожидается год (1980) или дата рождения (12.03.1980), получено «{TableFileReader.Excerpt(birth)}».");
        }
        else if (Cell(StaffField.Age) is { } age)
        {
            if (int.TryParse(age, NumberStyles.None, CultureInfo.InvariantCulture, out var years) && years is >= 16 and <= 90) input.BirthYear = today.Year - years;
            else Problem(StaffField.Age, $"ожидается возраст в полных годах, получено «{TableFileReader.Excerpt(age)}».");
        }

        if (Cell(StaffField.Category) is { } category)
        {
            if (ParseCategory(category) is { } c) input.Category = c;
            else Problem(StaffField.Category, $"ожидается «высшая», «первая», «соответствие занимаемой должности» или «без категории», получено «{TableFileReader.Excerpt(category)}».");
        }

        if (Cell(StaffField.Consent) is { } consent)
        {
            if (ParseConsent(consent) is { } c) (input.Consent, input.ConsentDate) = c;
            else Problem(StaffField.Consent, $"ожидается «да», «нет», «отозвано» (можно с датой) или дата согласия, получено «{TableFileReader.Excerpt(consent)}».");
        }
        return (input, present);
    }

    private static bool LooksLikeInitial(string name) => name.Length <= 2 || InitialRegex().IsMatch(name);

    internal static QualificationCategory? ParseCategory(string text)
    {
        var t = RussianText.Fold(text).Trim('.', ' ');
        if (t.StartsWith("высш", StringComparison.Ordinal)) return QualificationCategory.Highest;
        if (t.StartsWith("перв", StringComparison.Ordinal) || t == "1") return QualificationCategory.First;
        if (t.StartsWith("соотв", StringComparison.Ordinal) || t is "сзд" or "взд") return QualificationCategory.Compliance;
        if (t.StartsWith("без", StringComparison.Ordinal) || t is "нет" or "-" or "—" or "б/к" or "бк") return QualificationCategory.None;
        return null;
    }

    /// <summary>
    /// A consent cell: a date (given that day), «отозвано» with or without a date (the export writes «отозвано 05.10.2025»), «да» and the
    /// like, or «нет». The date is null when the cell names none: the import then keeps the recorded one or takes today.
    /// </summary>
    internal static (ConsentStatus, DateOnly?)? ParseConsent(string text)
    {
        var t = RussianText.Fold(text).Trim('.', ' ', '!');
        if (ParseDate(text.Trim()) is { } date) return (ConsentStatus.Given, date);
        if (t.StartsWith("отозв", StringComparison.Ordinal))
            return (ConsentStatus.Withdrawn, text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(w => ParseDate(w.Trim('(', ')', ',', ' '))).FirstOrDefault(d => d is not null));
        if (t is "да" or "+" or "есть" or "дано" or "дана" or "получено" or "согласен" or "согласна" or "yes" or "1" or "v" or "✓") return (ConsentStatus.Given, null);
        if (t is "нет" or "-" or "—" or "не дано" or "не получено" or "no" or "0") return (ConsentStatus.NotRecorded, null);
        return null;
    }

    private static DateOnly? ParseDate(string text) =>
        DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? DateOnly.FromDateTime(date) : null;

    // «16», «16 лет», «16,5», «16 л. 5 мес.»
    [GeneratedRegex(@"^(\d{1,2}(?:[.,]\d+)?)(?:\s*(?:лет|год|года|г|л)\.?)?(?:\s*\d{1,2}\s*(?:мес|м)\.?)?$")]
    private static partial Regex ExperienceRegex();

    [GeneratedRegex(@"^\p{Lu}\.")]
    private static partial Regex InitialRegex();
}
