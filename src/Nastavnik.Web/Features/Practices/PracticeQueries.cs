using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Portfolio;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Practices;

public sealed record PracticeSearchQuery(string? Q, int? TopicId, PracticeKind? Kind, string? Tag, int Page = 1, int Size = 20);

public sealed record PracticeFileView(int Id, string FileName, string ContentType, long Length);

/// <summary>A material as a reader sees it; <see cref="SchoolName"/> is set for another school's material shared with the district.</summary>
public sealed record PracticeView(int Id, PracticeKind Kind, string KindName, string Title, int? TopicId, string? TopicName, int AuthorId, string AuthorName,
    string? SchoolName, string? Description, IReadOnlyList<string> Links, IReadOnlyList<string> Tags, bool SharedWithDistrict, int? PairId,
    IReadOnlyList<PracticeFileView> Files, DateTime UpdatedAt, int Version, bool CanEdit, string ExcerptHtml);

public sealed record PracticeSearchResult(IReadOnlyList<PracticeView> Items, int Total, int Page, int Pages, IReadOnlyList<string> Tags);

/// <summary>
/// Reading the bank: the list with the portfolio's search (Russian word forms by <see cref="PortfolioSearch.Terms"/>, ё as е, the
/// stems of <see cref="PracticeMaterial.SearchText"/> ranked by <see cref="PortfolioSearch.FieldRank"/>), filters by topic, kind and
/// tag, and one material. Everything through <see cref="AppDbContext.ReadablePractices"/>: the school's own and the district's shared.
/// </summary>
public sealed class PracticeQueries(AppDbContext db, PracticeCommands commands)
{
    public async Task<PracticeSearchResult> SearchAsync(PracticeSearchQuery query, CancellationToken ct = default)
    {
        var terms = PortfolioSearch.Terms(query.Q);
        var size = Math.Clamp(query.Size, 1, 100);
        var items = db.ReadablePractices().AsNoTracking();
        if (query.TopicId is { } topicId) items = items.Where(m => m.TopicId == topicId);
        if (query.Kind is { } kind) items = items.Where(m => m.Kind == kind);
        if (PracticeTags.Split(query.Tag).FirstOrDefault() is { } tag)
        {
            var stored = ";" + tag + ";";
            items = items.Where(m => m.Tags.Contains(stored));
        }
        // Topics whose name has every word of the query: their materials are found too, as in «Супервизор».
        var wordTopics = terms.Count == 0 ? [] : (await db.Topics.AsNoTracking().Select(t => new { t.Id, t.Name }).ToListAsync(ct))
            .Where(t => terms.All(w => (" " + RussianStemmer.StemText(t.Name)).Contains(" " + w, StringComparison.Ordinal))).Select(t => t.Id).ToList();
        var textMatch = items;
        foreach (var term in terms)
        {
            var pattern = " " + term;
            textMatch = textMatch.Where(m => m.SearchText.Contains(pattern));
        }
        var matched = terms.Count == 0 ? items
            : items.Where(m => textMatch.Select(t => t.Id).Contains(m.Id) || (m.TopicId != null && wordTopics.Contains(m.TopicId.Value)));
        var candidates = await matched.Select(m => new { m.Id, m.SearchText, m.TopicId, m.UpdatedAt }).ToListAsync(ct);
        var ordered = candidates
            .Select(c => (c.Id, c.UpdatedAt, Rank: terms.Count == 0 ? 0 : PortfolioSearch.FieldRank(c.SearchText, terms) + (c.TopicId is { } t && wordTopics.Contains(t) ? 0.5 : 0)))
            .OrderByDescending(c => c.Rank).ThenByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id).ToList();
        var total = ordered.Count;
        var pages = Math.Max(1, (total + size - 1) / size);
        var page = Math.Clamp(query.Page, 1, pages);
        var ids = ordered.Skip((page - 1) * size).Take(size).Select(c => c.Id).ToList();
        var views = await ViewsAsync(ids, terms, ct);
        var tags = (await db.ReadablePractices().AsNoTracking().Where(m => m.Tags != "").Select(m => m.Tags).ToListAsync(ct))
            .SelectMany(PracticeTags.Parse).Distinct().Order(StringComparer.Create(RussianText.Culture, true)).Take(200).ToList();
        return new PracticeSearchResult(views, total, page, pages, tags);
    }

    public async Task<PracticeView?> GetAsync(int id, CancellationToken ct = default) => (await ViewsAsync([id], [], ct)).FirstOrDefault();

    /// <summary>The materials of the ids, in their order; an id the viewer may not read is left out.</summary>
    public async Task<List<PracticeView>> ViewsAsync(IReadOnlyList<int> ids, IReadOnlyList<string> terms, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var school = db.School.SchoolId;
        var rows = await db.ReadablePractices().AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => new
        {
            m.Id, m.Kind, m.Title, m.TopicId, TopicName = m.Topic != null ? m.Topic.Name : null, m.AuthorId,
            m.Author!.LastName, m.Author.FirstName, m.Author.MiddleName, m.SchoolId, m.Description, m.Links, m.Tags, m.SharedWithDistrict, m.PairId,
            m.UpdatedAt, m.Version,
            Files = m.Files.OrderBy(f => f.Id).Select(f => new PracticeFileView(f.Id, f.FileName, f.ContentType, f.Length)).ToList(),
        }).ToListAsync(ct);
        var otherSchools = rows.Where(r => r.SchoolId != school).Select(r => r.SchoolId).Distinct().ToList();
        var schoolNames = otherSchools.Count == 0 ? [] : await db.Organizations.AsNoTracking().Where(o => otherSchools.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.ShortName ?? o.Name, ct);
        var byId = rows.ToDictionary(r => r.Id);
        return ids.Where(byId.ContainsKey).Select(id =>
        {
            var r = byId[id];
            return new PracticeView(r.Id, r.Kind, PracticeLabels.Kind(r.Kind), r.Title, r.TopicId, r.TopicName, r.AuthorId,
                PersonName.Full(r.LastName, r.FirstName, r.MiddleName), schoolNames.GetValueOrDefault(r.SchoolId), r.Description,
                PortfolioLinks.Split(r.Links), PracticeTags.Parse(r.Tags), r.SharedWithDistrict, r.PairId, r.Files, r.UpdatedAt, r.Version,
                commands.CanEdit(r.AuthorId, r.SchoolId), PortfolioSearch.Excerpt(terms, r.Description, r.Title));
        }).ToList();
    }

    /// <summary>A file of a material the viewer may read (the school's, or shared with the district); null otherwise.</summary>
    public Task<PracticeFile?> FileAsync(int fileId, CancellationToken ct = default) =>
        db.ReadablePracticeFiles().AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, ct);

    /// <summary>Whether the school belongs to a district, so that sharing with it means something.</summary>
    public Task<bool> HasDistrictAsync(CancellationToken ct = default) =>
        db.Organizations.AnyAsync(o => o.Id == db.School.SchoolId && o.Parent != null && o.Parent.Kind == OrganizationKind.District, ct);
}
