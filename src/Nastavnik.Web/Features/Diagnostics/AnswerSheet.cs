using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Diagnostics;

/// <summary>One answer to one topic: an offer (level 1–3) and/or a need (priority 1–3); null parts are not given.</summary>
public sealed record TopicAnswer(int TopicId, int? Level, string? Experience, int? Priority, string? Comment);

/// <summary>
/// The rules of a teacher's self-assessment sheet, shared by the form and the API: who may answer for whom, when a round takes
/// answers, what an answer may contain, and how it is written (per topic, or the whole sheet at once).
/// </summary>
public static class AnswerSheet
{
    public const int MaxText = 500;

    public static readonly string[] LevelWords = ["", "владею, могу поделиться опытом", "уверенно применяю, могу научить коллег", "эксперт, могу вести группу или семинар"];
    public static readonly string[] PriorityWords = ["", "желательно", "важно", "срочно"];

    public static bool IsManager(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Curator);

    /// <summary>A person answers for themself; curators and administrators may answer for anyone of their school.</summary>
    public static bool MayAnswerFor(ClaimsPrincipal user, CurrentSchool school, int personId) =>
        IsManager(user) || (personId > 0 && school.PersonId == personId);

    /// <summary>Whose answers a teacher's page works on: <see cref="Subject"/> is null when the account has no linked card.</summary>
    public sealed record Subject(Person? Person, bool OnBehalf);

    /// <summary>
    /// The signed-in teacher's own card, or with <paramref name="personId"/> a colleague's for curators and administrators
    /// (<see cref="MayAnswerFor"/>; other schools' cards are hidden by the tenant filter). Null with 403 for anyone else asking for
    /// someone else's card, with 404 for a card that does not exist.
    /// </summary>
    public static async Task<(Subject? Subject, int Refused)> SubjectAsync(AppDbContext db, ClaimsPrincipal user, int? personId, CancellationToken ct)
    {
        var own = db.School.PersonId;
        var onBehalf = personId is { } id && id != own;
        if (onBehalf && !MayAnswerFor(user, db.School, personId!.Value)) return (null, StatusCodes.Status403Forbidden);
        var subjectId = personId ?? own;
        if (subjectId <= 0) return (new Subject(null, false), 0);
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == subjectId, ct);
        return person is null ? (null, StatusCodes.Status404NotFound) : (new Subject(person, onBehalf), 0);
    }

    /// <summary>The round the form works on: the open round of the current program, else its latest (closed) one.</summary>
    public static async Task<DiagnosticsRound?> CurrentRoundAsync(AppDbContext db, CancellationToken ct)
    {
        var program = await db.CurrentProgramAsync(ct);
        if (program is null) return null;
        return await db.DiagnosticsRounds.AsNoTracking().Where(r => r.ProgramId == program.Id && r.ClosedAt == null)
            .OrderByDescending(r => r.OpenedAt).FirstOrDefaultAsync(ct) ?? await db.LatestRoundAsync(program.Id, ct);
    }

    /// <summary>Why this person takes no part in diagnostics (archived, no consent), in words for the user; null when they do.</summary>
    public static string? PersonBlock(Person person)
    {
        if (person.IsArchived) return $"{person.FullName} в архиве и не участвует в диагностике.";
        if (person.Consent != ConsentStatus.Given)
            return $"У педагога {RussianNames.Decline(person.FullName, NameCase.Genitive)} нет согласия на обработку персональных данных. Анкету можно заполнить после того, как куратор отметит согласие в карточке педагога.";
        return null;
    }

    /// <summary>Why this person cannot answer in this round now; null when they can.</summary>
    public static string? WhyNot(DiagnosticsRound round, Person person) =>
        PersonBlock(person) ?? (round.IsOpen ? null : $"Тур {RussianText.Quote(round.Title)} закрыт, ответы больше нельзя изменить.");

    /// <summary>Problems of one answer, in Russian; empty when it is fine. Topics must be active topics of the school (the query filter sees only it).</summary>
    public static async Task<List<string>> ValidateAsync(AppDbContext db, IReadOnlyCollection<TopicAnswer> answers, CancellationToken ct)
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
            if (a.Experience?.Length > MaxText) errors.Add($"{RussianText.Quote(name)}: опыт — не длиннее {MaxText} знаков, сейчас {a.Experience.Length}.");
            if (a.Comment?.Length > MaxText) errors.Add($"{RussianText.Quote(name)}: комментарий — не длиннее {MaxText} знаков, сейчас {a.Comment.Length}.");
        }
        return errors;
    }

    /// <summary>Writes one topic's answer, leaving the other topics as they are (two tabs saving different topics do not collide).</summary>
    public static async Task SaveTopicAsync(AppDbContext db, int roundId, int personId, TopicAnswer answer, AnswerSource source, string userName, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var offer = await db.Offers.FirstOrDefaultAsync(o => o.RoundId == roundId && o.PersonId == personId && o.TopicId == answer.TopicId, ct);
            var need = await db.Needs.FirstOrDefaultAsync(n => n.RoundId == roundId && n.PersonId == personId && n.TopicId == answer.TopicId, ct);
            Apply(db, roundId, personId, answer, offer, need, source);
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
    public static async Task<RoundResponse> ReplaceAsync(AppDbContext db, int roundId, int personId, IReadOnlyCollection<TopicAnswer> answers,
        bool submit, int? expectedVersion, AnswerSource source, string userName, CancellationToken ct)
    {
        var offers = await db.Offers.Where(o => o.RoundId == roundId && o.PersonId == personId).ToListAsync(ct);
        var needs = await db.Needs.Where(n => n.RoundId == roundId && n.PersonId == personId).ToListAsync(ct);
        var topicIds = answers.Select(a => a.TopicId).ToHashSet();
        db.Offers.RemoveRange(offers.Where(o => !topicIds.Contains(o.TopicId)));
        db.Needs.RemoveRange(needs.Where(n => !topicIds.Contains(n.TopicId)));
        foreach (var a in answers)
            Apply(db, roundId, personId, a, offers.FirstOrDefault(o => o.TopicId == a.TopicId), needs.FirstOrDefault(n => n.TopicId == a.TopicId), source);
        var response = await TouchResponseAsync(db, roundId, personId, source, userName, submit, ct);
        if (expectedVersion is { } v && db.Entry(response).State != EntityState.Added) db.Entry(response).Property(r => r.Version).OriginalValue = v;
        await db.SaveChangesAsync(ct);
        return response;
    }

    /// <summary>Marks the sheet submitted (it can still be changed until the round closes).</summary>
    public static async Task SubmitAsync(AppDbContext db, int roundId, int personId, AnswerSource source, string userName, CancellationToken ct)
    {
        await TouchResponseAsync(db, roundId, personId, source, userName, submit: true, ct);
        await db.SaveChangesAsync(ct);
    }

    private static void Apply(AppDbContext db, int roundId, int personId, TopicAnswer a, Offer? offer, Need? need, AnswerSource source)
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

    private static async Task<RoundResponse> TouchResponseAsync(AppDbContext db, int roundId, int personId, AnswerSource source, string userName, bool submit, CancellationToken ct)
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
