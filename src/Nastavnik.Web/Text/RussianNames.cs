namespace Nastavnik.Web.Text;

public enum Gender { Unknown, Male, Female }

/// <summary>The cases a name takes in our sentences: «у педагога Ивановой», «передана Ивановой», «закреплена за Ивановой».</summary>
public enum NameCase { Nominative, Genitive, Dative, Accusative, Instrumental }

/// <summary>
/// Declension of Russian full names «Фамилия Имя Отчество» by the rules of the grammar, not a dictionary:
/// <list type="bullet">
/// <item>gender from the patronymic (-ич, -оглы: male; -на, -кызы: female), else the first name (-а/-я female except Никита,
/// Илья…; Любовь female), else the surname (-ова, -ина, -ая female);</item>
/// <item>surnames: -ов/-ев/-ин/-ын (Иванов → Иванова, Иванову; Иванова → Ивановой), adjectival -ский/-ой/-ый/-ий and -ая/-яя
/// (Толстой → Толстого; Достоевская → Достоевской), other consonants only for men (Шевчук → Шевчука; a woman Шевчук stays),
/// -а/-я for both (Глинка → Глинки); -о, -е, -и, -у, -ых/-их and -иа never change (Шевченко, Черных);</item>
/// <item>first names: by ending, with the fleeting vowel of Павел, Лев, Пётр (Павла, Льва, Петра); Любовь → Любови;</item>
/// <item>patronymics: -ич (Сергеевича), -на (Сергеевны); «Мамед оглы» stays.</item>
/// </list>
/// A hyphenated surname declines each part (Римский-Корсаков → Римского-Корсакова); letter case is kept.
/// </summary>
public static class RussianNames
{
    private static readonly HashSet<string> MaleInA = new(StringComparer.OrdinalIgnoreCase)
    {
        "Никита", "Илья", "Кузьма", "Фома", "Лука", "Савва", "Данила", "Гаврила", "Фока", "Емеля", "Иона",
    };

    private static readonly HashSet<string> FemaleInSoftSign = new(StringComparer.OrdinalIgnoreCase)
    {
        "Любовь", "Нинель", "Адель", "Рахиль", "Эсфирь", "Юдифь", "Агарь", "Руфь",
    };

