using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Staff;

[Authorize(Policy = Policies.StaffRead)]
public class DetailsModel(AppDbContext db, StaffCommands staff, IAuthorizationService auth) : PageModel
{
    public Person Person { get; private set; } = null!;
    public List<AuditEntry> History { get; private set; } = [];
    public List<string> Accounts { get; private set; } = [];
    /// <summary>Names of the people behind the logins of the history and the consent mark.</summary>
    public AuthorNames Authors { get; private set; } = null!;
    public bool CanEdit => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Curator);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return NotFound();
        Person = person;
        History = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Data.Person) && a.EntityId == id)
            .OrderByDescending(a => a.Id).Take(20).ToListAsync(ct);
        Authors = await AuthorNames.LoadAsync(db, person.SchoolId, History.Select(h => h.UserName).Append(person.ConsentRecordedBy), ct);
        Accounts = await db.Users.Where(u => u.PersonId == id && u.SchoolId == person.SchoolId).Select(u => u.UserName!).ToListAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostArchiveAsync(int id, CancellationToken ct) => SetArchived(id, true, "Педагог перенесён в архив.", ct);

    public Task<IActionResult> OnPostRestoreAsync(int id, CancellationToken ct) => SetArchived(id, false, "Педагог возвращён из архива.", ct);

    private async Task<IActionResult> SetArchived(int id, bool archived, string message, CancellationToken ct)
    {
        // Reading the card needs staff.read; changing it needs staff.write.
        if (!(await auth.AuthorizeAsync(User, Policies.StaffWrite)).Succeeded) return Forbid();
        var result = await staff.SetArchivedAsync(id, archived, ct);
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { } error)
        {
            TempData["Error"] = error.FullText;
            return RedirectToPage(new { id });
        }
        TempData["Flash"] = message;
        return RedirectToPage(new { id });
    }
}
