using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Text;
using NpgsqlTypes;

namespace Nastavnik.Web.Features.Portfolio;

public sealed record PortfolioSearchQuery(string? Q, int? TopicId, int Page = 1, int Size = 20);

public sealed record ContactView(ContactKind Kind, string KindName, string Value, string? Href, ContactVisibility Visibility);

public sealed record ItemHit(int Id, string Title, int? TopicId, string? TopicName, string ExcerptHtml, double Rank);

public sealed record OfferHit(int TopicId, string TopicName, int Level, string? Experience);

public sealed record TeacherHit(int PersonId, string FullName, string? Position, string? Department,
    IReadOnlyList<ItemHit> Items, int ItemCount, IReadOnlyList<OfferHit> Offers, IReadOnlyList<ContactView> Contacts);

public sealed record PortfolioSearchResult(IReadOnlyList<TeacherHit> Teachers, int Total, int Page, int Pages, int Size, string? RoundTitle);

/// <summary>
/// The «Супервизор» search: portfolio items by topic and by words in Russian word forms, grouped by teacher, with the teacher's
/// offers in the latest diagnostics round and the contacts the viewer may see. Contacts are read through the query filter only.
/// PostgreSQL ranks with its Russian full-text search (ts_rank); SQLite matches stems (RussianStemmer) and ranks by field weights.
/// </summary>
public static class PortfolioSearch
{
    private static readonly HashSet<string> StopWords =
        ["и", "в", "во", "на", "по", "с", "со", "для", "к", "ко", "о", "об", "от", "из", "у", "за", "не", "а", "но", "или", "как", "что", "это", "при", "до"];

    /// <summary>The roots a query word must start: folded, stemmed, without stop words.</summary>
    public static List<string> Terms(string? q) =>
        RussianStemmer.Words(q).Where(w => !StopWords.Contains(w)).Select(w => RussianStemmer.MatchRoot(RussianStemmer.Stem(w))).Distinct().Take(10).ToList();

    private sealed record Candidate(int ItemId, int PersonId, double Rank, DateTime UpdatedAt);

    public static async Task<PortfolioSearchResult> SearchAsync(this AppDbContext db, PortfolioSearchQuery query, CancellationToken ct = default)
    {
        var terms = Terms(query.Q);
        var size = Math.Clamp(query.Size, 1, 100);
        var topics = await db.Topics.AsNoTracking().Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        // Topics whose name has every word of the query: their items and their mentors are found too.
        var wordTopics = terms.Count == 0 ? [] : topics.Where(t => AllTermsIn(terms, " " + RussianStemmer.StemText(t.Name))).Select(t => t.Id).ToList();
        if (query.TopicId is { } only) wordTopics = wordTopics.Where(id => id == only).ToList();

        var items = db.PortfolioItems.AsNoTracking().Where(i => !i.Person!.IsArchived);
        if (query.TopicId is { } topicId) items = items.Where(i => i.TopicId == topicId);

        List<Candidate> candidates;
        if (terms.Count == 0)
            candidates = await items.Select(i => new Candidate(i.Id, i.PersonId, 0, i.UpdatedAt)).ToListAsync(ct);
        else if (db.Database.IsNpgsql())
            candidates = await PostgresCandidatesAsync(items, query.Q!, terms, wordTopics, ct);
        else
            candidates = await SqliteCandidatesAsync(items, terms, wordTopics, ct);

        // Teachers who offered the searched topic in the latest round, even without a portfolio item.
        var offerTopics = query.TopicId is { } t0 && terms.Count == 0 ? [t0] : wordTopics;
        var program = await db.CurrentProgramAsync(ct);
        var round = program is null ? null : await db.LatestRoundAsync(program.Id, ct);
        var offerers = new Dictionary<int, int>();
        if (round is not null && offerTopics.Count > 0)
            offerers = await db.Offers.AsNoTracking().Where(o => o.RoundId == round.Id && offerTopics.Contains(o.TopicId) && !o.Person!.IsArchived)
                .GroupBy(o => o.PersonId).Select(g => new { g.Key, Level = g.Max(o => o.Level) }).ToDictionaryAsync(x => x.Key, x => x.Level, ct);

        var byPerson = candidates.GroupBy(c => c.PersonId)
            .Select(g => (PersonId: g.Key, Rank: g.Max(c => c.Rank), Updated: g.Max(c => c.UpdatedAt), Level: offerers.GetValueOrDefault(g.Key)))
            .Concat(offerers.Keys.Except(candidates.Select(c => c.PersonId)).Select(p => (PersonId: p, Rank: -1.0, Updated: DateTime.MinValue, Level: offerers[p])))
            .OrderByDescending(x => x.Rank).ThenByDescending(x => x.Level).ThenByDescending(x => x.Updated).ThenBy(x => x.PersonId)
            .ToList();

        var total = byPerson.Count;
        var pages = Math.Max(1, (total + size - 1) / size);
        var page = Math.Clamp(query.Page, 1, pages);
        var pagePeople = byPerson.Skip((page - 1) * size).Take(size).Select(x => x.PersonId).ToList();
        var teachers = await LoadTeachersAsync(db, pagePeople, candidates, terms, round?.Id, offerTopics, ct);
        return new PortfolioSearchResult(teachers, total, page, pages, size, round?.Title);
    }

