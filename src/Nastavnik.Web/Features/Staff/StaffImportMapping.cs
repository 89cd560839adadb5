using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Staff;

public enum StaffField { FullName, LastName, FirstName, MiddleName, Position, Subjects, Department, Experience, BirthYear, Age, Category, Email, Phone, Consent }

/// <summary>Which file column feeds which field. Guessed from Russian headers; the user corrects it in the preview.</summary>
public static class StaffImportMapping
{
    public static readonly (StaffField Field, string Title)[] Fields =
    [
        (StaffField.FullName, "ФИО (одним столбцом)"), (StaffField.LastName, "Фамилия"), (StaffField.FirstName, "Имя"), (StaffField.MiddleName, "Отчество"),
        (StaffField.Position, "Должность"), (StaffField.Subjects, "Предметы"), (StaffField.Department, "Методическое объединение"),
        (StaffField.Experience, "Педагогический стаж, лет"), (StaffField.BirthYear, "Год или дата рождения"), (StaffField.Age, "Возраст"),
        (StaffField.Category, "Квалификационная категория"), (StaffField.Email, "Электронная почта"), (StaffField.Phone, "Телефон"),
        (StaffField.Consent, "Согласие на обработку ПДн"),
    ];

    public static string Title(StaffField f) => Fields.First(x => x.Field == f).Title;

    private static readonly (StaffField Field, string[] Exact, string[] Contains)[] Synonyms =
    [
        (StaffField.FullName, ["фио", "ф и о", "фамилия имя отчество", "фио педагога", "фио учителя", "фио сотрудника", "педагог", "учитель", "сотрудник", "работник"], ["фамилия имя", "фио"]),
        (StaffField.LastName, ["фамилия"], []),
        (StaffField.FirstName, ["имя"], []),
        (StaffField.MiddleName, ["отчество"], []),
        (StaffField.Position, ["должность", "занимаемая должность"], ["должност"]),
        (StaffField.Subjects, ["предмет", "предметы", "преподаваемый предмет", "преподаваемые предметы", "дисциплины"], ["предмет"]),
        (StaffField.Department, ["мо", "шмо", "кафедра", "методическое объединение", "методическое объединение мо"], ["методическ", "объединени"]),
        (StaffField.Experience, ["стаж", "педстаж", "пед стаж", "педагогический стаж", "стаж работы", "стаж педагогической работы"], ["стаж"]),
        (StaffField.BirthYear, ["год рождения", "дата рождения", "др"], ["рождени"]),
        (StaffField.Age, ["возраст", "полных лет"], ["возраст"]),
        (StaffField.Category, ["категория", "квалификационная категория", "кв категория"], ["категори"]),
        (StaffField.Email, ["email", "e mail", "почта", "эл почта", "электронная почта", "адрес электронной почты"], ["почт", "mail"]),
        (StaffField.Phone, ["телефон", "тел", "мобильный телефон", "контактный телефон"], ["телефон"]),
        (StaffField.Consent, ["согласие", "согласие на обработку пдн", "согласие на обработку персональных данных", "152 фз"], ["согласи"]),
    ];

    /// <summary>Folds a header for comparison: lower case, «ё» as «е», punctuation as spaces.</summary>
    public static string FoldHeader(string header) =>
        RussianText.Fold(new string(header.Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray()));

    public static Dictionary<StaffField, int?> Guess(IReadOnlyList<string> headers)
    {
        var folded = headers.Select(FoldHeader).ToList();
        var map = Enum.GetValues<StaffField>().ToDictionary(f => f, _ => (int?)null);
        var taken = new HashSet<int>();
        // Exact names first, then partial ones, so «Фамилия» is not taken by «Фамилия, имя, отчество».
        foreach (var pass in new[] { true, false })
            foreach (var (field, exact, contains) in Synonyms)
            {
                if (map[field] is not null) continue;
                for (var i = 0; i < folded.Count; i++)
                {
                    if (taken.Contains(i)) continue;
                    var h = folded[i];
                    if (pass ? exact.Contains(h) : contains.Any(h.Contains))
                    {
                        map[field] = i;
                        taken.Add(i);
                        break;
                    }
                }
            }
        // Three name columns beat a guessed full-name column, and vice versa.
        if (map[StaffField.LastName] is not null && map[StaffField.FirstName] is not null) map[StaffField.FullName] = null;
        return map;
    }

    public static string? Check(IReadOnlyDictionary<StaffField, int?> map)
    {
        var hasFull = map.GetValueOrDefault(StaffField.FullName) is not null;
        var hasSplit = map.GetValueOrDefault(StaffField.LastName) is not null && map.GetValueOrDefault(StaffField.FirstName) is not null;
        if (!hasFull && !hasSplit) return "Укажите, где в файле ФИО: один столбец «ФИО» или столбцы «Фамилия» и «Имя».";
        if (hasFull && hasSplit) return "ФИО указано дважды: выберите либо один столбец «ФИО», либо столбцы «Фамилия», «Имя», «Отчество».";
        var used = map.Where(kv => kv.Value is not null).GroupBy(kv => kv.Value).FirstOrDefault(g => g.Count() > 1);
        if (used is not null) return $"Один столбец файла выбран для нескольких полей: {string.Join(", ", used.Select(kv => $"«{Title(kv.Key)}»"))}.";
        return null;
    }
}
