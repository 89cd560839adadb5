using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Announcements;

/// <summary>«Объявления»: the school's announcements with how many have read each (curators, administrators), or one's own.</summary>
[Authorize(Policy = Policies.ProgramRead)]
public class IndexModel(AppDbContext db) : PageModel
{
    public bool Manager => db.School.IsSchoolManager;
    public List<AnnouncementQueries.Item> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await AnnouncementQueries.ListAsync(db, Manager, db.School.UserId, ct);
}
