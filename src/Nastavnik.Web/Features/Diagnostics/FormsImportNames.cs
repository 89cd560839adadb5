using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Diagnostics;

public enum NameMatchKind { None, Exact, Uncertain }

public sealed record NameCandidate(int PersonId, string FullName, string? Department, string Why);

public sealed record NameMatch(NameMatchKind Kind, IReadOnlyList<NameCandidate> Candidates);

/// <summary>
/// Finds a respondent in the staff registry by the name they typed: tolerant of «ё»/«е», case, extra spaces and word order.
/// A full match of every word is certain; a match by initials («Иванова А. С.»), by a partial name («Иванова Анна» for
/// «Иванова Анна Сергеевна»), with one typo, or with several candidates is uncertain and goes to the curator.
/// </summary>
public sealed class FormsNameMatcher
{
    private sealed record Entry(Person Person, string Last, string First, string[] Middle, string[] All);

    private readonly List<Entry> _people = [];
    private readonly Dictionary<string, List<int>> _exact = [];
    private readonly Dictionary<string, List<int>> _words = [];

    public FormsNameMatcher(IEnumerable<Person> people)
    {
        foreach (var p in people)
        {
            var last = Word(p.LastName);
            var first = Word(p.FirstName);
            var middle = Words(p.MiddleName);
            var all = new[] { last, first }.Concat(middle).Where(w => w.Length > 0).ToArray();
            var index = _people.Count;
            _people.Add(new Entry(p, last, first, middle, all));
            Add(_exact, Key(all), index);
            foreach (var w in all.Distinct())
                foreach (var v in Variants(w)) Add(_words, v, index);
        }
    }

    public Person Person(int personId) => _people.First(e => e.Person.Id == personId).Person;

    public NameMatch Match(string typed)
    {
        var (full, initials) = Tokens(typed);
        if (full.Count == 0) return new NameMatch(NameMatchKind.None, []);
        if (initials.Count == 0 && _exact.TryGetValue(Key(full), out var exact))
            return exact.Count == 1
                ? new NameMatch(NameMatchKind.Exact, [Candidate(exact[0], "полное совпадение")])
                : new NameMatch(NameMatchKind.Uncertain, exact.Select(i => Candidate(i, "одинаковые ФИО")).ToList());

        var seen = new HashSet<int>();
        foreach (var w in full)
            foreach (var v in Variants(w))
                if (_words.TryGetValue(v, out var list)) seen.UnionWith(list);
        var found = new List<NameCandidate>();
        foreach (var i in seen.Order())
        {
            var e = _people[i];
            if (Partial(e, full, initials) is { } why) found.Add(Candidate(i, why));
            else if (initials.Count == 0 && OneTypo(e.All, full)) found.Add(Candidate(i, "отличие в одной букве"));
        }
        return found.Count == 0 ? new NameMatch(NameMatchKind.None, []) : new NameMatch(NameMatchKind.Uncertain, found);
    }

    private NameCandidate Candidate(int index, string why)
    {
        var p = _people[index].Person;
        return new NameCandidate(p.Id, p.FullName, p.Department, why);
    }

    /// <summary>The surname is there exactly; every other word is the first name or patronymic; initials agree in order.</summary>
    private static string? Partial(Entry e, List<string> full, List<string> initials)
    {
        var rest = new List<string>(full);
        if (!rest.Remove(e.Last)) return null;
        var slots = new List<string> { e.First };
        slots.AddRange(e.Middle);
        var filled = new bool[slots.Count];
        foreach (var w in rest)
        {
            var at = slots.FindIndex(s => s == w);
            if (at < 0 || filled[at]) return null;
            filled[at] = true;
        }
        var next = 0;
        foreach (var ini in initials)
        {
            while (next < slots.Count && filled[next]) next++;
            if (next >= slots.Count || !slots[next].StartsWith(ini, StringComparison.Ordinal)) return null;
            filled[next++] = true;
        }
        if (rest.Count + initials.Count == 0) return null;
        return initials.Count > 0 ? "совпадение по инициалам" : "совпадение части ФИО";
    }

    private static bool OneTypo(string[] words, List<string> typed)
    {
        if (words.Length != typed.Count || words.Length > 5) return false;
        var used = new bool[words.Length];
        return Assign(0, 0);

        bool Assign(int k, int cost)
        {
            if (k == typed.Count) return cost == 1;
            for (var j = 0; j < words.Length; j++)
            {
                if (used[j]) continue;
                var d = Distance(typed[k], words[j]);
                if (cost + d > 1) continue;
                used[j] = true;
                var ok = Assign(k + 1, cost + d);
                used[j] = false;
                if (ok) return true;
            }
            return false;
        }
    }

    /// <summary>0 when equal, 1 when one substitution, insertion or deletion apart, 2 otherwise.</summary>
    private static int Distance(string a, string b)
    {
        if (a == b) return 0;
        if (Math.Abs(a.Length - b.Length) > 1) return 2;
        if (a.Length == b.Length) return a.Zip(b).Count(p => p.First != p.Second) == 1 ? 1 : 2;
        var (s, l) = a.Length < b.Length ? (a, b) : (b, a);
        for (var i = 0; i < l.Length; i++)
            if (string.Equals(l.Remove(i, 1), s, StringComparison.Ordinal)) return 1;
        return 2;
    }

    /// <summary>The word and every form of it with one letter removed: two words one edit apart share one of these.</summary>
    private static IEnumerable<string> Variants(string w)
    {
        yield return w;
        if (w.Length < 4) yield break;
        for (var i = 0; i < w.Length; i++) yield return w.Remove(i, 1);
    }

    private static void Add(Dictionary<string, List<int>> map, string key, int index)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        if (list.Count == 0 || list[^1] != index) list.Add(index);
    }

    private static string Key(IEnumerable<string> words) => string.Join(' ', words.Order(StringComparer.Ordinal));

    private static string Word(string? s) => string.Join(' ', Words(s));

    private static string[] Words(string? s) => Tokens(s).Full.ToArray();

    /// <summary>Folded words and initials of a typed name: «Иванова А.С.» → ([иванова], [а, с]).</summary>
    public static (List<string> Full, List<string> Initials) Tokens(string? typed)
    {
        var full = new List<string>();
        var initials = new List<string>();
        foreach (var raw in RussianText.Fold(typed).Split([' ', ',', '\u00a0'], StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = raw.Split('.', StringSplitOptions.RemoveEmptyEntries);
            foreach (var part in parts)
            {
                var w = new string(part.Where(c => char.IsLetterOrDigit(c) || c == '-').ToArray()).Trim('-');
                if (w.Length == 0) continue;
                if (w.Length == 1) initials.Add(w);
                else full.Add(w);
            }
        }
        return (full, initials);
    }
}