    private static async Task<List<Candidate>> PostgresCandidatesAsync(IQueryable<PortfolioItem> items, string q, List<string> terms, List<int> wordTopics, CancellationToken ct)
    {
        // The words as PostgreSQL's Russian dictionary reads them, or the looser roots by prefix («кейсовые» → «кейс:*»).
        var prefix = string.Join(" & ", terms.Select(t => t + ":*"));
        return await items
            .Select(i => new { Item = i, Query = EF.Functions.WebSearchToTsQuery("russian", q).Or(EF.Functions.ToTsQuery("simple", prefix)) })
            .Where(x => EF.Property<NpgsqlTsVector>(x.Item, PortfolioItem.SearchVectorColumn).Matches(x.Query)
                || (x.Item.TopicId != null && wordTopics.Contains(x.Item.TopicId.Value)))
            .Select(x => new Candidate(x.Item.Id, x.Item.PersonId,
                EF.Property<NpgsqlTsVector>(x.Item, PortfolioItem.SearchVectorColumn).Rank(x.Query)
                    + (x.Item.TopicId != null && wordTopics.Contains(x.Item.TopicId.Value) ? 0.5f : 0f),
                x.Item.UpdatedAt))
            .ToListAsync(ct);
    }

    private static async Task<List<Candidate>> SqliteCandidatesAsync(IQueryable<PortfolioItem> items, List<string> terms, List<int> wordTopics, CancellationToken ct)
    {
        var textMatch = items;
        foreach (var term in terms)
        {
            var pattern = " " + term;
            textMatch = textMatch.Where(i => i.SearchText.Contains(pattern));
        }
        var rows = await items
            .Where(i => textMatch.Select(t => t.Id).Contains(i.Id) || (i.TopicId != null && wordTopics.Contains(i.TopicId.Value)))
            .Select(i => new { i.Id, i.PersonId, i.TopicId, i.SearchText, i.UpdatedAt })
            .ToListAsync(ct);
        return rows.Select(r => new Candidate(r.Id, r.PersonId, FieldRank(r.SearchText, terms) + (r.TopicId is { } t && wordTopics.Contains(t) ? 0.5 : 0), r.UpdatedAt)).ToList();
    }

    /// <summary>Field weights like the PostgreSQL vector's: a word in the first field (the title) counts most, then the second, then the third; the practice bank ranks by it too.</summary>
    public static double FieldRank(string searchText, IReadOnlyList<string> terms)
    {
        var fields = searchText.Split(PortfolioItem.FieldSeparator);
        double[] weights = [1.0, 0.4, 0.2];
        var rank = 0.0;
        foreach (var term in terms)
            for (var f = 0; f < Math.Min(fields.Length, weights.Length); f++)
            {
                var field = " " + fields[f].Trim() + " ";
                var hits = 0;
                for (var at = field.IndexOf(" " + term, StringComparison.Ordinal); at >= 0; at = field.IndexOf(" " + term, at + 1, StringComparison.Ordinal)) hits++;
                if (hits > 0) rank += weights[f] * (1 + Math.Log(hits));
            }
        return rank / Math.Max(1, terms.Count);
    }

    private static bool AllTermsIn(List<string> terms, string stems) => terms.All(t => stems.Contains(" " + t, StringComparison.Ordinal));

