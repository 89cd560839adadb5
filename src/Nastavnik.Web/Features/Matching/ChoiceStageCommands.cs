using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Matching;

/// <summary>
/// The write use cases of the choice stage, for the curator's page (ChoiceStage) and the teacher's (ChoiceStageAnswer): open and close the
/// stage, save a mentee's ranking for one need, save a mentor's capacity and declined topics. Each returns the Russian message of
/// the page or a refusal; the pages only map them to a flash or an error.
/// </summary>
public sealed class ChoiceStageCommands(AppDbContext db, TimeProvider time)
{
    private const string NotRunning = "Выбор наставников сейчас не проводится: изменения не сохранены.";

    /// <summary>Opens (or reopens, with a new deadline) the choice stage of the current program's latest round.</summary>
    public async Task<CommandResult<string>> OpenAsync(DateOnly? deadline, string user, CancellationToken ct)
    {
        var (program, round, stage) = await ChoiceStageQueries.CurrentAsync(db, ct);
        if (round is null) return CommandError.Invalid("Сначала проведите диагностику: выбор наставников строится по её итогам.");
        if (deadline is null || deadline < DateOnly.FromDateTime(time.GetLocalNow().DateTime))
            return CommandError.Invalid("Укажите срок выбора — сегодняшнюю или более позднюю дату. Выбор не открыт.");
        if (stage is null)
            db.ChoiceStages.Add(new ChoiceStage
            {
                ProgramId = program!.Id, RoundId = round.Id, Deadline = deadline.Value, OpenedAt = time.GetUtcNow().UtcDateTime, OpenedBy = user,
            });
        else
        {
            var tracked = await db.ChoiceStages.FirstAsync(s => s.Id == stage.Id, ct);
            tracked.ClosedAt = null;
            tracked.Deadline = deadline.Value;
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return CommandError.Conflict("Выбор уже открыт или изменён другим пользователем. Обновите страницу."); }
        return $"Выбор наставников открыт до {RussianText.Date(deadline)}. Педагоги увидят его на главной странице.";
    }

    /// <summary>Closes the stage; <paramref name="version"/> is the stage's version the curator's page was loaded with.</summary>
    public async Task<CommandResult<string>> CloseAsync(int version, CancellationToken ct)
    {
        var (_, round, stage) = await ChoiceStageQueries.CurrentAsync(db, ct);
        if (round is null || stage is null) return CommandError.Invalid("Выбор наставников ещё не открыт.");
        var tracked = await db.ChoiceStages.FirstAsync(s => s.Id == stage.Id, ct);
        if (tracked.Version != version) return CommandError.Stale("Выбор уже изменён другим пользователем. Обновите страницу и повторите.");
        tracked.ClosedAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return "Выбор наставников закрыт. Подберите пары: выбор наставляемых и нагрузка наставников будут учтены.";
    }

    /// <summary>
    /// Replaces the mentee's ranking for one need (empty places skipped). Refused, changing nothing, when the teacher takes no part,
    /// the stage is not open, the need does not exist, a mentor is named twice or cannot be chosen, or the ranking was changed
    /// elsewhere since the form was loaded (<paramref name="loadedStamp"/>).
    /// </summary>
    public async Task<CommandResult<string>> SaveChoiceAsync(Person? mentee, ChoiceStage? stage, int topicId,
        IReadOnlyList<int?> ranked, string? loadedStamp, string user, CancellationToken ct)
    {
        if (ChoiceStageQueries.Blocked(mentee) is { } blocked) return CommandError.Invalid(blocked);
        if (stage is null) return CommandError.Invalid(NotRunning);
        if (!stage.IsOpen) return CommandError.Invalid("Выбор наставников закрыт: изменения не сохранены.");
        var topicName = await db.Needs.Where(n => n.RoundId == stage.RoundId && n.PersonId == mentee!.Id && n.TopicId == topicId)
            .Select(n => n.Topic!.Name).FirstOrDefaultAsync(ct);
        if (topicName is null) return CommandError.Invalid("Такой темы нет среди дефицитов педагога в этом туре диагностики: выбор не сохранён.");
        // Empty places are skipped: «—, Иванов, —» is one choice, Иванов first.
        var mentors = ranked.Take(ChoiceStageQueries.MaxChoices).Where(m => m is > 0).Select(m => m!.Value).ToList();
        if (mentors.Count != mentors.Distinct().Count())
            return CommandError.Invalid($"{RussianText.Quote(topicName)}: один и тот же наставник выбран дважды. Выберите разных наставников или оставьте место пустым.");
        var candidates = (await ChoiceStageQueries.CandidatesAsync(db, stage.RoundId, [topicId], mentee!.Id, ct)).GetValueOrDefault(topicId) ?? [];
        if (mentors.Any(m => candidates.All(c => c.PersonId != m)))
            return CommandError.Invalid($"{RussianText.Quote(topicName)}: выбранный педагог не предлагает эту тему в туре диагностики (или отказался от неё): выбор не сохранён. Обновите страницу и выберите из списка.");
        var existing = await db.Choices.Where(c => c.RoundId == stage.RoundId && c.MenteeId == mentee.Id && c.TopicId == topicId)
            .OrderBy(c => c.Rank).ToListAsync(ct);
        if (loadedStamp is not null && ChoiceStageQueries.Stamp(existing.Select(c => c.MentorId)) != loadedStamp)
            return CommandError.Stale($"{RussianText.Quote(topicName)}: выбор по этой теме уже изменён в другом окне или куратором. Обновите страницу, проверьте выбор и сохраните снова.");
        var message = mentors.Count > 0 ? "Выбор сохранён." : "Выбор по теме очищен.";
        if (existing.Select(c => c.MentorId).SequenceEqual(mentors)) return message;
        // Delete, then insert, in one transaction: the unique (rank) and (mentor) indexes hold whatever the new order is.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Choices.RemoveRange(existing);
        await db.SaveChangesAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        for (var i = 0; i < mentors.Count; i++)
            db.Choices.Add(new Choice { RoundId = stage.RoundId, MenteeId = mentee.Id, TopicId = topicId, MentorId = mentors[i], Rank = i + 1, UpdatedAt = now, UpdatedBy = user });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return message;
    }

