using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Meetings;

/// <summary>«Календарь»: the person's private feed URL of their meetings, created or renewed here (renewing ends the old URL).</summary>
[Authorize(Policy = Policies.OwnProfile)]
public class CalendarModel(AppDbContext db, MeetingCommands commands) : PageModel
{
    public string? FeedUrl { get; private set; }
    public DateTime? CreatedAt { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(ct);
        FeedUrl = feed is null ? null : FeedAddress(Request, feed.Token);
        CreatedAt = feed?.CreatedAt;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await commands.RenewFeedAsync(ct);
        TempData[result.Ok ? "Flash" : "Error"] = result.Error?.Message ?? "Новая ссылка на календарь создана. Прежняя ссылка больше не работает.";
        return RedirectToPage();
    }

    public static string FeedAddress(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}/calendar/{token}.ics";
}