    // First names that lose a vowel in the other cases.
    private static readonly Dictionary<string, string> FleetingStems = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Павел"] = "Павл", ["Лев"] = "Льв", ["Пётр"] = "Петр", ["Петр"] = "Петр",
    };

    /// <summary>A full name as one string («Иванова Анна Петровна»), in <paramref name="case"/>; one word is returned as is.</summary>
    public static string Decline(string fullName, NameCase @case)
    {
        if (@case == NameCase.Nominative || PersonName.Split(fullName) is not { } n) return fullName;
        return Full(n.Last, n.First, n.Middle, @case);
    }

    public static string Full(string last, string first, string? middle, NameCase @case)
    {
        var gender = GenderOf(last, first, middle);
        var name = $"{LastName(last, gender, @case)} {FirstName(first, gender, @case)}";
        return string.IsNullOrWhiteSpace(middle) ? name : $"{name} {MiddleName(middle, gender, @case)}";
    }

    /// <summary>«он»/«она», «его»/«её» and the like: <paramref name="male"/> unless the name is a woman's.</summary>
    public static string ByGender(string fullName, string male, string female) =>
        PersonName.Split(fullName) is { } n && GenderOf(n.Last, n.First, n.Middle) == Gender.Female ? female : male;

    public static Gender GenderOf(string last, string first, string? middle)
    {
        var m = (middle ?? "").Trim().ToLowerInvariant();
        if (m.EndsWith("ич", StringComparison.Ordinal) || m.EndsWith("оглы", StringComparison.Ordinal) || m.EndsWith("улы", StringComparison.Ordinal)) return Gender.Male;
        if (m.EndsWith("на", StringComparison.Ordinal) || m.EndsWith("кызы", StringComparison.Ordinal) || m.EndsWith("гызы", StringComparison.Ordinal)) return Gender.Female;
        var f = first.Trim();
        if (MaleInA.Contains(f)) return Gender.Male;
        if (FemaleInSoftSign.Contains(f)) return Gender.Female;
        var fl = f.ToLowerInvariant();
        if (fl.EndsWith('а') || fl.EndsWith('я')) return Gender.Female;
        if (fl.Length > 0 && (IsConsonant(fl[^1]) || fl[^1] is 'й' or 'ь')) return Gender.Male;
        var l = last.Trim().ToLowerInvariant();
        if (EndsWithAny(l, "ова", "ева", "ёва", "ина", "ына", "ая", "яя")) return Gender.Female;
        if (EndsWithAny(l, "ов", "ев", "ёв", "ин", "ын", "ий", "ый", "ой")) return Gender.Male;
        return Gender.Unknown;
    }

    public static string LastName(string last, Gender gender, NameCase @case) =>
        @case == NameCase.Nominative ? last : string.Join('-', last.Split('-').Select(part => KeepCase(part, Surname(part, gender, @case))));

    public static string FirstName(string first, Gender gender, NameCase @case)
    {
        if (@case == NameCase.Nominative) return first;
        var w = first.ToLowerInvariant();
        if (gender == Gender.Male && FleetingStems.TryGetValue(first, out var stem))
            return KeepCase(first, stem.ToLowerInvariant() + Pick(@case, "а", "у", "а", "ом"));
        if (w == "илья") return KeepCase(first, "иль" + Pick(@case, "и", "е", "ю", "ёй"));
        if (w.EndsWith('а')) return KeepCase(first, NounInA(w[..^1], @case));
        if (w.EndsWith("ия", StringComparison.Ordinal)) return KeepCase(first, w[..^1] + Pick(@case, "и", "и", "ю", "ей"));
        if (w.EndsWith('я')) return KeepCase(first, w[..^1] + Pick(@case, "и", "е", "ю", "ей"));
        if (gender == Gender.Female)
            return w.EndsWith('ь') ? KeepCase(first, @case == NameCase.Accusative ? w : w[..^1] + Pick(@case, "и", "и", "ь", "ью")) : first;
        if (gender == Gender.Unknown) return first;
        if (w.EndsWith("ий", StringComparison.Ordinal)) return KeepCase(first, w[..^1] + Pick(@case, "я", "ю", "я", "ем"));
        if (w.EndsWith('й') || w.EndsWith('ь')) return KeepCase(first, w[..^1] + Pick(@case, "я", "ю", "я", "ем"));
        if (IsConsonant(w[^1])) return KeepCase(first, w + Pick(@case, "а", "у", "а", IsHushing(w[^1]) ? "ем" : "ом"));
        return first;
    }

    public static string MiddleName(string middle, Gender gender, NameCase @case)
    {
        if (@case == NameCase.Nominative || middle.Trim().Contains(' ')) return middle;
        var w = middle.ToLowerInvariant();
        if (w.EndsWith("ич", StringComparison.Ordinal)) return KeepCase(middle, w + Pick(@case, "а", "у", "а", "ем"));
        if (w.EndsWith("на", StringComparison.Ordinal)) return KeepCase(middle, w[..^1] + Pick(@case, "ы", "е", "у", "ой"));
        return middle;
    }

    private static string Surname(string part, Gender gender, NameCase @case)
    {
        var w = part.ToLowerInvariant();
        if (w.Length < 3 || EndsWithAny(w, "ых", "их", "иа", "уа", "оа", "еа") || w[^1] is 'о' or 'е' or 'ё' or 'э' or 'и' or 'ы' or 'у' or 'ю') return w;
        if (gender == Gender.Female)
        {
            if (EndsWithAny(w, "ова", "ева", "ёва", "ина", "ына")) return w[..^1] + Pick(@case, "ой", "ой", "у", "ой");
            if (w.EndsWith("ая", StringComparison.Ordinal))
                return w[..^2] + (IsHushing(w[^3]) ? Pick(@case, "ей", "ей", "ую", "ей") : Pick(@case, "ой", "ой", "ую", "ой"));
            if (w.EndsWith("яя", StringComparison.Ordinal)) return w[..^2] + Pick(@case, "ей", "ей", "юю", "ей");
        }
        if (w.EndsWith('а')) return NounInA(w[..^1], @case);
        if (w.EndsWith("ия", StringComparison.Ordinal)) return w[..^1] + Pick(@case, "и", "и", "ю", "ей");
        if (w.EndsWith('я')) return w[..^1] + Pick(@case, "и", "е", "ю", "ей");
        // A woman's surname ending in a consonant does not change (Шевчук, Дарвин); neither does one of unknown gender.
        if (gender != Gender.Male) return w;
        if (EndsWithAny(w, "ов", "ев", "ёв", "ин", "ын")) return w + Pick(@case, "а", "у", "а", "ым");
        if (EndsWithAny(w, "ский", "цкий", "ской", "цкой")) return w[..^2] + Pick(@case, "ого", "ому", "ого", "им");
        if (EndsWithAny(w, "ой", "ый")) return w[..^2] + Pick(@case, "ого", "ому", "ого", "ым");
        if (w.EndsWith("ий", StringComparison.Ordinal))
            return w[..^2] + (w[^3] is 'г' or 'к' or 'х' ? Pick(@case, "ого", "ому", "ого", "им") : Pick(@case, "его", "ему", "его", "им"));
        if (w.EndsWith('й') || w.EndsWith('ь')) return w[..^1] + Pick(@case, "я", "ю", "я", "ем");
        if (IsConsonant(w[^1])) return w + Pick(@case, "а", "у", "а", IsHushing(w[^1]) ? "ем" : "ом");
        return w;
    }

    // Анна → Анны, Ольга → Ольги, Глинка → Глинки; the stem without the final «а».
    private static string NounInA(string stem, NameCase @case)
    {
        var last = stem.Length > 0 ? stem[^1] : ' ';
        var velarOrHushing = last is 'г' or 'к' or 'х' || IsHushing(last);
        return stem + Pick(@case, velarOrHushing ? "и" : "ы", "е", "у", IsHushing(last) ? "ей" : "ой");
    }

    private static string Pick(NameCase @case, string genitive, string dative, string accusative, string instrumental) => @case switch
    {
        NameCase.Genitive => genitive,
        NameCase.Dative => dative,
        NameCase.Accusative => accusative,
        NameCase.Instrumental => instrumental,
        _ => "",
    };

    private static bool IsConsonant(char c) => "бвгджзклмнпрстфхцчшщ".Contains(c, StringComparison.Ordinal);
    private static bool IsHushing(char c) => c is 'ж' or 'ш' or 'ч' or 'щ' or 'ц';

    private static bool EndsWithAny(string w, params string[] endings) => endings.Any(e => w.EndsWith(e, StringComparison.Ordinal));

    // The declined lower-case form with the original's letters where they are kept: «ИВАНОВ» → «ИВАНОВА», «Иванов» → «Иванова».
    private static string KeepCase(string original, string lower)
    {
        if (original.Length > 1 && original.All(c => !char.IsLetter(c) || char.IsUpper(c))) return lower.ToUpperInvariant();
        var chars = lower.ToCharArray();
        for (var i = 0; i < Math.Min(original.Length, chars.Length); i++)
            if (char.IsUpper(original[i]) && char.ToLowerInvariant(original[i]) == chars[i]) chars[i] = original[i];
        return new string(chars);
    }
}
