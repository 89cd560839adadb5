using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Admin.Users;

[Authorize(Policy = Policies.UsersManage)]
public class IndexModel(AppDbContext db, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    public sealed record UserRow(string Id, string UserName, string DisplayName, int? PersonId, string Roles, bool LockedOut);

    public List<UserRow> Users { get; private set; } = [];
    public string? NewPassword { get; private set; }
    public string? NewPasswordFor { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostResetAsync(string id, CancellationToken ct)
    {
        var user = await SchoolUser(id, ct);
        if (user is null) return NotFound();
        var password = TemporaryPassword();
        await users.RemovePasswordAsync(user);
        var result = await users.AddPasswordAsync(user, password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        user.MustChangePassword = true;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);
        (NewPassword, NewPasswordFor) = (password, user.UserName);
        await Load(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct)
    {
        var user = await SchoolUser(id, ct);
        if (user is null) return NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["Flash"] = $"Учётная запись {user.UserName} разблокирована.";
        return RedirectToPage();
    }

    // Accounts are not behind the tenant query filter (sign-in looks them up across schools), so this page keeps to its school here.
    private Task<AppUser?> SchoolUser(string id, CancellationToken ct) =>
        db.Users.FirstOrDefaultAsync(u => u.Id == id && u.SchoolId == db.School.SchoolId, ct);

    public static string TemporaryPassword()
    {
        const string letters = "abcdefghjkmnpqrstuvwxyz";
        var chars = Enumerable.Range(0, 8).Select(i => i % 4 == 3 ? (char)('2' + RandomNumberGenerator.GetInt32(8)) : letters[RandomNumberGenerator.GetInt32(letters.Length)]);
        return new string(chars.ToArray());
    }

    private async Task Load(CancellationToken ct)
    {
        var schoolId = db.School.SchoolId;
        var list = await db.Users.AsNoTracking().Where(u => u.SchoolId == schoolId).OrderBy(u => u.DisplayName).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        Users = list.Select(u => new UserRow(u.Id, u.UserName!, u.DisplayName, u.PersonId,
            string.Join(", ", roles.Where(r => r.UserId == u.Id).Select(r => Roles.Title(r.Name!))), u.LockoutEnd > now)).ToList();
    }
}
