using System.Text;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Diagnostics;

/// <summary>
/// Reads topic labels out of a checkbox cell and finds them in the catalog. Labels are compared by <see cref="Key"/> (case, «ё»,
/// spaces, punctuation, quotes and trailing dots do not matter). Since a topic name may itself contain a comma
/// («Создание видеороликов, презентаций»), the cell is cut at «,» and «;» and the longest run of pieces that names a known topic wins.
/// </summary>
public sealed class FormsTopicMatcher
{
    private readonly Dictionary<string, int> _known = [];
    private readonly int _longest;

    public FormsTopicMatcher(IEnumerable<Topic> topics, IReadOnlyDictionary<string, int> aliases)
    {
        foreach (var t in topics) _known.TryAdd(Key(t.Name), t.Id);
        foreach (var (key, id) in aliases) _known[key] = id;
        _longest = _known.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max();
    }

    /// <summary>The comparison form of a label: folded, letters and digits only, single spaces.</summary>
    public static string Key(string? label)
    {
        var sb = new StringBuilder();
        var space = false;
        foreach (var ch in RussianText.Fold(label))
        {
            if (char.IsLetterOrDigit(ch)) { if (space && sb.Length > 0) sb.Append(' '); sb.Append(ch); space = false; }
            else space = true;
        }
        return sb.ToString();
    }

    /// <summary>The topic id of a label (or <see cref="FormsMapping.IgnoreTopic"/>); null when unknown.</summary>
    public int? Find(string label) => _known.TryGetValue(Key(label), out var id) ? id : null;

    /// <summary>Each label of the cell with its topic id (null when unknown).</summary>
    public List<(string Label, int? TopicId)> Split(string cell)
    {
        var pieces = cell.Split([',', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Key(p).Length > 0).ToArray();
        var result = new List<(string, int?)>();
        for (var i = 0; i < pieces.Length;)
        {
            var taken = 1;
            int? id = null;
            for (var j = Math.Min(pieces.Length, i + Math.Max(_longest, 1)); j > i; j--)
            {
                var label = string.Join(", ", pieces[i..j]);
                if (_known.TryGetValue(Key(label), out var found)) { id = found; taken = j - i; break; }
            }
            result.Add((string.Join(", ", pieces[i..(i + taken)]), id));
            i += taken;
        }
        return result;
    }
}
