using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Surveys;

/// <summary>A survey's results for the managers: the response rate, each question's aggregate with bars, a named survey's answers per person, the .xlsx.</summary>
[Authorize(Policy = Policies.SurveyResults)]
public class ResultsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public SurveyResultsReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var report = await SurveyResults.ForSurveyAsync(db, id, ct);
        if (report is null) return NotFound();
        Report = report;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(int id, CancellationToken ct)
    {
        var report = await SurveyResults.ForSurveyAsync(db, id, ct);
        if (report is null) return NotFound();
        return File(SurveyResultsExport.Write(report), XlsxWriter.ContentType, SurveyResultsExport.FileName(report.Survey, clock.Today()));
    }

    /// <summary>A bar's width on the page, in percent of the question's answers.</summary>
    public static string Width(decimal share) => (share * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
