using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Plans;

/// <summary>The pair's quarterly self-report: the current quarter's form (either side of the pair writes it) and the earlier reports.</summary>
[Authorize(Policy = Policies.ProgramRead)]
public class ReportModel(AppDbContext db, PlanCommands plans) : PageModel
{
    [BindProperty] public PairReportInput Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public string Pair { get; private set; } = "";
    public (int Year, int Quarter) Quarter { get; private set; }
    public List<PairReport> Reports { get; private set; } = [];
    public PairReport? Current => Reports.FirstOrDefault(r => (r.Year, r.Quarter) == Quarter);
    public bool Stale { get; private set; }

    public async Task<IActionResult> OnGetAsync(int pairId, CancellationToken ct)
    {
        if (!await LoadAsync(pairId, ct)) return NotFound();
        if (Current is { } r)
        {
            Input = new PairReportInput { Done = r.Done, Changed = r.Changed };
            Version = r.Version;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int pairId, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await plans.SaveReportAsync(pairId, Input, Version, ct);
            if (result.Error is null)
            {
                TempData["Flash"] = "Отчёт сохранён.";
                return RedirectToPage(new { pairId });
            }
            if (result.Error.Kind == ErrorKind.NotFound) return NotFound();
            result.Error.AddTo(ModelState);
            Stale = result.Error.Kind == ErrorKind.Stale;
        }
        if (!await LoadAsync(pairId, ct)) return NotFound();
        if (Stale)
        {
            ModelState.Remove(nameof(Version));
            Version = Current?.Version ?? 0;
        }
        return Page();
    }

    private async Task<bool> LoadAsync(int pairId, CancellationToken ct)
    {
        var pair = await db.MentoringPairs.AsNoTracking().Where(p => p.Id == pairId)
            .Select(p => new { p.Mentor!.LastName, p.Mentor.FirstName, p.Mentor.MiddleName, MLast = p.Mentee!.LastName, MFirst = p.Mentee.FirstName, MMiddle = p.Mentee.MiddleName })
            .FirstOrDefaultAsync(ct);
        if (pair is null) return false;
        Pair = $"Наставник {PersonName.Full(pair.LastName, pair.FirstName, pair.MiddleName)} · наставляемый {PersonName.Full(pair.MLast, pair.MFirst, pair.MMiddle)}";
        Quarter = plans.CurrentQuarter();
        Reports = await db.PairReports.AsNoTracking().Where(r => r.PairId == pairId).OrderByDescending(r => r.Year).ThenByDescending(r => r.Quarter).ToListAsync(ct);
        return true;
    }
}
