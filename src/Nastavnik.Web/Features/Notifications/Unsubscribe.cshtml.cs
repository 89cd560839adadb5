using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Nastavnik.Web.Features.Notifications;

/// <summary>
/// A letter's unsubscribe link, without signing in: the page asks to confirm (a link scanner that opens it changes nothing), and its
/// button turns the kind off. A mail program's one-click POST (RFC 8058) goes to <c>/unsubscribe</c> (NotificationsApi).
/// </summary>
[AllowAnonymous]
public class UnsubscribeModel(NotificationCommands notifications) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")] public string? Token { get; set; }
    public string? What { get; private set; }
    public string? Done { get; private set; }
    public string? Problem { get; private set; }

    public void OnGet()
    {
        What = notifications.Preview(Token);
        if (What is null) Problem = "Ссылка для отписки повреждена. Войдите в систему и откройте «Настроить письма» на странице уведомлений.";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await notifications.UnsubscribeAsync(Token, ct);
        if (result.Error is { } error)
        {
            Problem = error.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Done = result.Value;
        return Page();
    }
}
