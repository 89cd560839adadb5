using Microsoft.EntityFrameworkCore;
using Nastavnik.Matching;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Matching;

/// <summary>A solve of a program's latest round with the curator's decisions, not stored (yet).</summary>
public sealed record MatchingSolution(
    MentoringProgram Program, DiagnosticsRound Round, ProgramMatchingInput Input, MatchingResult Result, bool Stable,
    IReadOnlyList<ProposedAssignment> Assignments, IReadOnlyList<StoredLockIssue> LockIssues, IReadOnlyList<MatchDecision> Decisions,
    TimeSpan ReadTime, TimeSpan SolveTime)
{
    /// <summary>The rows as the page would show them right after storing this solve as a run.</summary>
    public IReadOnlyList<ProposalRow> Rows => Proposal.Apply(Assignments, Decisions);

    /// <summary>The needs the engine matched: all of the round's, or once pairs are at work those without a live pair (<see cref="PairsAtWork"/>).</summary>
    public int NeedsOpen { get; init; }
}

public enum ApprovalOutcome { Approved, Unchanged, NeedsConfirmation }

/// <summary>What «Утвердить пары» did, with its Russian message; <see cref="Formation"/> of the proposal it approved or would approve.</summary>
public sealed record Approval(ApprovalOutcome Outcome, Formation Formation, string Message);

/// <summary>
/// The curator's matching of a program, in one place for the page and the command line: solve the latest round with the curator's
/// locks and rejections, store a run, lock, reject or clear a row, move a need to another mentor, approve exactly the proposal the
/// curator sees (<see cref="Proposal.Pairs"/>). Programs, runs and decisions are read through the tenant filters, so another school's
/// program is not found; the command line has no tenant and sees every program.
/// </summary>
public sealed class MatchingWorkflow(AppDbContext db, TimeProvider time)
{
    public Task<(MentoringProgram? Program, DiagnosticsRound? Round, ProgramMatchingInput? Input)> InputAsync(int programId, CancellationToken ct = default) =>
        ProgramMatchingInput.BuildAsync(db, programId, time, ct);

    /// <summary>Solves the latest round with the curator's locks and rejections; stores nothing (the command line prints it).</summary>
    public async Task<CommandResult<MatchingSolution>> SolveAsync(int programId, bool stable, CancellationToken ct = default)
    {
        var start = time.GetTimestamp();
        var (program, round, input) = await InputAsync(programId, ct);
        if (program is null) return CommandError.NotFound($"Программа с id {programId} не найдена.");
        if (round is null || input is null)
            return CommandError.NotFound($"В программе {RussianText.Quote(program.Name)} ещё нет тура диагностики: откройте тур в разделе «Диагностика».");
        var decisions = await DecisionsAsync(program.Id, ct);
        var atWork = await PairsAtWork.AnyAsync(db, program.Id, ct);
        var problem = atWork ? PairsAtWork.Reduce(input, await PairsAtWork.LiveAsync(db, program.Id, ct)) : input.Problem;
        var open = problem.Needs.Select(n => (n.Mentee, n.Topic)).ToHashSet();
        var read = time.GetElapsedTime(start);

        var person = input.People.ToDictionary(p => p.PersonId, p => p.EngineId);
        var topic = input.Topics.ToDictionary(t => t.TopicId, t => t.EngineId);
        var locks = new List<CuratorLock>();
        var conflicts = new List<Conflict>();
        var issues = new List<StoredLockIssue>();
        foreach (var d in decisions)
        {
            if (!person.TryGetValue(d.MenteeId, out var e) || !person.TryGetValue(d.MentorId, out var m) || !topic.TryGetValue(d.TopicId, out var t))
            {
                // A teacher archived or without consent since: the lock cannot be kept (a rejection has nothing left to exclude).
                if (d.Kind == MatchDecisionKind.Lock) issues.Add(new StoredLockIssue(LockIssueKind.UnknownReference, d.MenteeId, d.TopicId, d.MentorId));
                continue;
            }
            // A rejection removes only this (mentee, topic, mentor): the mentor may still be proposed to the mentee on other topics.
            if (d.Kind == MatchDecisionKind.Reject) conflicts.Add(new Conflict(e, m, t));
            else if (!atWork || open.Contains((e, t))) locks.Add(new CuratorLock(e, t, m));
        }
        var settings = MatchingSettings.Default with { Mode = stable ? MatchingMode.Stable : MatchingMode.Optimal };
        var result = MatchingEngine.Solve(problem with { Locks = locks, Conflicts = conflicts }, settings);
        var assignments = result.Assignments.Select(a => new ProposedAssignment(
            input.Person(a.Mentee).PersonId, input.Person(a.Mentor).PersonId, input.Topic(a.Topic).TopicId, a.Score.Total, a.NeedPriority,
            a.Reverse, a.MentorLevel, a.PreferenceRank, a.SameSchool, a.ReverseDigital, a.Locked)).ToList();
        issues.AddRange(result.LockIssues.Select(i => new StoredLockIssue(i.Kind, input.Person(i.Lock.Mentee).PersonId,
            input.Topic(i.Lock.Topic).TopicId, input.Person(i.Lock.Mentor).PersonId, i.Limit)));
        return new MatchingSolution(program, round, input, result, stable, assignments, issues, decisions, read,
            time.GetElapsedTime(start) - read)
        { NeedsOpen = problem.Needs.Count };
    }

