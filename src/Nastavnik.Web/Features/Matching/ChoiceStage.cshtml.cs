using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Matching;

/// <summary>
/// The curator's side of the choice stage: open it after the round table (with a deadline), see who has chosen mentors and which
/// mentors stated their capacity or declined topics, fill a teacher's choice from a paper form, close the stage.
/// </summary>
[Authorize(Policy = Policies.DiagnosticsManage)]
public class ChoiceStageModel(AppDbContext db, TimeProvider time, ChoiceStageCommands commands) : PageModel
{
    public sealed record MenteeRow(int PersonId, string FullName, string? Department, int Needs, int NeedsChosen);
    public sealed record MentorRow(int PersonId, string FullName, string? Department, int Topics, int? Capacity, List<string> Declined);

    public MentoringProgram? Program { get; private set; }
    public DiagnosticsRound? Round { get; private set; }
    public ChoiceStage? Stage { get; private set; }
    public List<MenteeRow> Mentees { get; private set; } = [];
    public List<MentorRow> Mentors { get; private set; } = [];
    public const int PageSize = 50;
    /// <summary>«mentors» shows the mentors' table; anything else the mentees'.</summary>
    [BindProperty(SupportsGet = true)] public string? View { get; set; }
    /// <summary>Mentees without any choice, or mentors who stated no capacity.</summary>
    [BindProperty(SupportsGet = true)] public bool Pending { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public bool MentorsView => View == "mentors";
    /// <summary>The rows of the shown table after the filters, before paging.</summary>
    public int Filtered { get; private set; }
    public int PageCount => Math.Max(1, (Filtered + PageSize - 1) / PageSize);
    public List<MenteeRow> MenteePage { get; private set; } = [];
    public List<MentorRow> MentorPage { get; private set; } = [];
    public DateOnly DefaultDeadline => DateOnly.FromDateTime(time.GetLocalNow().DateTime.AddDays(7));

    public async Task OnGetAsync(CancellationToken ct)
    {
        (Program, Round, Stage) = await ChoiceStageQueries.CurrentAsync(db, ct);
        if (Round is null) return;
        var participants = db.People.Where(p => !p.IsArchived && p.Consent == ConsentStatus.Given);
        var needs = await db.Needs.AsNoTracking().Where(n => n.RoundId == Round.Id && participants.Any(p => p.Id == n.PersonId))
            .GroupBy(n => n.PersonId).Select(g => new { PersonId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var chosen = await db.Choices.AsNoTracking().Where(c => c.RoundId == Round.Id)
            .Select(c => new { c.MenteeId, c.TopicId }).Distinct()
            .GroupBy(c => c.MenteeId).Select(g => new { PersonId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var offers = await db.Offers.AsNoTracking().Where(o => o.RoundId == Round.Id && participants.Any(p => p.Id == o.PersonId))
            .GroupBy(o => o.PersonId).Select(g => new { PersonId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var capacity = await db.MentorAvailabilities.AsNoTracking().Where(a => a.RoundId == Round.Id).ToDictionaryAsync(a => a.PersonId, a => a.Capacity, ct);
        var declined = (await db.DeclinedOffers.AsNoTracking().Where(d => d.RoundId == Round.Id)
                .Join(db.Topics, d => d.TopicId, t => t.Id, (d, t) => new { d.PersonId, t.Name }).ToListAsync(ct))
            .ToLookup(d => d.PersonId, d => d.Name);
        var ids = needs.Select(n => n.PersonId).Concat(offers.Select(o => o.PersonId)).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.LastName, p.FirstName, p.MiddleName, p.Department }).ToDictionaryAsync(p => p.Id, ct);
        var order = StringComparer.Create(RussianText.Culture, ignoreCase: true);
        string Name(int id) => PersonName.Full(people[id].LastName, people[id].FirstName, people[id].MiddleName);
        var chosenBy = chosen.ToDictionary(c => c.PersonId, c => c.Count);
        Mentees = needs.Select(n => new MenteeRow(n.PersonId, Name(n.PersonId), people[n.PersonId].Department, n.Count, chosenBy.GetValueOrDefault(n.PersonId)))
            .OrderBy(m => m.FullName, order).ToList();
        Mentors = offers.Select(o => new MentorRow(o.PersonId, Name(o.PersonId), people[o.PersonId].Department, o.Count,
                capacity.TryGetValue(o.PersonId, out var c) ? c : null, declined[o.PersonId].Order(order).ToList()))
            .OrderBy(m => m.FullName, order).ToList();

        var q = RussianText.Fold(Q);
        bool Match(string name) => q.Length == 0 || RussianText.Fold(name).Contains(q, StringComparison.Ordinal);
        if (MentorsView)
        {
            var rows = Mentors.Where(m => Match(m.FullName) && (!Pending || m.Capacity is null)).ToList();
            Filtered = rows.Count;
            PageNumber = Math.Clamp(PageNumber, 1, PageCount);
            MentorPage = rows.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        }
        else
        {
            var rows = Mentees.Where(m => Match(m.FullName) && (!Pending || m.NeedsChosen == 0)).ToList();
            Filtered = rows.Count;
            PageNumber = Math.Clamp(PageNumber, 1, PageCount);
            MenteePage = rows.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        }
    }

    /// <summary>The current view and filters with another page number, for the pager.</summary>
    public object Route(int page) => new { View = MentorsView ? "mentors" : null, Q, Pending = Pending ? true : (bool?)null, p = page > 1 ? page : (int?)null };

    public async Task<IActionResult> OnPostOpenAsync(DateOnly? deadline, CancellationToken ct) =>
        Done(await commands.OpenAsync(deadline, User.Identity!.Name!, ct));

    public async Task<IActionResult> OnPostCloseAsync(int version, CancellationToken ct) =>
        Done(await commands.CloseAsync(version, ct));

    private RedirectToPageResult Done(CommandResult<string> result)
    {
        if (result.Error is { } error) return Back(error.Message);
        TempData["Flash"] = result.Value;
        return RedirectToPage();
    }

    private RedirectToPageResult Back(string error)
    {
        TempData["Error"] = error;
        return RedirectToPage();
    }
}
