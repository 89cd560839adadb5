using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Announcements;

/// <summary>One announcement: its text for a recipient (opening it marks it read), and who has read it for curators and administrators.</summary>
[Authorize(Policy = Policies.ProgramRead)]
public class DetailsModel(AnnouncementCommands commands) : PageModel
{
    public AnnouncementQueries.Details Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await commands.OpenAsync(id, ct);
        if (result.Error is not null) return NotFound();
        Item = result.Value!;
        return Page();
    }
}
