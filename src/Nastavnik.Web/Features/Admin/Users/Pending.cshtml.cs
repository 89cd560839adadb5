using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Account;
using Nastavnik.Web.Features.Notifications;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Admin.Users;

/// <summary>«Ещё не вошли»: accounts without a password of their own, with a new code (and slip) or an invitation by e-mail, one or all.</summary>
[Authorize(Policy = Policies.UsersManage)]
public class PendingModel(AppDbContext db, InvitationCommands invitations, IOptions<PublicUrlOptions> publicUrl) : PageModel
{
    public List<NotSignedIn> Accounts { get; private set; } = [];
    public bool MailConfigured => invitations.MailConfigured;

    public async Task OnGetAsync(CancellationToken ct) => Accounts = await invitations.NotSignedInAsync(db.School.SchoolId!.Value, ct);

    public Task<IActionResult> OnPostInviteAsync(string id, CancellationToken ct) => InviteAsync([id], ct);

    public Task<IActionResult> OnPostInviteAllAsync(CancellationToken ct) => InviteAsync(null, ct);

    public async Task<IActionResult> OnPostCodeAsync(string id, CancellationToken ct)
    {
        var result = await invitations.IssueCodeAsync(db.School.SchoolId!.Value, id, User.Identity!.Name!, PublicAddress.For(Request, publicUrl.Value), ct);
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        return RedirectToPage("Slips", new { id = result.Value.SlipsId });
    }

    private async Task<IActionResult> InviteAsync(IReadOnlyList<string>? ids, CancellationToken ct)
    {
        var result = await invitations.InviteAsync(db.School.SchoolId!.Value, ids, User.Identity!.Name!, PublicAddress.For(Request, publicUrl.Value), ct);
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { } error)
        {
            error.AddTo(ModelState);
            await OnGetAsync(ct);
            return Page();
        }
        var r = result.Value!;
        TempData["Flash"] = $"Приглашений поставлено в очередь отправки: {r.Sent}."
            + (r.WithoutEmail.Count > 0 ? $" Без адреса электронной почты ({r.WithoutEmail.Count}): {string.Join(", ", r.WithoutEmail.Take(10))}{(r.WithoutEmail.Count > 10 ? "…" : "")} — им выдайте листки." : "");
        return RedirectToPage();
    }
}
