using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Schools;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Admin.School;

/// <summary>«Реквизиты школы»: what the school's orders and regulation print at the top and under the signature; its administrator edits them.</summary>
[Authorize(Policy = Policies.UsersManage)]
public class IndexModel(AppDbContext db, SchoolDetailsCommands commands) : PageModel
{
    public sealed record Option(int Id, string Name);

    [BindProperty] public SchoolDetailsInput Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public List<Option> Staff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var school = await commands.GetAsync(ct);
        if (school is null) return NotFound();
        Input = SchoolDetailsInput.From(school);
        Version = school.Version;
        await LoadStaffAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadStaffAsync(ct);
        if (!ModelState.IsValid) return Page();
        var result = await commands.SaveAsync(Input, Version, ct);
        if (result.Error is { } error)
        {
            if (error.Kind == ErrorKind.NotFound) return NotFound();
            error.AddTo(ModelState);
            return Page();
        }
        TempData["Flash"] = "Реквизиты школы сохранены: приказы и положение печатают их с этой минуты.";
        return RedirectToPage();
    }

    private async Task LoadStaffAsync(CancellationToken ct) =>
        Staff = (await db.People.AsNoTracking().Where(p => !p.IsArchived).OrderBy(p => NameOrder.Key(p.LastName)).ThenBy(p => NameOrder.Key(p.FirstName)).ThenBy(p => NameOrder.Key(p.MiddleName))
            .Select(p => new { p.Id, p.LastName, p.FirstName, p.MiddleName, p.Position }).ToListAsync(ct))
            .Select(p => new Option(p.Id, PersonName.Full(p.LastName, p.FirstName, p.MiddleName) + (p.Position is null ? "" : $" ({p.Position})"))).ToList();
}
