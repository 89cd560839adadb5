using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Monitoring;

/// <summary>
/// The climate of the program for the psychologist (issue 13, item 7; ADR-004): the survey scales measuring the climate and satisfaction,
/// aggregated by <see cref="AppDbContext.ClimateScalesAsync"/> (never a single answer or a text), and the mentees left without a pair as
/// the psychologist's home lists them (<see cref="HomeSupport"/>).
/// </summary>
[Authorize(Policy = Policies.Climate)]
public class ClimateModel(AppDbContext db, ViewerCache cache) : PageModel
{
    public sealed record ClimateData(int ProgramId, string ProgramName, IReadOnlyList<ClimateScale> Scales, HomeSupport? Support);

    public ClimateData? Data { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? program, CancellationToken ct)
    {
        Data = await cache.GetAsync(db, "climate", program, () => LoadAsync(program, ct), ct);
        return program is not null && Data is null ? NotFound() : Page();
    }

    private async Task<ClimateData?> LoadAsync(int? programId, CancellationToken ct)
    {
        var current = await db.CurrentProgramAsync(ct);
        var chosen = programId is { } id ? await db.Programs.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(ct)
            : current is null ? null : new { current.Id, current.Name };
        if (chosen is null) return null;
        var scales = await db.ClimateScalesAsync(chosen.Id, ct);
        // The mentees without a pair are of the current program, as on the psychologist's home: the same query, not a copy of it.
        var support = chosen.Id == current?.Id ? await HomeSupport.LoadAsync(db, ct) : null;
        return new ClimateData(chosen.Id, chosen.Name, scales, support);
    }
}
