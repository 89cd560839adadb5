using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Text;

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

    /// <summary>The teacher's side: the open round and their own answers (their needs pass the privacy filter as their own).</summary>
    public sealed record MyDiagnostics(string RoundTitle, bool Open, DateOnly Deadline, DateTime? SubmittedAt, List<(string Topic, int Level)> Offers, List<(string Topic, int Priority)> Needs,
        ChoiceStage? ChoiceStage, List<MyPair> AsMentor, List<MyPair> AsMentee);
    /// <summary>An approved pair of the program seen by one of its members: the other person, the topic, and (for the mentor) the mentee's need.</summary>
    public sealed record MyPair(string Other, string Topic, int? Priority, string? Comment);
    public MyDiagnostics? Mine { get; private set; }

    public async Task OnGetAsync()
    {
        if (int.TryParse(User.FindFirstValue(CurrentSchool.PersonClaimType), out var personId))
            Me = await db.People.Where(p => p.Id == personId)
                .Select(p => new MyCard(p.Id, p.LastName, p.FirstName, p.MiddleName, p.Position, p.Department, p.Consent))
                .FirstOrDefaultAsync();

        if (Me is not null) Mine = await LoadMineAsync(Me.Id);
        Manager = User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Curator);
        if (!(Manager || User.IsInRole(Roles.Psychologist))) return;
        if (Manager) Cycle = await HomeCycle.LoadAsync(db, Today);
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

    private async Task<MyDiagnostics?> LoadMineAsync(int personId)
    {
        var program = await db.CurrentProgramAsync();
        if (program is null) return null;
        var round = await db.LatestRoundAsync(program.Id);
        if (round is null) return null;
        var submitted = await db.RoundResponses.Where(r => r.RoundId == round.Id && r.PersonId == personId).Select(r => r.SubmittedAt).FirstOrDefaultAsync();
        var offers = await db.Offers.Where(o => o.RoundId == round.Id && o.PersonId == personId).OrderByDescending(o => o.Level)
            .Select(o => new { o.Topic!.Name, o.Level }).ToListAsync();
        var needs = await db.Needs.Where(n => n.RoundId == round.Id && n.PersonId == personId).OrderByDescending(n => n.Priority)
            .Select(n => new { n.Topic!.Name, n.Priority }).ToListAsync();
        var choice = await db.ChoiceStages.AsNoTracking().FirstOrDefaultAsync(s => s.RoundId == round.Id);
        // The mentee's need of a pair passes the privacy filter for their mentor (AppDbContext), and only for them.
        var asMentor = await db.MentoringPairs.Where(p => p.ProgramId == program.Id && p.MentorId == personId)
            .Select(p => new
            {
                p.Mentee!.LastName, p.Mentee.FirstName, p.Mentee.MiddleName, Topic = p.Topic!.Name,
                Need = db.Needs.Where(n => n.RoundId == round.Id && n.PersonId == p.MenteeId && n.TopicId == p.TopicId)
                    .Select(n => new { n.Priority, n.Comment }).FirstOrDefault(),
            })
            .ToListAsync();
        var asMentee = await db.MentoringPairs.Where(p => p.ProgramId == program.Id && p.MenteeId == personId)
            .Select(p => new { p.Mentor!.LastName, p.Mentor.FirstName, p.Mentor.MiddleName, Topic = p.Topic!.Name }).ToListAsync();
        var order = StringComparer.Create(RussianText.Culture, ignoreCase: true);
        return new MyDiagnostics(round.Title, round.IsOpen, round.Deadline, submitted,
            offers.Select(o => (o.Name, o.Level)).ToList(), needs.Select(n => (n.Name, n.Priority)).ToList(), choice,
            asMentor.Select(p => new MyPair(PersonName.Full(p.LastName, p.FirstName, p.MiddleName), p.Topic, p.Need?.Priority, p.Need?.Comment))
                .OrderBy(p => p.Other, order).ThenBy(p => p.Topic, order).ToList(),
            asMentee.Select(p => new MyPair(PersonName.Full(p.LastName, p.FirstName, p.MiddleName), p.Topic, null, null))
                .OrderBy(p => p.Topic, order).ToList());
    }
}
