using System.Text;

namespace Nastavnik.Web.Text;

/// <summary>
/// The Russian Snowball (Porter) stemmer, written from the published algorithm (snowballstem.org/algorithms/russian):
/// the same stems PostgreSQL's 'russian' text search configuration produces, so «видеоролики» and «видеоролик» meet.
/// Input is expected folded (lower case, «ё» as «е»); <see cref="Words"/> does that.
/// </summary>
public static class RussianStemmer
{
    private const string Vowels = "аеиоуыэюя";

    private static readonly string[] PerfectiveGerund1 = ["вшись", "вши", "в"];
    private static readonly string[] PerfectiveGerund2 = ["ившись", "ывшись", "ивши", "ывши", "ив", "ыв"];
    private static readonly string[] Adjective =
        ["ими", "ыми", "его", "ого", "ему", "ому", "ее", "ие", "ые", "ое", "ей", "ий", "ый", "ой", "ем", "им", "ым", "ом", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею"];
    private static readonly string[] Participle1 = ["ем", "нн", "вш", "ющ", "щ"];
    private static readonly string[] Participle2 = ["ивш", "ывш", "ующ"];
    private static readonly string[] Reflexive = ["ся", "сь"];
    private static readonly string[] Verb1 = ["ете", "йте", "ешь", "нно", "ла", "на", "ли", "ем", "ло", "но", "ет", "ют", "ны", "ть", "й", "л", "н"];
    private static readonly string[] Verb2 =
        ["ейте", "уйте", "ила", "ыла", "ена", "ите", "или", "ыли", "ило", "ыло", "ено", "ует", "уют", "ены", "ить", "ыть", "ишь", "ей", "уй", "ил", "ыл", "им", "ым", "ен", "ят", "ит", "ыт", "ую", "ю"];
    private static readonly string[] Noun =
        ["иями", "ями", "ами", "ией", "иям", "ием", "иях", "ев", "ов", "ие", "ье", "еи", "ии", "ей", "ой", "ий", "ям", "ем", "ам", "ом", "ах", "ях", "ию", "ью", "ия", "ья", "а", "е", "и", "й", "о", "у", "ы", "ь", "ю", "я"];
    private static readonly string[] Superlative = ["ейше", "ейш"];
    private static readonly string[] Derivational = ["ость", "ост"];

    /// <summary>The stem of one folded word.</summary>
    public static string Stem(string word)
    {
        if (word.Length < 2) return word;
        var (rv, r2) = Regions(word);
        var w = new StringBuilder(word);

        // Step 1.
        if (!RemoveGroup(w, rv, PerfectiveGerund1, PerfectiveGerund2))
        {
            RemoveAny(w, rv, Reflexive);
            if (!RemoveAdjectival(w, rv) && !RemoveGroup(w, rv, Verb1, Verb2))
                RemoveAny(w, rv, Noun);
        }
        // Step 2.
        if (w.Length > rv && w[^1] == 'и') w.Length--;
        // Step 3.
        RemoveAny(w, Math.Max(r2, rv), Derivational);
        // Step 4.
        if (EndsWith(w, rv, "нн")) w.Length--;
        else if (RemoveAny(w, rv, Superlative)) { if (EndsWith(w, rv, "нн")) w.Length--; }
        else if (w.Length > rv && w[^1] == 'ь') w.Length--;
        return w.ToString();
    }

    /// <summary>The folded words of a text, split on anything but letters and digits («кейс-технология» gives two words).</summary>
    public static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        var sb = new StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch))
            {
                var c = char.ToLowerInvariant(ch);
                sb.Append(c == 'ё' ? 'е' : c);
            }
            else if (sb.Length > 0) { yield return sb.ToString(); sb.Clear(); }
        }
        if (sb.Length > 0) yield return sb.ToString();
    }

    /// <summary>The stems of a text's words, space-separated.</summary>
    public static string StemText(string? text) => string.Join(' ', Words(text).Select(Stem));

    /// <summary>
    /// A looser root for matching a query word by prefix: the stem without a relational-adjective suffix («кейсовые» → «кейсов» → «кейс»),
    /// so «кейсовые технологии» finds «кейс-технология».
    /// </summary>
    public static string MatchRoot(string stem)
    {
        foreach (var suffix in new[] { "ов", "ев" })
            if (stem.Length - suffix.Length >= 3 && stem.EndsWith(suffix, StringComparison.Ordinal)) return stem[..^suffix.Length];
        return stem;
    }

    private static (int Rv, int R2) Regions(string word)
    {
        int rv = word.Length, r1 = word.Length, r2 = word.Length;
        for (var i = 0; i < word.Length; i++)
            if (IsVowel(word[i])) { rv = i + 1; break; }
        for (var i = 1; i < word.Length; i++)
            if (!IsVowel(word[i]) && IsVowel(word[i - 1])) { r1 = i + 1; break; }
        for (var i = r1 + 1; i < word.Length; i++)
            if (!IsVowel(word[i]) && IsVowel(word[i - 1])) { r2 = i + 1; break; }
        return (rv, r2);
    }

    private static bool IsVowel(char c) => Vowels.Contains(c);

    private static bool EndsWith(StringBuilder w, int limit, string ending)
    {
        var start = w.Length - ending.Length;
        if (start < limit) return false;
        for (var i = 0; i < ending.Length; i++)
            if (w[start + i] != ending[i]) return false;
        return true;
    }

    /// <summary>Removes the longest ending of the list found inside the region.</summary>
    private static bool RemoveAny(StringBuilder w, int limit, string[] endings)
    {
        var found = endings.Where(e => EndsWith(w, limit, e)).MaxBy(e => e.Length);
        if (found is null) return false;
        w.Length -= found.Length;
        return true;
    }

    /// <summary>Group 1 endings must follow «а» or «я» (which stays); group 2 endings stand alone. The longest match wins.</summary>
    private static bool RemoveGroup(StringBuilder w, int limit, string[] group1, string[] group2)
    {
        var g1 = group1.Where(e => EndsWith(w, limit + 1, e) && w[w.Length - e.Length - 1] is 'а' or 'я').MaxBy(e => e.Length);
        var g2 = group2.Where(e => EndsWith(w, limit, e)).MaxBy(e => e.Length);
        var found = (g1?.Length ?? 0) >= (g2?.Length ?? 0) ? g1 : g2;
        if (found is null) return false;
        w.Length -= found.Length;
        return true;
    }

    private static bool RemoveAdjectival(StringBuilder w, int limit)
    {
        if (!RemoveAny(w, limit, Adjective)) return false;
        RemoveGroup(w, limit, Participle1, Participle2);
        return true;
    }
}
