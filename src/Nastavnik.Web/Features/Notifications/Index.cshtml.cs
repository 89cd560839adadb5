using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Notifications;

/// <summary>The person's notifications, newest first; opening one marks it read. Every signed-in role has this page.</summary>
public class IndexModel(NotificationCommands notifications) : PageModel
{
    public List<NotificationView> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int Unread { get; private set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public int Pages => Math.Max(1, (Total + NotificationCommands.PageSize - 1) / NotificationCommands.PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Total = await notifications.CountAsync(ct);
        Unread = await notifications.UnreadCountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Items = await notifications.ListAsync((PageNumber - 1) * NotificationCommands.PageSize, NotificationCommands.PageSize, ct);
    }

    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken ct)
    {
        var result = await notifications.MarkReadAsync(id, ct);
        if (result.Error is { } error) return StatusCode(error.StatusCode());
        return LocalRedirect(result.Value!);
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var n = await notifications.MarkAllReadAsync(ct);
        TempData["Flash"] = n == 0 ? "Непрочитанных уведомлений нет." : "Все уведомления отмечены прочитанными.";
        return RedirectToPage();
    }
}
