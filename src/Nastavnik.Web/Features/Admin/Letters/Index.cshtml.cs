using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Features.Notifications;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Admin.Letters;

/// <summary>The school's outbox for the administrator: waiting, failing (with the server's error), sent; «Отправить снова».</summary>
[Authorize(Policy = Policies.UsersManage)]
public class IndexModel(OutboxCommands outbox) : PageModel
{
    [BindProperty(SupportsGet = true)] public OutboxCommands.Filter Show { get; set; } = OutboxCommands.Filter.Problems;
    public OutboxSummary Summary { get; private set; } = new(0, 0, 0, 0, false, []);

    public async Task OnGetAsync(CancellationToken ct) => Summary = await outbox.SummaryAsync(Show, ct);

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken ct)
    {
        var result = await outbox.RetryAsync(id, ct);
        TempData["Flash"] = result.Error is { } error ? error.Message : "Письмо снова в очереди: оно уйдёт в ближайшие секунды.";
        return RedirectToPage(new { Show });
    }
}
