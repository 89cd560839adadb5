using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Monitoring;

/// <summary>
/// The monitoring dashboard of a program (issue 13, item 4), for the managers preparing the pedagogical council: indicators against
/// targets, monthly trends, supply against demand, the year compared with the last, and the mentoring network (names pairs: managers only).
/// </summary>
[Authorize(Policy = Policies.ProgramWrite)]
public class DashboardModel(AppDbContext db, ProgramIndicators indicators, TimeProvider clock, ViewerCache cache) : PageModel
{
    /// <summary>Rows of the network's text table shown on the page; the whole list of pairs is on /Pairs.</summary>
    public const int NetworkRowsShown = 300;

    public IReadOnlyList<ProgramOption> Programs { get; private set; } = [];
    public Dashboard? Data { get; private set; }
    public Network? Network { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? programId, CancellationToken ct)
    {
        Programs = await cache.GetAsync(db, "monitoring-programs", null, () => DashboardQuery.ProgramsAsync(db, ct), ct);
        var pid = programId ?? (await db.CurrentProgramAsync(ct))?.Id;
        if (pid is not { } id) return Page();
        (Data, Network) = await LoadAsync(db, indicators, clock, cache, id, ct);
        return Data is null ? NotFound() : Page();
    }

    /// <summary>/Monitoring?handler=Swot (the menu's «SWOT-анализ»): the SWOT analysis of the current program.</summary>
    public async Task<IActionResult> OnGetSwotAsync(CancellationToken ct) =>
        (await db.CurrentProgramAsync(ct))?.Id is { } id ? Redirect($"/Monitoring/{id}/Swot") : Redirect("/Monitoring");

    /// <summary>The dashboard and the network of a program, computed once per viewer until the school's data changes.</summary>
    public static async Task<(Dashboard?, Network?)> LoadAsync(AppDbContext db, ProgramIndicators indicators, TimeProvider clock, ViewerCache cache,
        int programId, CancellationToken ct)
    {
        var data = await cache.GetAsync(db, "monitoring", programId, () => DashboardQuery.LoadAsync(db, indicators, programId, clock.Today(), ct), ct);
        if (data is null) return (null, null);
        var network = await cache.GetAsync(db, "monitoring-network", programId, () => NetworkQuery.LoadAsync(db, programId, ct), ct);
        return (data, network);
    }
}
