using Microsoft.EntityFrameworkCore;
using Nastavnik.Matching;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Shared;

namespace Nastavnik.Web.Features.Matching;

/// <summary>A participant as shown next to a result: engine id, database id, name.</summary>
public sealed record MatchPerson(int EngineId, int PersonId, string FullName, string? Department, int? ExperienceYears);

/// <summary>A topic as shown next to a result: engine id, database id, name and direction.</summary>
public sealed record MatchTopic(int EngineId, int TopicId, string Name, int DirectionId, string DirectionName);

/// <summary>
/// The matching problem of a program's latest diagnostics round, read from the database, with the lookups that map the
/// engine's 0-based ids back to people and topics. Participants: active (not archived) teachers of the program's school
/// with consent Given; offers and needs of the round (of those participants only); scope: the school.
/// Preferences and capacities come with the preference round (issue 4); until then they are empty and the defaults below apply.
/// </summary>
public sealed class ProgramMatchingInput
{
    /// <summary>U: (mentee, topic) assignments a mentor takes in total when they have not stated a capacity.</summary>
    public const int DefaultMentorCapacity = 3;
    /// <summary>u: mentees per offered topic when not stated.</summary>
    public const int DefaultOfferCapacity = 3;
    /// <summary>L: topics a teacher is mentored in at once.</summary>
    public const int DefaultMaxMenteeLoad = 2;

    public required MentoringProgram Program { get; init; }
    public required DiagnosticsRound Round { get; init; }
    public required MatchingProblem Problem { get; init; }
    /// <summary>Indexed by engine id.</summary>
    public required IReadOnlyList<MatchPerson> People { get; init; }
    /// <summary>Indexed by engine id.</summary>
    public required IReadOnlyList<MatchTopic> Topics { get; init; }
    /// <summary>Offers of the round whose teachers are not participants (archived or without consent): left out.</summary>
    public int OffersLeftOut { get; init; }
    public int NeedsLeftOut { get; init; }

    public MatchPerson Person(int engineId) => People[engineId];
    public MatchTopic Topic(int engineId) => Topics[engineId];

    /// <summary>
    /// Builds the input for <paramref name="programId"/>; null when the program does not exist (in the current tenant) or has no
    /// round yet (then <paramref name="program"/> tells which). Every query filters by the program's SchoolId explicitly, so it
    /// is also correct where no tenant is set (the command line); the global filters still apply in the web.
    /// </summary>
    public static async Task<(MentoringProgram? Program, DiagnosticsRound? Round, ProgramMatchingInput? Input)> BuildAsync(
        AppDbContext db, int programId, CancellationToken ct = default)
    {
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return (null, null, null);
        var schoolId = program.SchoolId;
        var round = await db.DiagnosticsRounds.AsNoTracking()
            .Where(r => r.ProgramId == program.Id && r.SchoolId == schoolId)
            .OrderByDescending(r => r.OpenedAt).ThenByDescending(r => r.Id)
            .FirstOrDefaultAsync(ct);
        if (round is null) return (program, null, null);

        var school = await db.Organizations.AsNoTracking().Where(o => o.Id == schoolId).Select(o => new { o.Id, o.ParentId }).FirstAsync(ct);
        var people = await db.People.AsNoTracking()
            .Where(p => p.SchoolId == schoolId && !p.IsArchived && p.Consent == ConsentStatus.Given)
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.LastName, p.FirstName, p.MiddleName, p.Department, p.ExperienceYears, p.BirthYear })
            .ToListAsync(ct);
        var topics = await db.Topics.AsNoTracking()
            .Where(t => t.SchoolId == schoolId)
            .OrderBy(t => t.Direction!.SortOrder).ThenBy(t => t.SortOrder).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.Name, t.IsDigital, t.DirectionId, DirectionName = t.Direction!.Name })
            .ToListAsync(ct);
        var offers = await db.Offers.AsNoTracking()
            .Where(o => o.SchoolId == schoolId && o.RoundId == round.Id)
            .OrderBy(o => o.Id).Select(o => new { o.PersonId, o.TopicId, o.Level }).ToListAsync(ct);
        var needs = await db.Needs.AsNoTracking()
            .Where(n => n.SchoolId == schoolId && n.RoundId == round.Id)
            .OrderBy(n => n.Id).Select(n => new { n.PersonId, n.TopicId, n.Priority }).ToListAsync(ct);

        var personIndex = new Dictionary<int, int>(people.Count);
        var matchPeople = new List<MatchPerson>(people.Count);
        var participants = new List<Participant>(people.Count);
        var year = DateTime.Today.Year;
        foreach (var p in people)
        {
            var id = matchPeople.Count;
            personIndex[p.Id] = id;
            matchPeople.Add(new MatchPerson(id, p.Id, PersonName.Full(p.LastName, p.FirstName, p.MiddleName), p.Department, p.ExperienceYears));
            participants.Add(new Participant(id, School: school.Id, District: school.ParentId ?? 0,
                ExperienceYears: Math.Max(0, p.ExperienceYears ?? 0), Age: p.BirthYear is { } b ? Math.Max(0, year - b) : 0,
                MentorCapacity: DefaultMentorCapacity, MaxMenteeLoad: DefaultMaxMenteeLoad));
        }
        var topicIndex = new Dictionary<int, int>(topics.Count);
        var matchTopics = new List<MatchTopic>(topics.Count);
        var engineTopics = new List<Nastavnik.Matching.Topic>(topics.Count);
        foreach (var t in topics)
        {
            var id = matchTopics.Count;
            topicIndex[t.Id] = id;
            matchTopics.Add(new MatchTopic(id, t.Id, t.Name, t.DirectionId, t.DirectionName));
            engineTopics.Add(new Nastavnik.Matching.Topic(id, t.Name, t.IsDigital));
        }

        var engineOffers = new List<Nastavnik.Matching.Offer>(offers.Count);
        var seenOffers = new HashSet<(int, int)>();
        int offersLeftOut = 0, needsLeftOut = 0;
        foreach (var o in offers)
        {
            if (!personIndex.TryGetValue(o.PersonId, out var m) || !topicIndex.TryGetValue(o.TopicId, out var t)) { offersLeftOut++; continue; }
            if (!seenOffers.Add((m, t))) continue;
            engineOffers.Add(new Nastavnik.Matching.Offer(m, t, Math.Clamp(o.Level, 1, 3), DefaultOfferCapacity));
        }
        var engineNeeds = new List<Nastavnik.Matching.Need>(needs.Count);
        var seenNeeds = new HashSet<(int, int)>();
        foreach (var n in needs)
        {
            if (!personIndex.TryGetValue(n.PersonId, out var e) || !topicIndex.TryGetValue(n.TopicId, out var t)) { needsLeftOut++; continue; }
            if (!seenNeeds.Add((e, t))) continue;
            engineNeeds.Add(new Nastavnik.Matching.Need(e, t, Math.Clamp(n.Priority, 1, 3)));
        }

        var problem = new MatchingProblem
        {
            Participants = participants, Topics = engineTopics, Offers = engineOffers, Needs = engineNeeds,
            Preferences = [], Scope = MatchingScope.School,
        };
        return (program, round, new ProgramMatchingInput
        {
            Program = program, Round = round, Problem = problem, People = matchPeople, Topics = matchTopics,
            OffersLeftOut = offersLeftOut, NeedsLeftOut = needsLeftOut,
        });
    }

    /// <summary>«желательно», «важно», «срочно» for priorities 1..3.</summary>
    public static string PriorityWord(int priority) => priority switch { 3 => "срочно", 2 => "важно", _ => "желательно" };
}
