using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Diagnostics;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Matching;

/// <summary>
/// «Выбор наставников»: a teacher's side of the choice stage. As a mentee they rank up to three mentors for each need, seeing
/// each candidate's level, experience and portfolio; as a mentor they say how many mentees they can take and may decline a topic.
/// Curators and administrators open it for a teacher with ?personId= (answers collected at the round table on paper).
/// </summary>
[Authorize(Policy = Policies.ProgramRead)]
public class ChoiceStageAnswerModel(AppDbContext db, ChoiceStageCommands commands) : PageModel
{
    public sealed record NeedCard(int TopicId, string Topic, int Priority, string? Comment, List<ChoiceStageQueries.Candidate> Candidates,
        List<(int MentorId, string Name, bool Available)> Chosen)
    {
        public string Stamp => ChoiceStageQueries.Stamp(Chosen.Select(c => c.MentorId));
    }

    public sealed record OfferRow(int TopicId, string Topic, int Level, bool Declined);

    public Person? Subject { get; private set; }
    public string? Blocked { get; private set; }
    public MentoringProgram? Program { get; private set; }
    public DiagnosticsRound? Round { get; private set; }
    public ChoiceStage? Stage { get; private set; }
    public bool OnBehalf { get; private set; }
    public List<NeedCard> Needs { get; private set; } = [];
    public List<OfferRow> Offers { get; private set; } = [];
    public MentorAvailability? Availability { get; private set; }
    public int? RoutePersonId => OnBehalf ? Subject?.Id : null;
    public bool CanEdit => Stage is { IsOpen: true } && Blocked is null;

    public async Task<IActionResult> OnGetAsync(int? personId, CancellationToken ct)
    {
        if (await LoadAsync(personId, ct) is { } stop) return stop;
        if (Blocked is not null || Stage is null) return Page();
        var needs = await db.Needs.AsNoTracking().Where(n => n.RoundId == Round!.Id && n.PersonId == Subject!.Id)
            .OrderByDescending(n => n.Priority).ThenBy(n => n.Topic!.Name)
            .Select(n => new { n.TopicId, Topic = n.Topic!.Name, n.Priority, n.Comment }).ToListAsync(ct);
        var topicIds = needs.Select(n => n.TopicId).ToList();
        var candidates = await ChoiceStageQueries.CandidatesAsync(db, Round!.Id, topicIds, Subject!.Id, ct);
        var chosen = await db.Choices.AsNoTracking()
            .Where(c => c.RoundId == Round.Id && c.MenteeId == Subject.Id)
            .OrderBy(c => c.Rank)
            .Join(db.People, c => c.MentorId, p => p.Id, (c, p) => new { c.TopicId, c.MentorId, p.LastName, p.FirstName, p.MiddleName })
            .ToListAsync(ct);
        Needs = needs.Select(n =>
        {
            var list = candidates.GetValueOrDefault(n.TopicId) ?? [];
            return new NeedCard(n.TopicId, n.Topic, n.Priority, n.Comment, list,
                chosen.Where(c => c.TopicId == n.TopicId)
                    .Select(c => (c.MentorId, PersonName.Full(c.LastName, c.FirstName, c.MiddleName), list.Any(x => x.PersonId == c.MentorId)))
                    .ToList());
        }).ToList();
        var declined = await db.DeclinedOffers.AsNoTracking().Where(d => d.RoundId == Round.Id && d.PersonId == Subject.Id)
            .Select(d => d.TopicId).ToListAsync(ct);
        Offers = (await db.Offers.AsNoTracking().Where(o => o.RoundId == Round.Id && o.PersonId == Subject.Id)
                .OrderByDescending(o => o.Level).ThenBy(o => o.Topic!.Name)
                .Select(o => new { o.TopicId, Topic = o.Topic!.Name, o.Level }).ToListAsync(ct))
            .Select(o => new OfferRow(o.TopicId, o.Topic, o.Level, declined.Contains(o.TopicId))).ToList();
        Availability = await db.MentorAvailabilities.AsNoTracking().FirstOrDefaultAsync(a => a.RoundId == Round.Id && a.PersonId == Subject.Id, ct);
        return Page();
    }

    /// <summary>Saves the ranking of one need: mentor ids for places 1–3 (empty places allowed).</summary>
    public async Task<IActionResult> OnPostChoiceAsync(int? personId, int topicId, int?[] mentors, string? stamp, CancellationToken ct)
    {
        if (await LoadAsync(personId, ct) is { } stop) return stop;
        var result = await commands.SaveChoiceAsync(Subject, Stage, topicId, mentors, stamp ?? "", User.Identity!.Name!, ct);
        return Done(result, $"need-{topicId}");
    }

    /// <summary>Saves the mentor's side: capacity 0–10 and the offered topics they keep (the others are declined).</summary>
    public async Task<IActionResult> OnPostMentorAsync(int? personId, int capacity, int[] keep, int version, CancellationToken ct)
    {
        if (await LoadAsync(personId, ct) is { } stop) return stop;
        var result = await commands.SaveMentorAsync(Subject, Stage, capacity, keep, version, User.Identity!.Name!, ct);
        return Done(result, "mentor");
    }

    /// <summary>The message as a flash and back to the form's part of the page, or the refusal as an error at the top.</summary>
    private RedirectToPageResult Done(CommandResult<string> result, string fragment)
    {
        if (result.Error is { } error) return Back(error.Message);
        TempData["Flash"] = result.Value;
        return RedirectToPage(null, null, new { personId = RoutePersonId }, fragment);
    }

    private RedirectToPageResult Back(string error)
    {
        TempData["Error"] = error;
        return RedirectToPage(new { personId = RoutePersonId });
    }

    private async Task<IActionResult?> LoadAsync(int? personId, CancellationToken ct)
    {
        var (subject, refused) = await AnswerSheet.SubjectAsync(db, User, personId, ct);
        if (subject is null) return StatusCode(refused);
        OnBehalf = subject.OnBehalf;
        Subject = subject.Person;
        Blocked = ChoiceStageQueries.Blocked(Subject);
        if (Subject is not null) (Program, Round, Stage) = await ChoiceStageQueries.CurrentAsync(db, ct);
        return null;
    }
}
