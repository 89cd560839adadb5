using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Staff;

[Authorize(Policy = Policies.StaffWrite)]
public class EditModel(AppDbContext db, StaffCommands staff) : PageModel
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
        // The form again with the messages, but a card that is not there (or is another school's) is 404 as on opening it.
        if (!ModelState.IsValid) return id is null || await db.People.AnyAsync(p => p.Id == id, ct) ? await FormAsync(id, ct) : NotFound();
        var result = id is null ? await staff.CreateAsync(Input, ct) : await staff.UpdateAsync(id.Value, Input, Version, ct);
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { } error)
        {
            error.AddTo(ModelState);
            return await FormAsync(id, ct);
        }
        TempData["Flash"] = id is null ? $"Педагог {result.Value!.FullName} добавлен." : "Изменения сохранены.";
        return RedirectToPage("/Staff/Details", new { id = result.Value!.Id });
    }

    /// <summary>The form again with the user's input and the messages.</summary>
    private async Task<IActionResult> FormAsync(int? id, CancellationToken ct)
    {
        Id = id;
        Departments = await db.DepartmentsAsync(ct);
        return Page();
    }
}
