using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Diagnostics;

/// <summary>
/// Writing a teacher's self-assessment answers, once for the form and the API: who may answer for whom (a teacher for themself,
/// curators and administrators for anyone of their school), whether the round takes answers (open, and its program not
/// completed), what an answer may contain, and the sheet's version. The source is <see cref="AnswerSource.Self"/> for one's own
/// sheet and <see cref="AnswerSource.Curator"/> for someone else's.
/// </summary>
public sealed class AnswerCommands(AppDbContext db)
{
    public const string SheetNotFound = "Анкета не найдена.";

    /// <summary>Why a round takes no answers (closed, or its program completed); null when it takes them.</summary>
    public static async Task<string?> WhyClosedAsync(AppDbContext db, DiagnosticsRound round, CancellationToken ct)
    {
        if (!round.IsOpen) return $"Тур {RussianText.Quote(round.Title)} закрыт, ответы больше нельзя изменить.";
        var completed = await db.Programs.AsNoTracking().AnyAsync(p => p.Id == round.ProgramId && p.Status == ProgramStatus.Completed, ct);
        return completed ? $"Программа наставничества завершена: ответы в туре {RussianText.Quote(round.Title)} больше не принимаются." : null;
    }

    /// <summary>Writes one topic's answer, leaving the other topics as they are (two tabs saving different topics do not collide).</summary>
    public async Task<CommandResult> SaveTopicAsync(int roundId, int personId, TopicAnswer answer, CancellationToken ct)
    {
        if (await CheckAsync(roundId, personId, [answer], ct) is { } refused) return refused;
        await WriteTopicAsync(roundId, personId, answer, Source(personId), db.School.UserName, ct);
        return CommandResult.Success;
    }

