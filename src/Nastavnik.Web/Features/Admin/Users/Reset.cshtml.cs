using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Admin.Users;

/// <summary>
/// Resetting a password asks first (a page of its own, so it needs no script): it signs the user out everywhere and their
/// old password stops working. The confirmed post calls <see cref="AccountCommands.ResetPasswordAsync"/> and shows the new one once.
/// </summary>
[Authorize(Policy = Policies.UsersManage)]
public class ResetModel(AppDbContext db, AccountCommands accounts) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    public string UserName { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public bool IsSelf { get; private set; }
    public string? NewPassword { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var result = await accounts.ResetPasswordAsync(db.School.SchoolId!.Value, Id, ct);
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { } error) error.AddTo(ModelState);
        else NewPassword = result.Value!.Password;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var schoolId = db.School.SchoolId;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == Id && u.SchoolId == schoolId)
            .Select(u => new { u.UserName, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (user is null) return false;
        (UserName, DisplayName) = (user.UserName!, user.DisplayName);
        IsSelf = string.Equals(User.Identity?.Name, UserName, StringComparison.OrdinalIgnoreCase);
        return true;
    }
}
