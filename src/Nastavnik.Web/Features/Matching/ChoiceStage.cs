using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Matching;

/// <summary>
/// The choice stage after the round table (issue 4, item 6): which round it belongs to, who may be chosen for a topic, and the
/// rules for saving a mentee's ranking and a mentor's capacity. Used by the teacher's page (Choice) and the curator's (Preferences).
/// </summary>
public static class ChoiceStage
{
    public const int MaxChoices = 3;
    public const int MaxCapacity = 10;

    /// <summary>The current program, its latest diagnostics round and that round's choice stage (each null when absent).</summary>
    public static async Task<(MentoringProgram? Program, DiagnosticsRound? Round, PreferenceRound? Stage)> CurrentAsync(AppDbContext db, CancellationToken ct)
    {
        var program = await db.CurrentProgramAsync(ct);
        if (program is null) return (null, null, null);
        var round = await db.LatestRoundAsync(program.Id, ct);
        if (round is null) return (program, null, null);
        var stage = await db.PreferenceRounds.AsNoTracking().FirstOrDefaultAsync(s => s.RoundId == round.Id, ct);
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

    /// <summary>
    /// Replaces the mentee's ranking for one need. Returns a Russian error (and changes nothing) when the stage is closed, the need
    /// does not exist, a mentor is named twice or cannot be chosen, or the ranking was changed elsewhere since the form was loaded.
    /// </summary>
    public static async Task<string?> SaveChoiceAsync(AppDbContext db, PreferenceRound stage, int menteeId, int topicId,
        IReadOnlyList<int?> ranked, string? loadedStamp, string userName, CancellationToken ct)
    {
        if (!stage.IsOpen) return "Выбор наставников закрыт: изменения не сохранены.";
        var topicName = await db.Needs.Where(n => n.RoundId == stage.RoundId && n.PersonId == menteeId && n.TopicId == topicId)
            .Select(n => n.Topic!.Name).FirstOrDefaultAsync(ct);
        if (topicName is null) return "Такой темы нет среди затруднений педагога в этой диагностике: выбор не сохранён.";
        // Empty places are skipped: «—, Иванов, —» is one choice, Иванов first.
        var mentors = ranked.Take(MaxChoices).Where(m => m is > 0).Select(m => m!.Value).ToList();
        if (mentors.Count != mentors.Distinct().Count())
            return $"«{topicName}»: один и тот же наставник выбран дважды. Выберите разных наставников или оставьте место пустым.";
        var candidates = (await CandidatesAsync(db, stage.RoundId, [topicId], menteeId, ct)).GetValueOrDefault(topicId) ?? [];
        if (mentors.Any(m => candidates.All(c => c.PersonId != m)))
            return $"«{topicName}»: выбранный педагог не предлагает эту тему в диагностике (или отказался от неё): выбор не сохранён. Обновите страницу и выберите из списка.";
        var existing = await db.MentorChoices.Where(c => c.RoundId == stage.RoundId && c.MenteeId == menteeId && c.TopicId == topicId)
            .OrderBy(c => c.Rank).ToListAsync(ct);
        if (loadedStamp is not null && Stamp(existing.Select(c => c.MentorId)) != loadedStamp)
            return $"«{topicName}»: выбор по этой теме уже изменён в другом окне или куратором. Обновите страницу, проверьте выбор и сохраните снова.";
        if (existing.Select(c => c.MentorId).SequenceEqual(mentors)) return null;
        // Delete, then insert, in one transaction: the unique (rank) and (mentor) indexes hold whatever the new order is.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.MentorChoices.RemoveRange(existing);
        await db.SaveChangesAsync(ct);
        for (var i = 0; i < mentors.Count; i++)
            db.MentorChoices.Add(new MentorChoice { RoundId = stage.RoundId, MenteeId = menteeId, TopicId = topicId, MentorId = mentors[i], Rank = i + 1, UpdatedBy = userName });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    private static string? Shorten(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var clean = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (clean.Length <= max) return clean;
        var cut = clean.LastIndexOf(' ', max);
        return clean[..(cut > max / 2 ? cut : max)] + "…";
    }
}
