using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Portfolio;

/// <summary>«Супервизор»: any member of the school finds a colleague with experience in a topic and reaches them at once.</summary>
[Authorize(Policy = Policies.ProgramRead)]
public class SearchModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? TopicId { get; set; }
    // "page" is reserved by Razor Pages for the page's own route value.
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PortfolioSearchResult Result { get; private set; } = new([], 0, 1, 1, 20, null);
    public List<TopicGroup> Topics { get; private set; } = [];
    public string? TopicName { get; private set; }
    public int ItemsInBank { get; private set; }
    public bool HasCriteria => !string.IsNullOrWhiteSpace(Q) || TopicId is not null;
    public bool CanKeepPortfolio => db.School.PersonId > 0;
    public int Me => db.School.PersonId;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Topics = await db.TopicGroupsAsync(TopicId, ct);
        TopicName = Topics.SelectMany(g => g.Topics).Where(t => t.Id == TopicId).Select(t => t.Name).FirstOrDefault();
        ItemsInBank = await db.PortfolioItems.CountAsync(ct);
        Result = await db.SearchAsync(new PortfolioSearchQuery(Q, TopicId, PageNumber), ct);
        Response.Headers.Vary = "HX-Request";
        return Request.Headers.ContainsKey("HX-Request") ? Partial("_SearchResults", this) : Page();
    }

    public string Link(int page) =>
        "/Supervisor?" + string.Join('&', new[]
        {
            string.IsNullOrWhiteSpace(Q) ? null : "q=" + Uri.EscapeDataString(Q),
            TopicId is null ? null : "topicId=" + TopicId,
            page > 1 ? "p=" + page : null,
        }.Where(s => s is not null));
}
