using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Monitoring;

/// <summary>The mentoring network of a program as JSON for the dashboard's graph (nodes, edges mentor → mentee, directions). Managers only.</summary>
[Authorize(Policy = Policies.ProgramWrite)]
public class NetworkModel(AppDbContext db, ViewerCache cache) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int programId, CancellationToken ct)
    {
        var network = await cache.GetAsync(db, "monitoring-network", programId, () => NetworkQuery.LoadAsync(db, programId, ct), ct);
        return network is null ? NotFound() : new JsonResult(network);
    }
}
