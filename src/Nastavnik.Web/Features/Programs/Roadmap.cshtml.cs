using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Programs;

/// <summary>The roadmap of a program: stages → events (№, Мероприятие, Сроки, Ответственный, Статус, Результат). Changes post to RoadmapActions.</summary>
[Authorize(Policy = Policies.ProgramRead)]
public class RoadmapModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public Roadmap Roadmap { get; private set; } = null!;
    public DateOnly Today { get; } = clock.Today();
    public bool CanEdit => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Curator);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var roadmap = await Roadmap.LoadAsync(db, id, ct);
        if (roadmap is null) return NotFound();
        Roadmap = roadmap;
        return Page();
    }
}
