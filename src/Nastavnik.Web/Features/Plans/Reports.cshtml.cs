using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Plans;

/// <summary>The curator's list of the pairs' quarterly reports, by quarter (the current one by default).</summary>
[Authorize(Policy = Policies.ProgramWrite)]
public class ReportsModel(AppDbContext db, PlanCommands plans) : PageModel
{
    public sealed record Row(int PairId, string Mentor, string Mentee, int TasksDone, int TasksTotal, string Done, string Changed, DateTime SubmittedAt);

    public (int Year, int Quarter) Quarter { get; private set; }
    public List<(int Year, int Quarter)> Quarters { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];

    /// <param name="q">The quarter as «2026-4».</param>
    public async Task OnGetAsync(string? q, CancellationToken ct)
    {
        Quarter = plans.CurrentQuarter();
        var parts = q?.Split('-');
        if (parts is [var y, var n] && int.TryParse(y, out var year) && int.TryParse(n, out var quarter) && quarter is >= 1 and <= 4) Quarter = (year, quarter);
        Quarters = (await db.PairReports.Select(r => new { r.Year, r.Quarter }).Distinct().ToListAsync(ct)).Select(r => (r.Year, r.Quarter))
            .Append(plans.CurrentQuarter()).Distinct().OrderDescending().ToList();
        var rows = await db.PairReports.AsNoTracking().Where(r => r.Year == Quarter.Year && r.Quarter == Quarter.Quarter)
            .Join(db.MentoringPairs, r => r.PairId, p => p.Id, (r, p) => new
            {
                r.PairId, ML = p.Mentor!.LastName, MF = p.Mentor.FirstName, MM = p.Mentor.MiddleName, EL = p.Mentee!.LastName, EF = p.Mentee.FirstName, EM = p.Mentee.MiddleName,
                r.TasksDone, r.TasksTotal, r.Done, r.Changed, r.SubmittedAt,
            }).ToListAsync(ct);
        Rows = rows.Select(r => new Row(r.PairId, PersonName.Full(r.ML, r.MF, r.MM), PersonName.Full(r.EL, r.EF, r.EM), r.TasksDone, r.TasksTotal, r.Done, r.Changed, r.SubmittedAt))
            .OrderBy(r => r.Mentor, StringComparer.Create(RussianText.Culture, true)).ToList();
    }
}
