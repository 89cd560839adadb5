using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Pairs;

/// <summary>The curator's board (issue 12, item 10): pairs by status, the stalled pairs and why, mentoring hours by month.</summary>
[Authorize(Policy = Policies.ProgramWrite)]
public class BoardModel(AppDbContext db, TimeProvider clock, ViewerCache cache) : PageModel
{
    public Board? Board { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? program, CancellationToken ct)
    {
        Board = await cache.GetAsync(db, "board", program, () => BoardQuery.LoadAsync(db, program, clock.UtcTime(), clock.Today(), ct), ct);
        return program is not null && Board is null ? NotFound() : Page();
    }

    public static string StatusName(PairStatus s) => s switch
    {
        PairStatus.Approved => "утверждены, ещё не начали",
        PairStatus.Active => "работают",
        PairStatus.Completed => "завершили работу",
        _ => "завершены досрочно",
    };
}
