using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Portfolio;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features;

/// <summary>An approved pair seen by one of its members: the other person, their contacts (those the privacy filter lets through), the topic, and (for the mentor) the mentee's need.</summary>
public sealed record MyPair(string Other, IReadOnlyList<ContactView> Contacts, string Topic, int? Priority, string? Comment, int PairId = 0,
    PairStatus Status = PairStatus.Approved, int TopicId = 0);

/// <summary>The next planned event of the program's roadmap, from today on: what a pair does next.</summary>
public sealed record NextStep(string Title, DateOnly? Date);

/// <summary>
/// The home page of anyone with a staff card (teacher, curator, administrator, psychologist): the open round and their own answers
/// (their needs pass the privacy filter as their own), the choice stage, their pairs with the other's contacts, and the next step.
/// </summary>
public sealed record HomeMine(string RoundTitle, bool Open, DateOnly Deadline, DateTime? SubmittedAt, List<(string Topic, int Level)> Offers,
    List<(string Topic, int Priority)> Needs, ChoiceStage? ChoiceStage, List<MyPair> AsMentor, List<MyPair> AsMentee, NextStep? Next)
{
    public static async Task<HomeMine?> LoadAsync(AppDbContext db, int personId, DateOnly today, CancellationToken ct = default)
    {
        var program = await db.CurrentProgramAsync(ct);
        if (program is null) return null;
        var round = await db.LatestRoundAsync(program.Id, ct);
        if (round is null) return null;
        var submitted = await db.RoundResponses.Where(r => r.RoundId == round.Id && r.PersonId == personId).Select(r => r.SubmittedAt).FirstOrDefaultAsync(ct);
        var offers = await db.Offers.Where(o => o.RoundId == round.Id && o.PersonId == personId).OrderByDescending(o => o.Level)
            .Select(o => new { o.Topic!.Name, o.Level }).ToListAsync(ct);
        var needs = await db.Needs.Where(n => n.RoundId == round.Id && n.PersonId == personId).OrderByDescending(n => n.Priority)
            .Select(n => new { n.Topic!.Name, n.Priority }).ToListAsync(ct);
        var choice = await db.ChoiceStages.AsNoTracking().FirstOrDefaultAsync(s => s.RoundId == round.Id, ct);
        // The mentee's need of a pair passes the privacy filter for their mentor (AppDbContext), and only for them.
        var asMentor = await db.MentoringPairs.Where(p => p.ProgramId == program.Id && p.MentorId == personId)
            .Select(p => new { p.Id, p.Status, p.TopicId, OtherId = p.MenteeId, p.Mentee!.LastName, p.Mentee.FirstName, p.Mentee.MiddleName, Topic = p.Topic!.Name })
            .ToListAsync(ct);
        var mentees = asMentor.Select(p => p.OtherId).Distinct().ToList();
        var menteeNeeds = (await db.Needs.Where(n => n.RoundId == round.Id && mentees.Contains(n.PersonId))
                .Select(n => new { n.PersonId, n.TopicId, n.Priority, n.Comment }).ToListAsync(ct))
            .ToDictionary(n => (n.PersonId, n.TopicId));
        var asMentee = await db.MentoringPairs.Where(p => p.ProgramId == program.Id && p.MenteeId == personId)
            .Select(p => new { p.Id, p.Status, p.TopicId, OtherId = p.MentorId, p.Mentor!.LastName, p.Mentor.FirstName, p.Mentor.MiddleName, Topic = p.Topic!.Name }).ToListAsync(ct);
        // Contacts as the other person allowed: the privacy filter passes those they opened to the school.
        var others = asMentor.Select(p => p.OtherId).Concat(asMentee.Select(p => p.OtherId)).Distinct().ToList();
        var contacts = (await db.PortfolioContacts.AsNoTracking().Where(c => others.Contains(c.PersonId)).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct))
            .ToLookup(c => c.PersonId, PortfolioSearch.View);
        NextStep? next = null;
        if (asMentor.Count + asMentee.Count > 0)
            next = await db.RoadmapEvents.Where(e => e.ProgramId == program.Id && e.Status == EventStatus.Planned && (e.DueDate ?? e.StartDate) >= today)
                .OrderBy(e => e.DueDate ?? e.StartDate).ThenBy(e => e.SortOrder).ThenBy(e => e.Id)
                .Select(e => new NextStep(e.Title, e.DueDate ?? e.StartDate)).FirstOrDefaultAsync(ct);
        var order = StringComparer.Create(RussianText.Culture, ignoreCase: true);
        return new HomeMine(round.Title, round.IsOpen, round.Deadline, submitted,
            offers.Select(o => (o.Name, o.Level)).ToList(), needs.Select(n => (n.Name, n.Priority)).ToList(), choice,
            asMentor.Select(p => new MyPair(PersonName.Full(p.LastName, p.FirstName, p.MiddleName), contacts[p.OtherId].ToList(), p.Topic,
                menteeNeeds.GetValueOrDefault((p.OtherId, p.TopicId))?.Priority, menteeNeeds.GetValueOrDefault((p.OtherId, p.TopicId))?.Comment, p.Id, p.Status, p.TopicId))
                .OrderBy(p => p.Other, order).ThenBy(p => p.Topic, order).ToList(),
            asMentee.Select(p => new MyPair(PersonName.Full(p.LastName, p.FirstName, p.MiddleName), contacts[p.OtherId].ToList(), p.Topic, null, null, p.Id, p.Status, p.TopicId))
                .OrderBy(p => p.Topic, order).ToList(),
            next);
    }
}
