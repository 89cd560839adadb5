using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Monitoring;

/// <summary>The dashboard on A4 for the school's pedagogical council: the indicators against targets, the trends, SWOT and the year compared.</summary>
[Authorize(Policy = Policies.ProgramWrite)]
public class PrintModel(AppDbContext db, ProgramIndicators indicators, TimeProvider clock, ViewerCache cache) : PageModel
{
    public Dashboard Data { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int programId, CancellationToken ct)
    {
        var data = await cache.GetAsync(db, "monitoring", programId, () => DashboardQuery.LoadAsync(db, indicators, programId, clock.Today(), ct), ct);
        if (data is null) return NotFound();
        Data = data;
        return Page();
    }
}