    /// <summary>«Подобрать пары»: solves with the curator's decisions and stores the proposal as the program's latest run.</summary>
    public async Task<CommandResult<MatchingRun>> RunAsync(int programId, bool stable, string user, CancellationToken ct = default)
    {
        var solved = await SolveAsync(programId, stable, ct);
        if (solved.Value is not { } s) return solved.Error!;
        if (s.Input.Problem.Needs.Count == 0)
            return CommandError.Invalid($"Педагоги ещё не отметили дефициты в туре {RussianText.Quote(s.Round.Title)}: подбирать нечего.");
        if (s.NeedsOpen == 0)
            return CommandError.Invalid("У каждого дефицита уже есть работающая пара: подбирать нечего. Пару для отдельного педагога можно создать вручную в разделе «Пары».");
        var run = new MatchingRun
        {
            SchoolId = s.Program.SchoolId, ProgramId = s.Program.Id, RoundId = s.Round.Id,
            Mode = stable ? MatchingRunMode.Stable : MatchingRunMode.Optimal, CreatedAt = Now, CreatedBy = user,
            Objective = s.Result.Objective, NeedsServed = s.Result.NeedsServed, NeedsTotal = s.NeedsOpen,
            AssignmentsJson = MatchingRunJson.Write(s.Assignments), LockIssuesJson = MatchingRunJson.Write(s.LockIssues),
        };
        db.MatchingRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return run;
    }

    /// <summary>The latest run with the curator's decisions applied; null when the program (visible to the caller) has none.</summary>
    public async Task<Proposal?> ProposalAsync(int programId, CancellationToken ct = default)
    {
        var run = await db.MatchingRuns.AsNoTracking().Where(r => r.ProgramId == programId).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (run is null) return null;
        var decisions = await DecisionsAsync(programId, ct);
        return new Proposal(run, Proposal.Apply(MatchingRunJson.Assignments(run), decisions), decisions);
    }

    /// <summary>
    /// Locks (<paramref name="kind"/> Lock), rejects (Reject) or clears (null) the curator's decision on (mentee, topic, mentor). A new
    /// decision replaces what was decided on this mentee's topic with this mentor; a lock also replaces any other mentor's lock of the need.
    /// </summary>
    public async Task<CommandResult<string>> DecideAsync(
        int programId, int menteeId, int topicId, int mentorId, MatchDecisionKind? kind, string user, CancellationToken ct = default)
    {
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return CommandError.NotFound("Программа не найдена.");
        var people = await db.People.Where(p => p.Id == menteeId || p.Id == mentorId).CountAsync(ct);
        if (people != (menteeId == mentorId ? 1 : 2) || !await db.Topics.AnyAsync(t => t.Id == topicId, ct))
            return CommandError.NotFound("Педагог или тема не найдены.");
        var existing = await db.MatchDecisions.Where(d => d.ProgramId == program.Id && d.MenteeId == menteeId && d.TopicId == topicId
            && (d.MentorId == mentorId || d.Kind == MatchDecisionKind.Lock)).ToListAsync(ct);
        db.MatchDecisions.RemoveRange(existing.Where(d => kind == MatchDecisionKind.Lock || d.MentorId == mentorId));
        if (kind is { } k) db.MatchDecisions.Add(Decision(program, menteeId, topicId, mentorId, k, user));
        if (await SaveAsync(ct) is { } conflict) return conflict;
        return kind switch
        {
            MatchDecisionKind.Lock => "Пара закреплена: при повторном подборе она сохранится.",
            MatchDecisionKind.Reject => "Пара отклонена: при повторном подборе этот наставник не будет предложен этому педагогу по этой теме (по другим темам — может).",
            _ => "Решение по паре снято.",
        };
    }

