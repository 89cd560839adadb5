using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Matching;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Matching;
using Nastavnik.Web.Features.Notifications;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Pairs;

/// <summary>
/// A pair's life, by the curator (or the administrator): start it, complete it, end it early with a reason, or create one by hand with
/// the matching engine's check of capacity and conflicts. Status moves go through <see cref="PairLifecycle"/>, which writes the history.
/// A mentee left without a live pair after an early end is reported to the school's psychologists (a name and a link, never the topic).
/// Pairs are read through the privacy filters; another school's or a hidden pair is not found.
/// </summary>
public sealed class PairCommands(AppDbContext db, MatchingWorkflow matching, Notifier notifier)
{
    public const string NotFoundText = "Пара не найдена.";

    public Task<CommandResult<string>> StartAsync(int pairId, int? version, CancellationToken ct = default) =>
        MoveAsync(pairId, version, PairStatus.Active, null, null, ct);

    public Task<CommandResult<string>> CompleteAsync(int pairId, int? version, CancellationToken ct = default) =>
        MoveAsync(pairId, version, PairStatus.Completed, null, null, ct);

    /// <summary>Ends the pair early; «другое» needs a comment. Only this mentee's pair ends: the rest of a group keeps working.</summary>
    public async Task<CommandResult<string>> EndEarlyAsync(int pairId, int? version, PairEndReason reason, string? comment, CancellationToken ct = default)
    {
        comment = RussianText.Clean(comment);
        if (!Enum.IsDefined(reason)) return CommandError.Invalid("Выберите причину досрочного завершения.");
        if (reason == PairEndReason.Other && comment is null) return CommandError.Invalid("Опишите причину в комментарии: выбрано «другое».");
        if (comment is { Length: > 2000 }) return CommandError.Invalid("Комментарий длиннее 2000 символов.");
        if (InputRules.Unprintable(comment, "Комментарий") is { } bad) return bad;
        var result = await MoveAsync(pairId, version, PairStatus.EndedEarly, reason, comment, ct);
        if (result.Ok) await TellPsychologistsAsync(pairId, ct);
        return result;
    }

    /// <summary>
    /// A teacher left the school (their card moved to the archive): each of their live pairs ends early with «педагог уволился», and
    /// the psychologists hear of each mentee left with no pair. Saves; the caller's transaction holds it together with the archiving.
    /// </summary>
    public async Task<int> EndForLeaverAsync(int personId, CancellationToken ct = default)
    {
        var pairs = await db.MentoringPairs.Where(p => (p.MentorId == personId || p.MenteeId == personId)
            && (p.Status == PairStatus.Approved || p.Status == PairStatus.Active)).ToListAsync(ct);
        var now = db.Clock.UtcTime();
        foreach (var pair in pairs)
            PairLifecycle.Move(db, pair, PairStatus.EndedEarly, db.School.UserName, now, PairEndReason.TeacherLeft, "Карточка педагога перенесена в архив.");
        await db.SaveChangesAsync(ct);
        foreach (var pair in pairs.Where(p => p.MentorId == personId)) await TellPsychologistsAsync(pair.Id, ct);
        return pairs.Count;
    }

