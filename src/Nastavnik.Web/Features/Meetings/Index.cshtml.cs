using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Meetings;

/// <summary>A pair's meetings (<c>/Meetings?pair={pairId}</c>) and the form to plan the next one, its kind offered in the seed's order.</summary>
[Authorize(Policy = Policies.ProgramRead)]
public class IndexModel(AppDbContext db, MeetingCommands commands, CurrentSchool me) : PageModel
{
    [BindProperty] public MeetingInput Input { get; set; } = new();
    [BindProperty] public bool ForGroup { get; set; }
    public PairHeader Pair { get; private set; } = null!;
    public List<MeetingRow> Meetings { get; private set; } = [];
    public bool CanPlan { get; private set; }
    public bool IsMentor { get; private set; }
    public bool FinalAllowed { get; private set; }

    public async Task<IActionResult> OnGetAsync(int pair, CancellationToken ct)
    {
        if (!await LoadAsync(pair, ct)) return NotFound();
        Input.Kind = await MeetingQueries.NextKindAsync(db, pair, Pair.ProgramEnd, db.Clock.Today(), ct);
        var tomorrow = DateOnly.FromDateTime(SchoolTime.Local(db.Clock.UtcTime())).AddDays(1);
        Input.Date = tomorrow < Pair.ProgramStart ? Pair.ProgramStart : tomorrow;
        Input.Time = new TimeOnly(15, 0);
        ForGroup = Pair.GroupSize > 1 && IsMentor;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int pair, CancellationToken ct)
    {
        if (!await LoadAsync(pair, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = await commands.PlanAsync(pair, ForGroup, Input, ct);
        if (result.Error is { } error)
        {
            error.AddTo(ModelState);
            return Page();
        }
        TempData["Flash"] = $"Встреча запланирована: {MeetingLabels.When(result.Value!.StartsAt)}.";
        return Redirect($"/Meetings/{result.Value.Id}");
    }

    private async Task<bool> LoadAsync(int pairId, CancellationToken ct)
    {
        if (await MeetingQueries.PairAsync(db, pairId, ct) is not { } pair) return false;
        Pair = pair;
        Meetings = await MeetingQueries.OfPairAsync(db, pairId, ct);
        IsMentor = pair.MentorId == me.PersonId;
        CanPlan = (IsMentor || pair.MenteeId == me.PersonId) && pair.Status is PairStatus.Approved or PairStatus.Active;
        FinalAllowed = await MeetingQueries.FinalAllowedAsync(db, pairId, ct);
        return true;
    }
}