    /// <summary>
    /// Moves a mentee's topic to another mentor who offers it in the round: a Lock on (mentee, topic, new mentor) that replaces other
    /// locks of the need and a rejection of that mentor. The message warns when the new mentor is already as loaded as their capacity.
    /// </summary>
    public async Task<CommandResult<string>> TransferAsync(
        int programId, int menteeId, int topicId, int newMentorId, string user, CancellationToken ct = default)
    {
        var (program, _, input) = await InputAsync(programId, ct);
        var mentor = input?.People.FirstOrDefault(p => p.PersonId == newMentorId);
        var topic = input?.Topics.FirstOrDefault(t => t.TopicId == topicId);
        var mentee = input?.People.FirstOrDefault(p => p.PersonId == menteeId);
        if (program is null || input is null || mentor is null || topic is null || mentee is null)
            return CommandError.NotFound("Программа, педагог или тема не найдены.");
        var offer = input.Problem.Offers.FirstOrDefault(o => o.Mentor == mentor.EngineId && o.Topic == topic.EngineId);
        if (offer is null || mentor.PersonId == menteeId)
            return CommandError.Invalid($"{mentor.FullName} не предлагает тему {RussianText.Quote(topic.Name)}: выберите наставника из списка.");
        var stale = await db.MatchDecisions.Where(d => d.ProgramId == program.Id && d.MenteeId == menteeId && d.TopicId == topicId
            && (d.Kind == MatchDecisionKind.Lock || d.MentorId == newMentorId)).ToListAsync(ct);
        db.MatchDecisions.RemoveRange(stale);
        db.MatchDecisions.Add(Decision(program, menteeId, topicId, newMentorId, MatchDecisionKind.Lock, user));
        if (await SaveAsync(ct) is { } conflict) return conflict;

        var others = (await ProposalAsync(program.Id, ct))?.Pairs.Where(p => p.Mentor == newMentorId && !(p.Mentee == menteeId && p.Topic == topicId)).ToList() ?? [];
        var load = others.Count;
        var onTopic = others.Count(p => p.Topic == topicId);
        var capacity = input.Problem.Participants[mentor.EngineId].MentorCapacity;
        var message = $"Тема {RussianText.Quote(topic.Name)} педагога {RussianNames.Decline(mentee.FullName, NameCase.Genitive)} передана наставнику {RussianNames.Decline(mentor.FullName, NameCase.Dative)} и закреплена. Нажмите «Подобрать заново», чтобы пересчитать остальные пары.";
        if (load >= capacity || onTopic >= offer.Capacity)
            message += $" Внимание: у наставника уже {RussianText.Plural(load, "назначение", "назначения", "назначений")} при вместимости {capacity}"
                + (onTopic >= offer.Capacity ? $" и {RussianText.Plural(onTopic, "наставляемый", "наставляемых", "наставляемых")} по этой теме при вместимости {offer.Capacity}" : "")
                + $": при повторном подборе {RussianNames.ByGender(mentor.FullName, "его", "её")} другие незакреплённые пары перейдут к другим наставникам.";
        return message;
    }

