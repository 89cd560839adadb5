using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Portfolio;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Practices;

/// <summary>
/// «Банк практик»: the school's materials and cases and those the district's schools shared, with the portfolio's search and filters by
/// topic, kind and tag; the managers tick materials and download the collection (.docx).
/// </summary>
[Authorize(Policy = Policies.ProgramRead)]
public class IndexModel(AppDbContext db, PracticeQueries queries, PracticeCollection collection) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? TopicId { get; set; }
    [BindProperty(SupportsGet = true)] public PracticeKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tag { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PracticeSearchResult Result { get; private set; } = new([], 0, 1, 1, []);
    public List<TopicGroup> Topics { get; private set; } = [];
    public bool IsManager => db.School.IsSchoolManager;
    public bool CanAdd => db.School.IsSchoolManager || db.School.PersonId > 0;
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The collection of the ticked materials, in the order of the list.</summary>
    public async Task<IActionResult> OnPostCollectionAsync(List<int> ids, string? title, CancellationToken ct)
    {
        var result = await collection.BuildAsync(ids, title, ct);
        if (result.Error is { Kind: ErrorKind.Forbidden }) return Forbid();
        if (result.Value is { } f) return File(f.Bytes, f.ContentType, f.FileName);
        Error = result.Error!.FullText;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Result = await queries.SearchAsync(new PracticeSearchQuery(Q, TopicId, Kind, Tag, PageNumber), ct);
        Topics = await db.TopicGroupsAsync(TopicId, ct);
    }

    public string PageLink(int page) => Url.Page("/Practices/Index", new { q = Q, topicId = TopicId, kind = Kind, tag = Tag, p = page })!;
}
