using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features;

[Authorize]
public class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record SchoolSummary(string SchoolName, int Active, int Archived, int WithConsent, int WithoutConsent, int Departments, int Topics, int Directions, int Accounts);
    public sealed record MyCard(int Id, string LastName, string FirstName, string? MiddleName, string? Position, string? Department, ConsentStatus Consent)
    {
        public string FullName => Nastavnik.Web.Text.PersonName.Full(LastName, FirstName, MiddleName);
    }

    public SchoolSummary? School { get; private set; }
    public MyCard? Me { get; private set; }
    public HomeCycle? Cycle { get; private set; }
    public bool Manager { get; private set; }
    public DateOnly Today { get; } = clock.Today();

    /// <summary>The side of anyone with a staff card, managers included: their round, answers and pairs.</summary>
    public HomeMine? Mine { get; private set; }
    /// <summary>The teacher's cabinet: next meetings, tasks due, what waits for their answer.</summary>
    public HomeCabinet? Cabinet { get; private set; }
    /// <summary>The psychologist's side: the program's figures and the mentees left without a pair.</summary>
    public HomeSupport? Support { get; private set; }
    public bool Psychologist { get; private set; }

    public async Task OnGetAsync()
    {
        if (int.TryParse(User.FindFirstValue(CurrentSchool.PersonClaimType), out var personId))
            Me = await db.People.Where(p => p.Id == personId)
                .Select(p => new MyCard(p.Id, p.LastName, p.FirstName, p.MiddleName, p.Position, p.Department, p.Consent))
                .FirstOrDefaultAsync();

        if (Me is not null)
        {
            Mine = await HomeMine.LoadAsync(db, Me.Id, Today);
            Cabinet = await HomeCabinet.LoadAsync(db, Me.Id, clock.UtcTime());
        }
        Manager = User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Curator);
        Psychologist = !Manager && User.IsInRole(Roles.Psychologist);
        if (Psychologist) Support = await HomeSupport.LoadAsync(db);
        if (!Manager) return;
        Cycle = await HomeCycle.LoadAsync(db, Today);
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
