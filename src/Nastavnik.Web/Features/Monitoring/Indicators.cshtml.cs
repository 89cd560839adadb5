using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Monitoring;

/// <summary>All indicators of a program on a day: value, this year's target, status; and the next year's copy of a completed program.</summary>
[Authorize(Policy = Policies.ProgramWrite)]
public class IndicatorsModel(ProgramIndicators indicators, NextYearCommands nextYear, TimeProvider clock) : PageModel
{
    public ProgramIndicatorReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int programId, DateOnly? asOf, CancellationToken ct)
    {
        var report = await indicators.ComputeAsync(programId, asOf ?? Data.Clock.Today(clock), ct);
        if (report is null) return NotFound();
        Report = report;
        return Page();
    }

    /// <summary>«Создать программу на следующий год» (the button on a completed program's page).</summary>
    public async Task<IActionResult> OnPostNextYearAsync(int programId, CancellationToken ct)
    {
        var result = await nextYear.CopyForNextYearAsync(programId, ct);
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { } error)
        {
            TempData["Error"] = error.FullText;
            return Redirect($"/Monitoring/{programId}/Indicators");
        }
        TempData["Flash"] = $"Создан черновик «{result.Value!.Name}»: показатели с целями, дорожная карта и опросы перенесены. Проверьте даты и активируйте программу.";
        return Redirect($"/Programs?id={result.Value.Id}");
    }
}