    /// <summary>
    /// «Утвердить пары»: replaces the program's approved pairs with <see cref="Proposal.Pairs"/> of run <paramref name="runId"/>, which
    /// must still be the latest (else Stale). Replacing approved pairs that differ needs <paramref name="confirm"/>; the same pairs
    /// again change nothing; a concurrent approval that wins the race gives Conflict.
    /// </summary>
    public async Task<CommandResult<Approval>> ApproveAsync(int programId, int runId, bool confirm, string user, CancellationToken ct = default)
    {
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return CommandError.NotFound("Программа не найдена.");
        var proposal = await ProposalAsync(program.Id, ct);
        if (proposal is null) return CommandError.NotFound("Подбора ещё не было: подберите пары.");
        if (proposal.Run.Id != runId)
            return CommandError.Stale("Пока вы смотрели страницу, пары подобрали заново. Проверьте новый подбор и утвердите его.");
        var pairs = proposal.Pairs;
        if (pairs.Count == 0) return CommandError.Invalid("В подборе нет пар для утверждения: все строки отклонены.");
        var formation = Formation.Of(pairs);
        if (await PairsAtWork.AnyAsync(db, program.Id, ct)) return await AddAsync(program, pairs, user, ct);
        var current = await db.MentoringPairs.Where(p => p.ProgramId == program.Id).ToListAsync(ct);
        if (current.Count > 0 && current.Select(p => (p.MentorId, p.MenteeId, p.TopicId)).ToHashSet().SetEquals(pairs) && current.Count == pairs.Count)
            return new Approval(ApprovalOutcome.Unchanged, formation, "Эти пары уже утверждены, изменений нет.");
        if (current.Count > 0 && !confirm)
            return new Approval(ApprovalOutcome.NeedsConfirmation, formation,
                $"В программе уже утверждено: {Formation.Of(current.Select(p => (p.MentorId, p.MenteeId, p.TopicId))).Text}. Заменить их все парами и группами этого подбора?");
        db.MentoringPairs.RemoveRange(current);
        var now = Now;
        db.MentoringPairs.AddRange(pairs.Select(p => new MentoringPair
        {
            SchoolId = program.SchoolId, ProgramId = program.Id, MentorId = p.Mentor, MenteeId = p.Mentee, TopicId = p.Topic,
            ApprovedAt = now, ApprovedBy = user,
        }));
        if (await SaveAsync(ct) is not null)
            return CommandError.Conflict("Пары одновременно утвердил другой пользователь. Проверьте утверждённые пары ниже.");
        return new Approval(ApprovalOutcome.Approved, formation, $"Пары утверждены: {formation.Text}.");
    }

    /// <summary>Approval once pairs are at work: adds the proposal's pairs whose need has no live pair; deletes nothing.</summary>
    private async Task<CommandResult<Approval>> AddAsync(MentoringProgram program, IReadOnlyList<(int Mentor, int Mentee, int Topic)> pairs, string user, CancellationToken ct)
    {
        var live = (await PairsAtWork.LiveAsync(db, program.Id, ct)).Select(p => (p.Mentee, p.Topic)).ToHashSet();
        var added = pairs.Where(p => !live.Contains((p.Mentee, p.Topic))).ToList();
        var formation = Formation.Of(added);
        if (added.Count == 0)
            return new Approval(ApprovalOutcome.Unchanged, formation, "Новых пар в подборе нет: у этих дефицитов уже есть работающие пары.");
        var now = Now;
        db.MentoringPairs.AddRange(added.Select(p => new MentoringPair
        {
            SchoolId = program.SchoolId, ProgramId = program.Id, MentorId = p.Mentor, MenteeId = p.Mentee, TopicId = p.Topic,
            ApprovedAt = now, ApprovedBy = user,
        }));
        if (await SaveAsync(ct) is not null)
            return CommandError.Conflict("Пары одновременно утвердил другой пользователь. Проверьте утверждённые пары ниже.");
        return new Approval(ApprovalOutcome.Approved, formation,
            $"Пары утверждены: добавлено {formation.Text}. Работающие пары и их история сохранены.");
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private Task<List<MatchDecision>> DecisionsAsync(int programId, CancellationToken ct) =>
        db.MatchDecisions.AsNoTracking().Where(d => d.ProgramId == programId).OrderBy(d => d.Id).ToListAsync(ct);

    private MatchDecision Decision(MentoringProgram program, int menteeId, int topicId, int mentorId, MatchDecisionKind kind, string user) => new()
    {
        SchoolId = program.SchoolId, ProgramId = program.Id, MenteeId = menteeId, TopicId = topicId, MentorId = mentorId,
        Kind = kind, CreatedAt = Now, CreatedBy = user,
    };

    /// <summary>Saves; a write that lost a race with another user's (a unique index, a row already gone) is a Conflict, nothing saved.</summary>
    private async Task<CommandError?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return CommandError.Conflict("Решения по подбору одновременно изменил другой пользователь. Обновите страницу и повторите.");
        }
    }
}