    /// <summary>Replaces all answers of a person in a round (the API's whole-sheet PUT); <paramref name="expectedVersion"/> guards against overwriting a newer sheet.</summary>
    public async Task<CommandResult<RoundResponse>> ReplaceAsync(int roundId, int personId, IReadOnlyCollection<TopicAnswer> answers, bool submit, int? expectedVersion, CancellationToken ct)
    {
        if (await CheckAsync(roundId, personId, answers, ct) is { } refused) return refused;
        try
        {
            return await WriteSheetAsync(roundId, personId, answers, submit, expectedVersion, Source(personId), db.School.UserName, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandError.Stale("Анкету изменили после того, как вы её получили: получите её заново, проверьте изменения и повторите с новой версией (If-Match).");
        }
    }

    /// <summary>Marks the sheet submitted (it can still be changed until the round closes).</summary>
    public async Task<CommandResult> SubmitAsync(int roundId, int personId, CancellationToken ct)
    {
        if (await CheckAsync(roundId, personId, [], ct) is { } refused) return refused;
        await WriteSubmitAsync(roundId, personId, Source(personId), db.School.UserName, ct);
        return CommandResult.Success;
    }

    private AnswerSource Source(int personId) => personId == db.School.PersonId ? AnswerSource.Self : AnswerSource.Curator;

    /// <summary>The refusals, in the order a user meets them: someone else's sheet, a missing one, a closed round or a blocked person, bad answers.</summary>
    private async Task<CommandError?> CheckAsync(int roundId, int personId, IReadOnlyCollection<TopicAnswer> answers, CancellationToken ct)
    {
        if (!(db.School.IsSchoolManager || (personId > 0 && personId == db.School.PersonId)))
            return CommandError.Forbidden("Можно изменять только свою анкету: ответы за других педагогов вносят куратор или администратор.");
        var round = await db.DiagnosticsRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (round is null || person is null) return CommandError.NotFound(SheetNotFound);
        if (AnswerSheet.PersonBlock(person) is { } blocked) return CommandError.Conflict(blocked);
        if (await WhyClosedAsync(db, round, ct) is { } closed) return CommandError.Conflict(closed);
        var errors = await ValidateAsync(answers, ct);
        return errors.Count > 0 ? CommandError.Invalid("Ответы не прошли проверку.", errors) : null;
    }

    /// <summary>Problems of the answers, in Russian; empty when they are fine. Topics must be active topics of the school (the query filter sees only it).</summary>
    private async Task<List<string>> ValidateAsync(IReadOnlyCollection<TopicAnswer> answers, CancellationToken ct)
    {
        var errors = new List<string>();
        var ids = answers.Select(a => a.TopicId).Distinct().ToList();
        var topics = await db.Topics.AsNoTracking().Where(t => ids.Contains(t.Id) && !t.IsRetired && !t.Direction!.IsRetired)
            .Select(t => new { t.Id, t.Name }).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        foreach (var group in answers.GroupBy(a => a.TopicId).Where(g => g.Count() > 1))
            errors.Add($"Тема {group.Key} указана несколько раз: оставьте один ответ на тему.");
        foreach (var a in answers)
        {
            if (!topics.TryGetValue(a.TopicId, out var name)) { errors.Add($"Темы {a.TopicId} нет в каталоге школы или она выведена из употребления."); continue; }
            if (a.Level is { } level && level is < 1 or > 3) errors.Add($"{RussianText.Quote(name)}: уровень может быть 1, 2 или 3, получено {level}.");
            if (a.Priority is { } p && p is < 1 or > 3) errors.Add($"{RussianText.Quote(name)}: приоритет может быть 1, 2 или 3, получено {p}.");
            if (a.Experience?.Length > AnswerSheet.MaxText) errors.Add($"{RussianText.Quote(name)}: опыт — не длиннее {AnswerSheet.MaxText} знаков, сейчас {a.Experience.Length}.");
            if (a.Comment?.Length > AnswerSheet.MaxText) errors.Add($"{RussianText.Quote(name)}: комментарий — не длиннее {AnswerSheet.MaxText} знаков, сейчас {a.Comment.Length}.");
        }
        return errors;
    }

    /// <summary>Writes one topic's answer, leaving the other topics as they are (two tabs saving different topics do not collide).</summary>
    private async Task WriteTopicAsync(int roundId, int personId, TopicAnswer answer, AnswerSource source, string userName, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var offer = await db.Offers.FirstOrDefaultAsync(o => o.RoundId == roundId && o.PersonId == personId && o.TopicId == answer.TopicId, ct);
            var need = await db.Needs.FirstOrDefaultAsync(n => n.RoundId == roundId && n.PersonId == personId && n.TopicId == answer.TopicId, ct);
            Apply(roundId, personId, answer, offer, need, source);
            var exists = await db.RoundResponses.AnyAsync(r => r.RoundId == roundId && r.PersonId == personId, ct);
            if (!exists) db.RoundResponses.Add(new RoundResponse { RoundId = roundId, PersonId = personId, UpdatedBy = userName, Source = source, Version = 1 });
            try
            {
                await db.SaveChangesAsync(ct);
                // The sheet's stamp is bumped in place, not read-modify-written: saves of other topics from another tab never conflict
                // on it, while a whole-sheet PUT holding an older ETag still sees the change. (The topic's own rows carry the audit.)
                var now = db.Clock.UtcTime();
                if (exists)
                    await db.RoundResponses.Where(r => r.RoundId == roundId && r.PersonId == personId).ExecuteUpdateAsync(u => u
                        .SetProperty(r => r.UpdatedAt, now).SetProperty(r => r.UpdatedBy, userName).SetProperty(r => r.Source, source)
                        .SetProperty(r => r.Version, r => r.Version + 1), ct);
                await tx.CommitAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another tab created the sheet or this topic's row at the same moment: read again and apply over it.
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Replaces all answers of a person in a round (the API's whole-sheet PUT); <paramref name="expectedVersion"/> guards against overwriting a newer sheet.</summary>
    private async Task<RoundResponse> WriteSheetAsync(int roundId, int personId, IReadOnlyCollection<TopicAnswer> answers,
        bool submit, int? expectedVersion, AnswerSource source, string userName, CancellationToken ct)
    {
        var offers = await db.Offers.Where(o => o.RoundId == roundId && o.PersonId == personId).ToListAsync(ct);
        var needs = await db.Needs.Where(n => n.RoundId == roundId && n.PersonId == personId).ToListAsync(ct);
        var topicIds = answers.Select(a => a.TopicId).ToHashSet();
        db.Offers.RemoveRange(offers.Where(o => !topicIds.Contains(o.TopicId)));
        db.Needs.RemoveRange(needs.Where(n => !topicIds.Contains(n.TopicId)));
        foreach (var a in answers)
            Apply(roundId, personId, a, offers.FirstOrDefault(o => o.TopicId == a.TopicId), needs.FirstOrDefault(n => n.TopicId == a.TopicId), source);
        var response = await TouchResponseAsync(roundId, personId, source, userName, submit, ct);
        if (expectedVersion is { } v && db.Entry(response).State != EntityState.Added) db.Entry(response).Property(r => r.Version).OriginalValue = v;
        await db.SaveChangesAsync(ct);
        return response;
    }

    /// <summary>Marks the sheet submitted (it can still be changed until the round closes).</summary>
    private async Task WriteSubmitAsync(int roundId, int personId, AnswerSource source, string userName, CancellationToken ct)
    {
        await TouchResponseAsync(roundId, personId, source, userName, submit: true, ct);
        await db.SaveChangesAsync(ct);
    }

    private void Apply(int roundId, int personId, TopicAnswer a, Offer? offer, Need? need, AnswerSource source)
    {
        var now = db.Clock.UtcTime();
        if (a.Level is null) { if (offer is not null) db.Offers.Remove(offer); }
        else
        {
            if (offer is null) db.Offers.Add(offer = new Offer { RoundId = roundId, PersonId = personId, TopicId = a.TopicId });
            var experience = RussianText.Clean(a.Experience);
            if (offer.Level != a.Level || offer.Experience != experience || offer.Source != source) offer.UpdatedAt = now;
            (offer.Level, offer.Experience, offer.Source) = (a.Level.Value, experience, source);
        }
        if (a.Priority is null) { if (need is not null) db.Needs.Remove(need); }
        else
        {
            if (need is null) db.Needs.Add(need = new Need { RoundId = roundId, PersonId = personId, TopicId = a.TopicId });
            var comment = RussianText.Clean(a.Comment);
            if (need.Priority != a.Priority || need.Comment != comment || need.Source != source) need.UpdatedAt = now;
            (need.Priority, need.Comment, need.Source) = (a.Priority.Value, comment, source);
        }
    }

    private async Task<RoundResponse> TouchResponseAsync(int roundId, int personId, AnswerSource source, string userName, bool submit, CancellationToken ct)
    {
        var response = await db.RoundResponses.FirstOrDefaultAsync(r => r.RoundId == roundId && r.PersonId == personId, ct);
        if (response is null) db.RoundResponses.Add(response = new RoundResponse { RoundId = roundId, PersonId = personId, UpdatedBy = userName, Version = 1 });
        // Version 0 means «no sheet yet» to API clients (the ETag of an empty sheet); a stored sheet starts at 1.
        response.UpdatedAt = db.Clock.UtcTime();
        response.UpdatedBy = userName;
        response.Source = source;
        if (submit) response.SubmittedAt = response.UpdatedAt;
        return response;
    }
}
