using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Plans;

/// <summary>Opens the plan of a pair's mentee (creating it on the first open) and goes to it.</summary>
[Authorize(Policy = Policies.ProgramRead)]
public class ForPairModel(PlanCommands plans) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int pairId, CancellationToken ct)
    {
        var result = await plans.OpenForPairAsync(pairId, ct);
        return result.Error is null ? Redirect($"/Plans/{result.Value}#pair-{pairId}") : NotFound();
    }
}
