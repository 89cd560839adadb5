using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Admin.Users;

[Authorize(Policy = Policies.UsersManage)]
public class IndexModel(AppDbContext db, AccountCommands accounts, TimeProvider clock) : PageModel
{
    public sealed record UserRow(string Id, string UserName, string DisplayName, int? PersonId, string Roles, bool LockedOut);

    public List<UserRow> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct)
    {
        var result = await accounts.UnlockAsync(db.School.SchoolId!.Value, id, ct);
        if (!result.Ok) return NotFound();
        TempData["Flash"] = $"Учётная запись {result.Value!.UserName} разблокирована.";
        return RedirectToPage();
    }

    private async Task Load(CancellationToken ct)
    {
        var schoolId = db.School.SchoolId;
        var list = await db.Users.AsNoTracking().Where(u => u.SchoolId == schoolId).OrderBy(u => NameOrder.Key(u.DisplayName)).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        Users = list.Select(u => new UserRow(u.Id, u.UserName!, u.DisplayName, u.PersonId,
            string.Join(", ", roles.Where(r => r.UserId == u.Id).Select(r => Roles.Title(r.Name!))), u.LockoutEnd > now)).ToList();
    }
}
