using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features;

[Authorize]
public class IndexModel(AppDbContext db) : PageModel
{
    public sealed record SchoolSummary(string SchoolName, int Active, int Archived, int WithConsent, int WithoutConsent, int Departments, int Topics, int Directions, int Accounts);
    public sealed record MyCard(int Id, string LastName, string FirstName, string? MiddleName, string? Position, string? Department, ConsentStatus Consent)
    {
        public string FullName => Nastavnik.Web.Features.Shared.PersonName.Full(LastName, FirstName, MiddleName);
    }

    public SchoolSummary? School { get; private set; }
    public MyCard? Me { get; private set; }

    public async Task OnGetAsync()
    {
        if (int.TryParse(User.FindFirstValue(CurrentSchool.PersonClaimType), out var personId))
            Me = await db.People.Where(p => p.Id == personId)
                .Select(p => new MyCard(p.Id, p.LastName, p.FirstName, p.MiddleName, p.Position, p.Department, p.Consent))
                .FirstOrDefaultAsync();

        if (!(User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Curator) || User.IsInRole(Roles.Psychologist))) return;
        var schoolId = db.School.SchoolId;
        var name = await db.Organizations.Where(o => o.Id == schoolId).Select(o => o.Name).FirstAsync();
        var people = await db.People.GroupBy(p => 1).Select(g => new
        {
            Active = g.Count(p => !p.IsArchived),
            Archived = g.Count(p => p.IsArchived),
            Consent = g.Count(p => !p.IsArchived && p.Consent == ConsentStatus.Given),
        }).FirstOrDefaultAsync();
        var departments = await db.People.Where(p => !p.IsArchived && p.Department != null).Select(p => p.Department).Distinct().CountAsync();
        School = new SchoolSummary(name, people?.Active ?? 0, people?.Archived ?? 0, people?.Consent ?? 0, (people?.Active ?? 0) - (people?.Consent ?? 0), departments,
            await db.Topics.CountAsync(t => !t.IsRetired), await db.Directions.CountAsync(d => !d.IsRetired),
            await db.Users.CountAsync(u => u.SchoolId == schoolId));
    }
}
