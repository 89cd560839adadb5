using Microsoft.EntityFrameworkCore;
using Nastavnik.Matching;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Matching;

/// <summary>A participant as shown next to a result: engine id, database id, name.</summary>
public sealed record MatchPerson(int EngineId, int PersonId, string FullName, string? Department, int? ExperienceYears);

/// <summary>A topic as shown next to a result: engine id, database id, name and direction.</summary>
public sealed record MatchTopic(int EngineId, int TopicId, string Name, int DirectionId, string DirectionName);

/// <summary>
/// The matching problem of a program's latest diagnostics round, read from the database, with the lookups that map the
/// engine's 0-based ids back to people and topics. Participants: active (not archived) teachers of the program's school
/// with consent Given; offers and needs of the round (of those participants only); scope: the school. From the choice stage
/// (ChoiceStage): mentees' ranked mentors per need, mentors' stated capacity and the topics they declined; a teacher who stated
/// nothing gets the defaults below.
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
    /// <summary>Offers left out because their mentor declined the topic in the choice stage.</summary>
    public int OffersDeclined { get; init; }
    /// <summary>Needs with at least one ranked mentor.</summary>
    public int NeedsWithChoice { get; init; }

    public MatchPerson Person(int engineId) => People[engineId];
    public MatchTopic Topic(int engineId) => Topics[engineId];

    /// <summary>
    /// Builds the input for <paramref name="programId"/>; null when the program does not exist (in the current tenant) or has no
    /// round yet (then the returned program tells which). Every query filters by the program's SchoolId explicitly, so it
    /// is also correct where no tenant is set (the command line); the global filters still apply in the web. Ages are counted
    /// in the year of <paramref name="time"/>.
    /// </summary>
    public static async Task<(MentoringProgram? Program, DiagnosticsRound? Round, ProgramMatchingInput? Input)> BuildAsync(
        AppDbContext db, int programId, TimeProvider time, CancellationToken ct = default)
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
        var capacities = await db.MentorAvailabilities.AsNoTracking()
            .Where(a => a.SchoolId == schoolId && a.RoundId == round.Id).ToDictionaryAsync(a => a.PersonId, a => a.Capacity, ct);
        var declined = (await db.DeclinedOffers.AsNoTracking().Where(d => d.SchoolId == schoolId && d.RoundId == round.Id)
            .Select(d => new { d.PersonId, d.TopicId }).ToListAsync(ct)).Select(d => (d.PersonId, d.TopicId)).ToHashSet();
        var choices = await db.Choices.AsNoTracking().Where(c => c.SchoolId == schoolId && c.RoundId == round.Id)
            .OrderBy(c => c.MenteeId).ThenBy(c => c.TopicId).ThenBy(c => c.Rank)
            .Select(c => new { c.MenteeId, c.TopicId, c.MentorId }).ToListAsync(ct);

        var personIndex = new Dictionary<int, int>(people.Count);
        var matchPeople = new List<MatchPerson>(people.Count);
        var participants = new List<Participant>(people.Count);
        var year = time.GetLocalNow().Year;
        foreach (var p in people)
        {
            var id = matchPeople.Count;
            personIndex[p.Id] = id;
            matchPeople.Add(new MatchPerson(id, p.Id, PersonName.Full(p.LastName, p.FirstName, p.MiddleName), p.Department, p.ExperienceYears));
            participants.Add(new Participant(id, School: school.Id, District: school.ParentId ?? 0,
                ExperienceYears: Math.Max(0, p.ExperienceYears ?? 0), Age: p.BirthYear is { } b ? Math.Max(0, year - b) : 0,
                MentorCapacity: capacities.TryGetValue(p.Id, out var stated) ? stated : DefaultMentorCapacity, MaxMenteeLoad: DefaultMaxMenteeLoad));
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
        int offersLeftOut = 0, needsLeftOut = 0, offersDeclined = 0;
        foreach (var o in offers)
        {
            if (!personIndex.TryGetValue(o.PersonId, out var m) || !topicIndex.TryGetValue(o.TopicId, out var t)) { offersLeftOut++; continue; }
            if (declined.Contains((o.PersonId, o.TopicId))) { offersDeclined++; continue; }
            if (!seenOffers.Add((m, t))) continue;
            // A stated capacity is the mentor's whole answer: it bounds each topic too (a group of that size on one topic is fine).
            var capacity = capacities.TryGetValue(o.PersonId, out var stated) ? stated : DefaultOfferCapacity;
            engineOffers.Add(new Nastavnik.Matching.Offer(m, t, Math.Clamp(o.Level, 1, 3), capacity));
        }
        var engineNeeds = new List<Nastavnik.Matching.Need>(needs.Count);
        var seenNeeds = new HashSet<(int, int)>();
        foreach (var n in needs)
        {
            if (!personIndex.TryGetValue(n.PersonId, out var e) || !topicIndex.TryGetValue(n.TopicId, out var t)) { needsLeftOut++; continue; }
            if (!seenNeeds.Add((e, t))) continue;
            engineNeeds.Add(new Nastavnik.Matching.Need(e, t, Math.Clamp(n.Priority, 1, 3)));
        }

        // Ranked mentors per need; a mentor who is no longer a participant is skipped and the rest keep their order.
        var preferences = choices
            .Where(c => personIndex.ContainsKey(c.MenteeId) && topicIndex.ContainsKey(c.TopicId)
                && seenNeeds.Contains((personIndex[c.MenteeId], topicIndex[c.TopicId])))
            .GroupBy(c => (Mentee: personIndex[c.MenteeId], Topic: topicIndex[c.TopicId]))
            .Select(g => new Preference(g.Key.Mentee,
                g.Where(c => personIndex.ContainsKey(c.MentorId)).Select(c => personIndex[c.MentorId]).ToArray(), g.Key.Topic))
            .Where(p => p.Mentors.Count > 0)
            .ToList();
        var problem = new MatchingProblem
        {
            Participants = participants, Topics = engineTopics, Offers = engineOffers, Needs = engineNeeds,
            Preferences = preferences, Scope = MatchingScope.School,
        };
        return (program, round, new ProgramMatchingInput
        {
            Program = program, Round = round, Problem = problem, People = matchPeople, Topics = matchTopics,
            OffersLeftOut = offersLeftOut, NeedsLeftOut = needsLeftOut, OffersDeclined = offersDeclined, NeedsWithChoice = preferences.Count,
        });
    }

    /// <summary>«желательно», «важно», «срочно» for priorities 1..3.</summary>
    public static string PriorityWord(int priority) => Diagnostics.AnswerSheet.PriorityWords[Math.Clamp(priority, 1, 3)];
}
