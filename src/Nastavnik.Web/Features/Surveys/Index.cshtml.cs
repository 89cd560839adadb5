using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Surveys;

/// <summary>«Опросы»: the school's surveys with their response rates (curators, administrators), or the surveys sent to a teacher.</summary>
[Authorize(Policy = Policies.ProgramRead)]
public class IndexModel(AppDbContext db) : PageModel
{
    public bool Manager => db.School.IsSchoolManager;
    public DateOnly Today { get; private set; }
    public List<SurveyQueries.Row> Surveys { get; private set; } = [];
    public SurveyQueries.PulseSummary? Pulses { get; private set; }
    public List<SurveyQueries.PulseRow> LatestPulses { get; private set; } = [];
    public List<SurveyQueries.Mine> Mine { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = db.Clock.Today();
        if (Manager)
        {
            Surveys = await SurveyQueries.ManagerListAsync(db, ct);
            Pulses = await SurveyQueries.PulsesAsync(db, ct);
            if (Pulses.Sent > 0) LatestPulses = await SurveyQueries.LatestPulsesAsync(db, ct);
        }
        else Mine = await SurveyQueries.MineAsync(db, db.School.PersonId, ct);
    }
}
