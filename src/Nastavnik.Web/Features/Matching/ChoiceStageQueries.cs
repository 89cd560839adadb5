using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Matching;

/// <summary>
/// The choice stage after the round table (issue 4, item 6): which round it belongs to, who may be chosen for a topic, and the
/// who takes part. Used by the teacher's page (ChoiceStageAnswer) and the curator's (ChoiceStage); the writes are <see cref="ChoiceStageCommands"/>.
/// </summary>
public static class ChoiceStageQueries
{
    public const int MaxChoices = 3;
    public const int MaxCapacity = 10;

    /// <summary>The current program, its latest diagnostics round and that round's choice stage (each null when absent).</summary>
    public static async Task<(MentoringProgram? Program, DiagnosticsRound? Round, ChoiceStage? Stage)> CurrentAsync(AppDbContext db, CancellationToken ct)
    {
        var program = await db.CurrentProgramAsync(ct);
        if (program is null) return (null, null, null);
        var round = await db.LatestRoundAsync(program.Id, ct);
        if (round is null) return (program, null, null);
        var stage = await db.ChoiceStages.AsNoTracking().FirstOrDefaultAsync(s => s.RoundId == round.Id, ct);
        return (program, round, stage);
    }

    public sealed record Excerpt(int ItemId, string Title, string? Text);

    /// <summary>A teacher who may be chosen as a mentor on a topic: offered it in the round, takes part, has not declined it.</summary>
    public sealed record Candidate(int PersonId, string FullName, string? Position, string? Department, int? ExperienceYears,
        int TopicId, int Level, string? Experience, IReadOnlyList<Excerpt> Portfolio);

    /// <summary>Candidates for each of <paramref name="topicIds"/>, best level first, without <paramref name="excludePersonId"/>.</summary>
    public static async Task<Dictionary<int, List<Candidate>>> CandidatesAsync(AppDbContext db, int roundId, IReadOnlyCollection<int> topicIds, int excludePersonId, CancellationToken ct)
    {
        var offers = await db.Offers.AsNoTracking()
            .Where(o => o.RoundId == roundId && topicIds.Contains(o.TopicId) && o.PersonId != excludePersonId
                && !o.Person!.IsArchived && o.Person.Consent == ConsentStatus.Given
                && !db.DeclinedOffers.Any(d => d.RoundId == roundId && d.PersonId == o.PersonId && d.TopicId == o.TopicId))
            .Select(o => new
            {
                o.PersonId, o.TopicId, o.Level, o.Experience,
                o.Person!.LastName, o.Person.FirstName, o.Person.MiddleName, o.Person.Position, o.Person.Department, o.Person.ExperienceYears,
            })
            .ToListAsync(ct);
        var people = offers.Select(o => o.PersonId).Distinct().ToList();
        var items = await db.PortfolioItems.AsNoTracking()
            .Where(i => people.Contains(i.PersonId) && i.TopicId != null && topicIds.Contains(i.TopicId.Value))
            .OrderByDescending(i => i.UpdatedAt).ThenBy(i => i.Id)
            .Select(i => new { i.Id, i.PersonId, TopicId = i.TopicId!.Value, i.Title, i.Description })
            .ToListAsync(ct);
        var excerpts = items.GroupBy(i => (i.PersonId, i.TopicId))
            .ToDictionary(g => g.Key, g => g.Take(2).Select(i => new Excerpt(i.Id, i.Title, Shorten(i.Description, 220))).ToList());
        return offers
            .Select(o => new Candidate(o.PersonId, PersonName.Full(o.LastName, o.FirstName, o.MiddleName), o.Position, o.Department,
                o.ExperienceYears, o.TopicId, o.Level, o.Experience, excerpts.GetValueOrDefault((o.PersonId, o.TopicId)) ?? []))
            .GroupBy(c => c.TopicId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.Level).ThenByDescending(c => c.Portfolio.Count)
                .ThenBy(c => c.FullName, StringComparer.Create(RussianText.Culture, ignoreCase: true)).ToList());
    }

    /// <summary>The ranking as the form carries it between load and save: mentor ids by rank, comma-separated («» when none).</summary>
    public static string Stamp(IEnumerable<int> mentorIds) => string.Join(",", mentorIds);

    /// <summary>Why this teacher takes no part in the choice stage, in words for the user (null: no linked card); null when they do.</summary>
    public static string? Blocked(Person? person) =>
        person is null ? "Ваша учётная запись не связана с карточкой педагога, поэтому выбора наставников для вас нет."
        : person.IsArchived ? $"{person.FullName} в архиве и не участвует в подборе пар."
        : person.Consent != ConsentStatus.Given
            ? $"У педагога {RussianNames.Decline(person.FullName, NameCase.Genitive)} нет согласия на обработку персональных данных: без него педагог не участвует в подборе пар."
            : null;

    private static string? Shorten(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var clean = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (clean.Length <= max) return clean;
        var cut = clean.LastIndexOf(' ', max);
        return clean[..(cut > max / 2 ? cut : max)] + "…";
    }
}
