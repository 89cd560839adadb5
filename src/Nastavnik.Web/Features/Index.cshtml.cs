using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features;

[Authorize]
public class IndexModel(AppDbContext db, TimeProvider clock, ViewerCache cache) : PageModel
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
    /// <summary>The registered orders that concern this person: to acknowledge, then those acknowledged lately.</summary>
    public List<Documents.MyOrder> Orders { get; private set; } = [];

    /// <summary>What the home page shows, computed once per viewer until the school's data changes (<see cref="ViewerCache"/>).</summary>
    private sealed record HomeData(MyCard? Me, HomeMine? Mine, HomeCabinet? Cabinet, HomeSupport? Support, HomeCycle? Cycle, SchoolSummary? School,
        List<Documents.MyOrder> Orders);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Manager = User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Curator);
        Psychologist = !Manager && User.IsInRole(Roles.Psychologist);
        var home = await cache.GetAsync(db, "home", null, LoadAsync, ct);
        (Me, Mine, Cabinet, Support, Cycle, School, Orders) = (home.Me, home.Mine, home.Cabinet, home.Support, home.Cycle, home.School, home.Orders);
    }

    private async Task<HomeData> LoadAsync()
    {
        MyCard? me = null;
        if (int.TryParse(User.FindFirstValue(CurrentSchool.PersonClaimType), out var personId))
            me = await db.People.Where(p => p.Id == personId)
                .Select(p => new MyCard(p.Id, p.LastName, p.FirstName, p.MiddleName, p.Position, p.Department, p.Consent))
                .FirstOrDefaultAsync();
        var mine = me is null ? null : await HomeMine.LoadAsync(db, me.Id, Today);
        var cabinet = me is null ? null : await HomeCabinet.LoadAsync(db, me.Id, clock.UtcTime());
        var support = Psychologist ? await HomeSupport.LoadAsync(db) : null;
        var orders = me is null ? [] : await Documents.AcknowledgementCommands.MineAsync(db, me.Id);
        if (!Manager) return new HomeData(me, mine, cabinet, support, null, null, orders);

        var cycle = await HomeCycle.LoadAsync(db, Today);
        var schoolId = db.School.SchoolId;
        var name = await db.Organizations.Where(o => o.Id == schoolId).Select(o => o.Name).FirstAsync();
        var people = await db.People.GroupBy(p => 1).Select(g => new
        {
            Active = g.Count(p => !p.IsArchived),
            Archived = g.Count(p => p.IsArchived),
            Consent = g.Count(p => !p.IsArchived && p.Consent == ConsentStatus.Given),
        }).FirstOrDefaultAsync();
        var departments = await db.People.Where(p => !p.IsArchived && p.Department != null).Select(p => p.Department).Distinct().CountAsync();
        var school = new SchoolSummary(name, people?.Active ?? 0, people?.Archived ?? 0, people?.Consent ?? 0, (people?.Active ?? 0) - (people?.Consent ?? 0), departments,
            await db.Topics.CountAsync(t => !t.IsRetired), await db.Directions.CountAsync(d => !d.IsRetired),
            await db.Users.CountAsync(u => u.SchoolId == schoolId));
        return new HomeData(me, mine, cabinet, support, cycle, school, orders);
    }
}
