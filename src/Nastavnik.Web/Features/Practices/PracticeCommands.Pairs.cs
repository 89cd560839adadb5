using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Practices;

/// <summary>A completed pair publishes its case: the draft prefilled from the pair and the rule of who may publish it.</summary>
public sealed partial class PracticeCommands
{
    /// <summary>
    /// The draft of a completed pair's case for its mentor or mentee: a case in the pair's topic, the plan's goals and the results of
    /// its done tasks, for the author to edit before saving. It names no one and carries nothing of the mentee's needs or survey
    /// answers (their comments, ratings): only what the pair wrote into its plan.
    /// </summary>
    public async Task<CommandResult<PracticeInput>> DraftFromPairAsync(int pairId, CancellationToken ct)
    {
        if (await PairProblemAsync(pairId, ct) is { } error) return error;
        var pair = await db.MentoringPairs.AsNoTracking().Where(p => p.Id == pairId)
            .Select(p => new { p.TopicId, Topic = p.Topic!.Name }).FirstAsync(ct);
        var goals = await db.PlanGoals.AsNoTracking().Where(g => g.PairId == pairId).OrderBy(g => g.Id).Select(g => g.Text).ToListAsync(ct);
        var results = await db.PlanTasks.AsNoTracking().Where(t => t.PairId == pairId && t.Status == PlanTaskStatus.Done)
            .OrderBy(t => t.DueOn).ThenBy(t => t.Id).Select(t => new { t.Title, t.ResultText }).ToListAsync(ct);
        var text = new List<string>();
        if (goals.Count > 0) text.Add("Цели:\n" + string.Join("\n", goals.Select(g => "— " + g)));
        if (results.Count > 0)
            text.Add("Результаты:\n" + string.Join("\n", results.Select(r => "— " + r.Title + (string.IsNullOrWhiteSpace(r.ResultText) ? "" : ": " + r.ResultText.Trim()))));
        return new PracticeInput
        {
            Kind = PracticeKind.Case, Title = $"Кейс наставнической пары: {pair.Topic}", TopicId = pair.TopicId,
            Description = text.Count == 0 ? null : string.Join("\n\n", text), Tags = "кейс пары", PairId = pairId,
        };
    }

    /// <summary>Only the mentor or the mentee of a completed pair publishes its case; another's pair or a guessed id is «not found».</summary>
    public async Task<CommandError?> PairProblemAsync(int pairId, CancellationToken ct)
    {
        var me = db.School.PersonId;
        var pair = await db.MentoringPairs.AsNoTracking().Where(p => p.Id == pairId && (p.MentorId == me || p.MenteeId == me))
            .Select(p => new { p.Status }).FirstOrDefaultAsync(ct);
        if (pair is null) return CommandError.NotFound("Пара не найдена среди ваших.");
        return pair.Status == PairStatus.Completed ? null
            : CommandError.Invalid("Опубликовать кейс можно, когда пара завершила работу.");
    }
}
