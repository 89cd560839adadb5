using System.Globalization;
using System.Text;

namespace Nastavnik.Web.Text;

public static partial class RussianText
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>Search form of a text: lower case, «ё» as «е», single spaces. SQLite's lower() knows only ASCII, so we store this form.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text.Trim())
        {
            if (char.IsWhiteSpace(ch)) { space = true; continue; }
            if (space) { sb.Append(' '); space = false; }
            var c = char.ToLowerInvariant(ch);
            sb.Append(c == 'ё' ? 'е' : c);
        }
        return sb.ToString();
    }

    /// <summary>Trims and collapses inner whitespace; keeps case and «ё».</summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>«1 педагог, 2 педагога, 5 педагогов».</summary>
    public static string Plural(long n, string one, string few, string many)
    {
        var n100 = Math.Abs(n) % 100;
        var n10 = n100 % 10;
        var word = n100 is >= 11 and <= 14 ? many : n10 == 1 ? one : n10 is >= 2 and <= 4 ? few : many;
        return $"{n.ToString("N0", Culture)} {word}";
    }

    public static string Date(DateOnly? d) => d?.ToString("dd.MM.yyyy", Culture) ?? "—";
    /// <summary>A position or a title inside a sentence: «Учитель математики» → «учитель математики»; «ЗДУВР» keeps its capitals.</summary>
    public static string? InSentence(string? text) => Clean(text) is not { } s ? null
        : s.Length > 1 && char.IsLower(s[1]) ? char.ToLower(s[0], Culture) + s[1..] : s;

    /// <summary>A date as official documents write it: «05» октября 2026 г.</summary>
    public static string DocumentDate(DateOnly d) =>
        $"«{d.Day:00}» {Culture.DateTimeFormat.MonthGenitiveNames[d.Month - 1]} {d.Year} г.";

    public static string DateTime(DateTime d) => d.ToLocalTime().ToString("dd.MM.yyyy HH:mm", Culture);
}

public static class PersonName
{
    public static string Full(string last, string first, string? middle) =>
        string.IsNullOrWhiteSpace(middle) ? $"{last} {first}" : $"{last} {first} {middle}";

    /// <summary>Splits «Фамилия Имя Отчество» (patronymic may have several words, e.g. «Оглы»). Null when fewer than two words.</summary>
    public static (string Last, string First, string? Middle)? Split(string? fullName)
    {
        var parts = (fullName ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2) return null;
        return (parts[0], parts[1], parts.Length > 2 ? string.Join(' ', parts[2..]) : null);
    }
}
