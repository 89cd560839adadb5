using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Consultations;

/// <summary>
/// «Консультации»: a teacher's own (asked and asked of them); a manager sees the school's. <c>?month=yyyy-MM</c> lists those held in
/// that month (the curator's board links here).
/// </summary>
[Authorize(Policy = Policies.ProgramRead)]
public class IndexModel(AppDbContext db) : PageModel
{
    public List<ConsultationRow> Rows { get; private set; } = [];
    public int Me { get; private set; }
    public DateOnly? Month { get; private set; }

    public async Task OnGetAsync(string? month, CancellationToken ct)
    {
        Me = db.School.PersonId;
        var source = db.Consultations.AsQueryable();
        if (DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            Month = from;
            var to = from.AddMonths(1);
            source = source.Where(c => c.Status == ConsultationStatus.Held && c.HeldOn >= from && c.HeldOn < to);
        }
        Rows = await ConsultationQueries.Rows(source).Take(500).ToListAsync(ct);
    }
}
