using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Plans;

/// <summary>
/// Every change of an individual plan (ИОМ), for the pages, the API and the reminders' links alike: the plan of a pair's mentee, its
/// goals and tasks with their results and files, the mentor's acceptance, the corrections kept for each change, the curator's templates
/// and the pairs' quarterly reports. What a user sees is decided by the privacy filters (AppDbContext.PairPrivacy); here are the rules
/// of changing: the pair's people and the managers edit, an ended pair's tasks stay as they were, a deadline lies within the program.
/// </summary>
public sealed partial class PlanCommands(AppDbContext db)
{
    public const string PairNotFound = "Пара не найдена.";
    public const string PlanNotFound = "План не найден.";
    public const string PairEnded = "Пара завершила работу: её цели и задачи больше не меняются.";

    /// <summary>
    /// The plan of the pair's mentee in the pair's program, created on the first open by the pair's mentee or mentor or a manager.
    /// A mentor whose pair ended early no longer opens it.
    /// </summary>
    public async Task<CommandResult<int>> OpenForPairAsync(int pairId, CancellationToken ct)
    {
        var pair = await db.MentoringPairs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pairId, ct);
        if (pair is null) return CommandError.NotFound(PairNotFound);
        var existing = await PlanIdAsync(pair, ct);
        if (existing is { } id) return id;
        var me = db.School.PersonId;
        var mayCreate = db.School.IsSchoolManager || pair.MenteeId == me || (pair.MentorId == me && pair.Status != PairStatus.EndedEarly);
        if (!mayCreate) return CommandError.NotFound(PlanNotFound);
        var plan = new DevelopmentPlan { ProgramId = pair.ProgramId, MenteeId = pair.MenteeId, CreatedAt = db.Clock.UtcTime() };
        db.DevelopmentPlans.Add(plan);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Both people of the pair opened it at once: the other request created it.
            db.ChangeTracker.Clear();
            if (await PlanIdAsync(pair, ct) is { } other) return other;
            throw;
        }
        return plan.Id;
    }

    private Task<int?> PlanIdAsync(MentoringPair pair, CancellationToken ct) => db.DevelopmentPlans
        .Where(p => p.ProgramId == pair.ProgramId && p.MenteeId == pair.MenteeId).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);

    /// <summary>Adds a goal for one pair of the plan (its topic), optionally with the tasks of the curator's template of that topic.</summary>
    public async Task<CommandResult<PlanGoal>> AddGoalAsync(int planId, PlanGoalInput input, CancellationToken ct)
    {
        if (InputRules.Check(input, db.Clock, "Цель не добавлена.") is { } invalid) return invalid;
        var plan = await db.DevelopmentPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return CommandError.NotFound(PlanNotFound);
        var (pair, refused) = await PairToEditAsync(input.PairId, ct);
        if (refused is not null) return refused;
        if (pair!.ProgramId != plan.ProgramId || pair.MenteeId != plan.MenteeId) return CommandError.NotFound(PairNotFound);

        PlanTemplate? template = null;
        if (input.TemplateId is { } templateId)
        {
            template = await db.PlanTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId && t.TopicId == pair.TopicId, ct);
            if (template is null) return CommandError.Invalid("Цель не добавлена.", "Выберите шаблон темы этой пары.");
        }
        var text = RussianText.Clean(input.Text) ?? template?.Title;
        if (string.IsNullOrWhiteSpace(text)) return CommandError.Invalid("Цель не добавлена.", "Напишите цель или выберите шаблон.");

        var goal = new PlanGoal { PlanId = planId, PairId = pair.Id, TopicId = pair.TopicId, Text = text };
        db.PlanGoals.Add(goal);
        Correct(plan.Id, pair.Id, null, $"Добавлена цель {RussianText.Quote(text)}.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (template is not null)
        {
            await ApplyTemplateAsync(plan, pair, goal, template, ct);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return goal;
    }

    /// <summary>Changes a goal's text, unless someone changed the goal since version <paramref name="expectedVersion"/>.</summary>
    public async Task<CommandResult<PlanGoal>> UpdateGoalAsync(int goalId, string? text, int expectedVersion, CancellationToken ct)
    {
        var goal = await db.PlanGoals.FirstOrDefaultAsync(g => g.Id == goalId, ct);
        if (goal is null) return CommandError.NotFound("Цель не найдена.");
        var (_, refused) = await PairToEditAsync(goal.PairId, ct);
        if (refused is not null) return refused;
        var clean = RussianText.Clean(text);
        if (string.IsNullOrWhiteSpace(clean)) return CommandError.Invalid("Цель не сохранена.", "Напишите цель.");
        if (clean.Length > 2000) return CommandError.Invalid("Цель не сохранена.", "Цель длиннее 2000 символов.");
        db.Entry(goal).Property(g => g.Version).OriginalValue = expectedVersion;
        if (goal.Text == clean) return goal;
        Correct(goal.PlanId, goal.PairId, null, $"Цель {RussianText.Quote(goal.Text)} изменена: {RussianText.Quote(clean)}.");
        goal.Text = clean;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return StaleGoal; }
        return goal;
    }

    private static CommandError StaleGoal => new(ErrorKind.Stale, "Пока вы редактировали цель, её изменил другой участник пары.",
        ["Ваш текст не сохранён, он остался в форме: сверьте его с сохранённым и сохраните ещё раз."]);

    /// <summary>
    /// The pair, when the signed-in user may change its plan: one of the pair (a pair they cannot see is not found) or a manager, and
    /// the pair still works.
    /// </summary>
    private async Task<(MentoringPair? Pair, CommandError? Refused)> PairToEditAsync(int pairId, CancellationToken ct)
    {
        var pair = await db.MentoringPairs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pairId, ct);
        if (pair is null) return (null, CommandError.NotFound(PairNotFound));
        var me = db.School.PersonId;
        if (!db.School.IsSchoolManager && pair.MentorId != me && pair.MenteeId != me)
            return (null, CommandError.Forbidden("План меняют наставник и наставляемый этой пары, куратор и администрация."));
        if (!pair.IsLive) return (null, CommandError.Conflict(PairEnded));
        return (pair, null);
    }

    /// <summary>Keeps one correction of the plan with who and when; saved with the change it describes.</summary>
    private void Correct(int planId, int pairId, PlanTask? task, string what) => db.PlanCorrections.Add(new PlanCorrection
    {
        PlanId = planId, PairId = pairId, TaskId = task is { Id: > 0 } ? task.Id : null, At = db.Clock.UtcTime(), By = db.School.UserName, What = what,
    });

    /// <summary>A deadline within the program's period, or the Russian refusal naming the period.</summary>
    private async Task<string?> DeadlineProblemAsync(int programId, DateOnly? due, CancellationToken ct)
    {
        if (due is not { } d) return null;
        var period = await db.Programs.Where(p => p.Id == programId).Select(p => new { p.StartDate, p.EndDate }).FirstOrDefaultAsync(ct);
        return period is not null && (d < period.StartDate || d > period.EndDate)
            ? $"Срок {RussianText.Date(d)} вне периода программы: выберите дату с {RussianText.Date(period.StartDate)} по {RussianText.Date(period.EndDate)}."
            : null;
    }
}
