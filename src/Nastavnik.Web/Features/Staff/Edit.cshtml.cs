using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Staff;

[Authorize(Policy = Policies.StaffWrite)]
public class EditModel(AppDbContext db) : PageModel
{
    [BindProperty] public StaffInput Input { get; set; } = new();
    /// <summary>The version the user started editing; a newer one in the database means someone else saved meanwhile.</summary>
    [BindProperty] public int Version { get; set; }
    public int? Id { get; private set; }
    public List<string> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        Departments = await db.DepartmentsAsync(ct);
        if (id is null) return Page();
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return NotFound();
        Input = StaffInput.From(person);
        Version = person.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        Departments = await db.DepartmentsAsync(ct);
        Person? person = null;
        if (id is not null)
        {
            person = await db.People.FirstOrDefaultAsync(p => p.Id == id, ct);
            if (person is null) return NotFound();
        }
        if (!ModelState.IsValid) return Page();

        if (person is null)
        {
            person = new Person { LastName = "", FirstName = "" };
            db.People.Add(person);
        }
        else
        {
            db.Entry(person).Property(p => p.Version).OriginalValue = Version;
        }
        Input.ApplyTo(person, User.Identity!.Name!);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Пока вы редактировали карточку, её изменил другой пользователь. Ваши изменения не сохранены: откройте карточку заново, проверьте данные и внесите правки ещё раз.");
            return Page();
        }
        TempData["Flash"] = id is null ? $"Педагог {person.FullName} добавлен." : "Изменения сохранены.";
        return RedirectToPage("/Staff/Details", new { id = person.Id });
    }
}
