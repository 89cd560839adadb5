using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Notifications;

/// <summary>Which kinds of notifications come by e-mail too (the bell shows all of them).</summary>
public class SettingsModel(NotificationCommands notifications) : PageModel
{
    public EmailSettings Settings { get; private set; } = new([], false, false, false);
    [BindProperty] public List<string> EmailOn { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Settings = await notifications.SettingsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await notifications.SaveSettingsAsync(EmailOn, ct);
        if (result.Error is { } error)
        {
            error.AddTo(ModelState);
            Settings = await notifications.SettingsAsync(ct);
            return Page();
        }
        TempData["Flash"] = "Настройки писем сохранены.";
        return RedirectToPage();
    }
}