    private static async Task<List<TeacherHit>> LoadTeachersAsync(AppDbContext db, List<int> personIds, List<Candidate> candidates, List<string> terms,
        int? roundId, List<int> offerTopics, CancellationToken ct)
    {
        if (personIds.Count == 0) return [];
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.LastName, p.FirstName, p.MiddleName, p.Position, p.Department }).ToDictionaryAsync(p => p.Id, ct);
        // The three best items of each teacher on the page.
        var best = candidates.Where(c => personIds.Contains(c.PersonId)).GroupBy(c => c.PersonId)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Top: g.OrderByDescending(c => c.Rank).ThenByDescending(c => c.UpdatedAt).Take(3).ToList()));
        var itemIds = best.Values.SelectMany(b => b.Top.Select(c => c.ItemId)).ToList();
        var items = await db.PortfolioItems.AsNoTracking().Where(i => itemIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Title, i.Description, i.Achievements, i.TopicId, TopicName = i.Topic != null ? i.Topic.Name : null })
            .ToDictionaryAsync(i => i.Id, ct);
        var offers = roundId is null ? [] : await db.Offers.AsNoTracking().Where(o => o.RoundId == roundId && personIds.Contains(o.PersonId))
            .Select(o => new { o.PersonId, o.TopicId, TopicName = o.Topic!.Name, o.Level, o.Experience }).ToListAsync(ct);
        var contacts = await db.PortfolioContacts.AsNoTracking().Where(c => personIds.Contains(c.PersonId))
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);

        return personIds.Where(people.ContainsKey).Select(id =>
        {
            var p = people[id];
            var hits = best.TryGetValue(id, out var b)
                ? b.Top.Where(c => items.ContainsKey(c.ItemId)).Select(c =>
                {
                    var i = items[c.ItemId];
                    return new ItemHit(i.Id, i.Title, i.TopicId, i.TopicName, Excerpt(terms, i.Description, i.Achievements, i.Title), c.Rank);
                }).ToList()
                : [];
            var own = offers.Where(o => o.PersonId == id).OrderByDescending(o => offerTopics.Contains(o.TopicId)).ThenByDescending(o => o.Level).ThenBy(o => o.TopicName)
                .Take(5).Select(o => new OfferHit(o.TopicId, o.TopicName, o.Level, o.Experience)).ToList();
            var reach = contacts.Where(c => c.PersonId == id).Select(View).ToList();
            return new TeacherHit(id, PersonName.Full(p.LastName, p.FirstName, p.MiddleName), p.Position, p.Department, hits, b.Count, own, reach);
        }).ToList();
    }

    public static ContactView View(PortfolioContact c) =>
        new(c.Kind, PortfolioLabels.Kind(c.Kind), c.Value, PortfolioLabels.Href(c.Kind, c.Value), c.Visibility);

    /// <summary>
    /// About 220 characters of the first field that has a searched word, the words whose stem starts with a searched root in &lt;mark&gt;;
    /// everything HTML-encoded. Without search words: the beginning of the description.
    /// </summary>
    public static string Excerpt(IReadOnlyList<string> terms, params string?[] fields)
    {
        const int width = 220;
        var texts = fields.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f!.Replace('\n', ' ')).ToList();
        if (texts.Count == 0) return "";
        foreach (var text in texts)
        {
            var words = WordSpans(text).Where(w => IsMatch(terms, text.Substring(w.Start, w.Length))).ToList();
            if (words.Count == 0) continue;
            var start = Math.Max(0, words[0].Start - 60);
            if (start > 0) { var space = text.IndexOf(' ', start); start = space >= 0 && space < words[0].Start ? space + 1 : start; }
            var end = Math.Min(text.Length, start + width);
            return Highlight(text, start, end, terms);
        }
        return Highlight(texts[0], 0, Math.Min(texts[0].Length, width), terms);
    }

    private static string Highlight(string text, int start, int end, IReadOnlyList<string> terms)
    {
        var sb = new StringBuilder();
        if (start > 0) sb.Append('…');
        var at = start;
        foreach (var (s, l) in WordSpans(text).Where(w => w.Start >= start && w.Start + w.Length <= end))
        {
            if (!IsMatch(terms, text.Substring(s, l))) continue;
            sb.Append(WebUtility.HtmlEncode(text[at..s])).Append("<mark>").Append(WebUtility.HtmlEncode(text.Substring(s, l))).Append("</mark>");
            at = s + l;
        }
        sb.Append(WebUtility.HtmlEncode(text[at..end]));
        if (end < text.Length) sb.Append('…');
        return sb.ToString();
    }

    private static bool IsMatch(IReadOnlyList<string> terms, string word)
    {
        if (terms.Count == 0) return false;
        var stem = RussianStemmer.Stem(RussianStemmer.Words(word).FirstOrDefault() ?? "");
        return stem.Length > 0 && terms.Any(t => stem.StartsWith(t, StringComparison.Ordinal));
    }

    private static IEnumerable<(int Start, int Length)> WordSpans(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
            var s = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            if (i > s) yield return (s, i - s);
        }
    }
}