    /// <summary>
    /// Saves the mentor's side: capacity 0–<see cref="ChoiceStageQueries.MaxCapacity"/> and the offered topics they keep (the others are
    /// declined). <paramref name="version"/> is the version of the mentor's answer the form was loaded with (0 before the first).
    /// </summary>
    public async Task<CommandResult<string>> SaveMentorAsync(Person? mentor, ChoiceStage? stage,
        int capacity, IReadOnlyCollection<int> keep, int version, string user, CancellationToken ct)
    {
        if (ChoiceStageQueries.Blocked(mentor) is { } blocked) return CommandError.Invalid(blocked);
        if (stage is null) return CommandError.Invalid(NotRunning);
        if (!stage.IsOpen) return CommandError.Invalid("Выбор наставников закрыт: изменения не сохранены.");
        if (capacity is < 0 or > ChoiceStageQueries.MaxCapacity)
            return CommandError.Invalid($"Число наставляемых должно быть от 0 до {ChoiceStageQueries.MaxCapacity}, получено {capacity}. Ничего не сохранено.");
        var roundId = stage.RoundId;
        var offered = await db.Offers.Where(o => o.RoundId == roundId && o.PersonId == mentor!.Id).Select(o => o.TopicId).ToListAsync(ct);
        if (offered.Count == 0)
            return CommandError.Invalid("В туре диагностики не отмечено ни одной темы, в которой вы готовы быть наставником: сохранять нечего.");
        var availability = await db.MentorAvailabilities.FirstOrDefaultAsync(a => a.RoundId == roundId && a.PersonId == mentor!.Id, ct);
        if ((availability?.Version ?? 0) != version)
            return CommandError.Stale("Эти настройки уже изменены в другом окне или куратором. Обновите страницу, проверьте их и сохраните снова.");
        var now = time.GetUtcNow().UtcDateTime;
        if (availability is null)
            // Version 1 on insert: the form of a teacher who has not answered yet carries 0, so a second such form is refused.
            db.MentorAvailabilities.Add(new MentorAvailability { RoundId = roundId, PersonId = mentor!.Id, Capacity = capacity, UpdatedAt = now, UpdatedBy = user, Version = 1 });
        else
        {
            // Touched even when only the declines change: the version moves, so a concurrent form with the old one is refused.
            availability.Capacity = capacity;
            availability.UpdatedAt = now;
            availability.UpdatedBy = user;
        }
        var declined = await db.DeclinedOffers.Where(d => d.RoundId == roundId && d.PersonId == mentor!.Id).ToListAsync(ct);
        db.DeclinedOffers.RemoveRange(declined.Where(d => keep.Contains(d.TopicId)));
        foreach (var topicId in offered.Where(t => !keep.Contains(t) && declined.All(d => d.TopicId != t)))
            db.DeclinedOffers.Add(new DeclinedOffer { RoundId = roundId, PersonId = mentor!.Id, TopicId = topicId });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            return CommandError.Conflict("Эти настройки одновременно сохранены в другом окне. Обновите страницу, проверьте их и сохраните снова.");
        }
        return capacity == 0
            ? "Сохранено: в этом году вы не берёте наставляемых."
            : $"Сохранено: вы готовы взять до {RussianText.Plural(capacity, "наставляемого", "наставляемых", "наставляемых")}.";
    }
}