    private async Task<CommandResult<string>> MoveAsync(int pairId, int? version, PairStatus to, PairEndReason? reason, string? comment, CancellationToken ct)
    {
        if (!db.School.IsSchoolManager) return CommandError.Forbidden("Менять статус пары может куратор программы или администратор.");
        var pair = await db.MentoringPairs.FirstOrDefaultAsync(p => p.Id == pairId, ct);
        if (pair is null) return CommandError.NotFound(NotFoundText);
        if (version is { } v && v != pair.Version) return CommandError.Stale("Пару изменил другой пользователь. Обновите страницу и повторите.");
        var from = pair.Status;
        if (!PairLifecycle.Move(db, pair, to, db.School.UserName, db.Clock.UtcTime(), reason, comment))
            return CommandError.Conflict($"Пара {PairTexts.Status(from)}: перевести её в «{PairTexts.Status(to)}» нельзя.");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandError.Stale("Пару одновременно изменил другой пользователь. Обновите страницу и повторите.");
        }
        return to switch
        {
            PairStatus.Active => "Пара начала работу.",
            PairStatus.Completed => "Работа пары завершена.",
            _ => "Пара завершена досрочно.",
        };
    }

    /// <summary>Every psychologist of the school hears of a mentee with no live pair left in the program (ADR-004: no topic).</summary>
    private async Task TellPsychologistsAsync(int pairId, CancellationToken ct)
    {
        var pair = await db.MentoringPairs.AsNoTracking().Where(p => p.Id == pairId)
            .Select(p => new { p.Id, p.SchoolId, p.ProgramId, p.MenteeId, p.Mentee!.LastName, p.Mentee.FirstName, p.Mentee.MiddleName }).FirstAsync(ct);
        if (await db.MentoringPairs.AnyAsync(p => p.ProgramId == pair.ProgramId && p.MenteeId == pair.MenteeId
                && (p.Status == PairStatus.Approved || p.Status == PairStatus.Active), ct)) return;
        var psychologists = await (from u in db.Users
                                   where u.SchoolId == pair.SchoolId
                                   join ur in db.UserRoles on u.Id equals ur.UserId
                                   join r in db.Roles on ur.RoleId equals r.Id
                                   where r.Name == Roles.Psychologist
                                   select u.Id).Distinct().ToListAsync(ct);
        var name = PersonName.Full(pair.LastName, pair.FirstName, pair.MiddleName);
        await notifier.NotifyAsync(psychologists.Select(u => new NewNotification(pair.SchoolId, u, NotificationKinds.MenteeWithoutPair,
            "Наставляемый остался без пары", $"{name}: пара с наставником завершена досрочно, другой пары у коллеги сейчас нет. Предложите поддержку.",
            "/", DedupKey: "mentee-without-pair:" + pair.Id.ToString(CultureInfo.InvariantCulture))), ct);
    }

    /// <summary>
    /// A pair created by hand for one of the mentee's open needs of the round: the engine checks it as a curator's lock against the
    /// capacities left by the live pairs and the curator's rejections; a lock it cannot honour is refused with its reason.
    /// </summary>
    public async Task<CommandResult<MentoringPair>> CreateAsync(int programId, int menteeId, int topicId, int mentorId, CancellationToken ct = default)
    {
        if (!db.School.IsSchoolManager) return CommandError.Forbidden("Создать пару может куратор программы или администратор.");
        var (program, _, input) = await matching.InputAsync(programId, ct);
        if (program is null) return CommandError.NotFound("Программа не найдена.");
        if (input is null) return CommandError.Invalid("В программе ещё нет тура диагностики: пару подбирают по дефициту педагога.");
        var mentee = input.People.FirstOrDefault(p => p.PersonId == menteeId);
        var mentor = input.People.FirstOrDefault(p => p.PersonId == mentorId);
        var topic = input.Topics.FirstOrDefault(t => t.TopicId == topicId);
        if (mentee is null || mentor is null || topic is null)
            return CommandError.NotFound("Педагог или тема не найдены среди участников подбора (педагог в архиве или без согласия?).");
        var live = await PairsAtWork.LiveAsync(db, program.Id, ct);
        if (live.FirstOrDefault(l => l.Mentee == menteeId && l.Topic == topicId) is { Mentor: > 0 } existing)
            return CommandError.Conflict($"У педагога {RussianNames.Decline(mentee.FullName, NameCase.Genitive)} уже есть пара по теме {RussianText.Quote(topic.Name)}"
                + (existing.Mentor == mentorId ? " с этим наставником." : ": сначала завершите её."));
        var problem = PairsAtWork.Reduce(input, live);
        var rejected = await db.MatchDecisions.AsNoTracking().AnyAsync(d => d.ProgramId == program.Id && d.Kind == MatchDecisionKind.Reject
            && d.MenteeId == menteeId && d.TopicId == topicId && d.MentorId == mentorId, ct);
        var check = MatchingEngine.Solve(problem with
        {
            Needs = problem.Needs.Where(n => n.Mentee == mentee.EngineId && n.Topic == topic.EngineId).ToList(),
            Preferences = [],
            Locks = [new CuratorLock(mentee.EngineId, topic.EngineId, mentor.EngineId)],
            Conflicts = rejected ? [new Conflict(mentee.EngineId, mentor.EngineId, topic.EngineId)] : [],
        });
        if (check.LockIssues is [var issue, ..])
            return CommandError.Invalid("Пару создать нельзя. " + MatchingTexts.LockIssue(
                new StoredLockIssue(issue.Kind, menteeId, topicId, mentorId, issue.Limit), id => input.People.First(p => p.PersonId == id).FullName, _ => topic.Name));
        var pair = new MentoringPair
        {
            SchoolId = program.SchoolId, ProgramId = program.Id, MentorId = mentorId, MenteeId = menteeId, TopicId = topicId,
            ApprovedAt = db.Clock.UtcTime(), ApprovedBy = db.School.UserName, Manual = true,
        };
        db.MentoringPairs.Add(pair);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return CommandError.Conflict("Пару по этой теме для этого педагога одновременно создал другой пользователь. Обновите страницу.");
        }
        return pair;
    }
}
