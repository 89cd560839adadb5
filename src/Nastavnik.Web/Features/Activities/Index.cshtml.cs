using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Activities;

/// <summary>
/// «Совместные мероприятия»: the caller's (a teacher's own, a manager's the program's — the privacy filter decides), or one pair's
/// with <c>?pair=</c>.
/// </summary>
[Authorize(Policy = Policies.ProgramRead)]
public class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(int Id, ActivityKind Kind, DateOnly Date, string Title, int People);

    public List<Row> Rows { get; private set; } = [];
    public int? Pair { get; private set; }
    /// <summary>A curator or an administrator: the link to the school's observation cards.</summary>
    public bool CanEditCards => User.IsInRole(Roles.Curator) || User.IsInRole(Roles.Administrator);

    public async Task OnGetAsync(int? pair, CancellationToken ct)
    {
        Pair = pair;
        var q = db.JointActivities.AsQueryable();
        if (pair is { } id) q = q.Where(a => a.PairId == id);
        Rows = await q.OrderByDescending(a => a.Date).ThenByDescending(a => a.Id).Take(500)
            .Select(a => new Row(a.Id, a.Kind, a.Date, a.Title, db.ActivityParticipants.Count(p => p.ActivityId == a.Id))).ToListAsync(ct);
    }
}
