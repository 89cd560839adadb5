using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Portfolio;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Plans;

public sealed partial class PlanCommands
{
    public const string TaskNotFound = "Задача не найдена.";

    /// <summary>Adds a task to the plan for one pair (the goal's pair when a goal is given), with its files.</summary>
    public async Task<CommandResult<PlanTask>> AddTaskAsync(int planId, PlanTaskInput input, IReadOnlyList<FileUpload> uploads, CancellationToken ct)
    {
        if (InputRules.Check(input, db.Clock, "Задача не добавлена.") is { } invalid) return invalid;
        var plan = await db.DevelopmentPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return CommandError.NotFound(PlanNotFound);
        if (input.GoalId is { } goalId)
        {
            var goalPair = await db.PlanGoals.Where(g => g.Id == goalId && g.PlanId == planId).Select(g => (int?)g.PairId).FirstOrDefaultAsync(ct);
            if (goalPair is null) return CommandError.Invalid("Задача не добавлена.", "Выберите цель этого плана.");
            input.PairId = goalPair.Value;
        }
        var (pair, refused) = await PairToEditAsync(input.PairId, ct);
        if (refused is not null) return refused;
        if (pair!.ProgramId != plan.ProgramId || pair.MenteeId != plan.MenteeId) return CommandError.NotFound(PairNotFound);
        if (await TaskProblemsAsync(pair, input, 0, uploads, ct) is { } problems) return CommandError.Invalid("Задача не добавлена.", problems);

        var task = new PlanTask { PlanId = planId, PairId = pair.Id, Title = "" };
        Apply(input, task);
        db.PlanTasks.Add(task);
        // The task's id first, for its correction and files; both saves are one change.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        Correct(planId, pair.Id, task, $"Добавлена задача {RussianText.Quote(task.Title)}: выполняет {PlanLabels.Owner(task.Owner)}, срок {RussianText.Date(task.DueOn)}.");
        await AttachAsync(task, uploads, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return task;
    }

    /// <summary>
    /// Changes a task (deadline, owner, status, result, files), keeping a correction for each change, unless someone changed the task
    /// since version <paramref name="expectedVersion"/> (the form's field, the API's If-Match).
    /// </summary>
    public async Task<CommandResult<PlanTask>> UpdateTaskAsync(int taskId, PlanTaskInput input, int expectedVersion, IReadOnlyList<FileUpload> uploads,
        CancellationToken ct)
    {
        if (InputRules.Check(input, db.Clock, "Задача не сохранена.") is { } invalid) return invalid;
        var task = await db.PlanTasks.FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null) return CommandError.NotFound(TaskNotFound);
        var (pair, refused) = await PairToEditAsync(task.PairId, ct);
        if (refused is not null) return refused;
        if (input.GoalId is { } goalId && !await db.PlanGoals.AnyAsync(g => g.Id == goalId && g.PairId == task.PairId, ct))
            return CommandError.Invalid("Задача не сохранена.", "Выберите цель этой пары.");
        var kept = await db.PlanTaskFiles.CountAsync(f => f.TaskId == taskId, ct);
        var due = task.DueOn == input.DueOn ? null : input.DueOn; // a deadline kept as it was stays valid
        if (await TaskProblemsAsync(pair!, new PlanTaskInput { DueOn = due }, kept, uploads, ct) is { } problems)
            return CommandError.Invalid("Задача не сохранена.", problems);

        db.Entry(task).Property(t => t.Version).OriginalValue = expectedVersion;
        foreach (var what in Changes(task, input)) Correct(task.PlanId, task.PairId, task, what);
        Apply(input, task);
        await AttachAsync(task, uploads, ct);
        // A version bump even when only files change, so a parallel edit of the same task is noticed.
        db.Entry(task).Property(t => t.Title).IsModified = true;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return StaleTask; }
        return task;
    }

    /// <summary>The pair's mentor accepts a done task (the mentee's «ждёт принятия» ends).</summary>
    public async Task<CommandResult<PlanTask>> AcceptTaskAsync(int taskId, int expectedVersion, CancellationToken ct)
    {
        var task = await db.PlanTasks.FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null) return CommandError.NotFound(TaskNotFound);
        var (pair, refused) = await PairToEditAsync(task.PairId, ct);
        if (refused is not null) return refused;
        if (pair!.MentorId != db.School.PersonId) return CommandError.Forbidden("Выполненную задачу принимает наставник пары.");
        if (task.Status != PlanTaskStatus.Done) return CommandError.Conflict("Принять можно только выполненную задачу.");
        if (task.AcceptedAt is not null) return task;
        db.Entry(task).Property(t => t.Version).OriginalValue = expectedVersion;
        task.AcceptedAt = db.Clock.UtcTime();
        task.AcceptedBy = db.School.UserName;
        Correct(task.PlanId, task.PairId, task, $"Задача {RussianText.Quote(task.Title)} принята наставником.");
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return StaleTask; }
        return task;
    }

    /// <summary>Attaches files to a task as evidence (checked by type and size like the portfolio's).</summary>
    public async Task<CommandResult<PlanTask>> AddFilesAsync(int taskId, IReadOnlyList<FileUpload> uploads, CancellationToken ct)
    {
        var task = await db.PlanTasks.FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null) return CommandError.NotFound(TaskNotFound);
        var (pair, refused) = await PairToEditAsync(task.PairId, ct);
        if (refused is not null) return refused;
        if (uploads.Count == 0) return CommandError.Invalid("Файл не приложен.", "Выберите файл.");
        var kept = await db.PlanTaskFiles.CountAsync(f => f.TaskId == taskId, ct);
        if (await TaskProblemsAsync(pair!, new PlanTaskInput(), kept, uploads, ct) is { } problems) return CommandError.Invalid("Файл не приложен.", problems);
        await AttachAsync(task, uploads, ct);
        db.Entry(task).Property(t => t.Title).IsModified = true;
        await db.SaveChangesAsync(ct);
        return task;
    }

    private static CommandError StaleTask => new(ErrorKind.Stale, "Пока вы редактировали задачу, её изменил другой участник пары.",
        ["Ваши изменения не сохранены, они остались в форме: сверьте их с сохранённой задачей и сохраните ещё раз."]);

    private async Task<List<string>?> TaskProblemsAsync(MentoringPair pair, PlanTaskInput input, int keptFiles, IReadOnlyList<FileUpload> uploads, CancellationToken ct)
    {
        var problems = new List<string>();
        if (await DeadlineProblemAsync(pair.ProgramId, input.DueOn, ct) is { } late) problems.Add(late);
        if (keptFiles + uploads.Count > PortfolioFiles.MaxPerItem)
            problems.Add($"К задаче можно приложить не больше {PortfolioFiles.MaxPerItem} файлов; сейчас их было бы {keptFiles + uploads.Count}.");
        foreach (var f in uploads)
            if (PortfolioFiles.Problem(PortfolioFiles.SafeName(f.FileName), f.Length) is { } problem) problems.Add(problem);
        return problems.Count == 0 ? null : problems;
    }

    /// <summary>What changes, in the words of the plan's corrections.</summary>
    private static IEnumerable<string> Changes(PlanTask t, PlanTaskInput input)
    {
        var title = RussianText.Clean(input.Title) ?? "";
        var name = RussianText.Quote(t.Title);
        if (title != t.Title) yield return $"Задача {name} переименована: {RussianText.Quote(title)}.";
        name = RussianText.Quote(title);
        if (input.DueOn != t.DueOn)
            yield return (t.DueOn, input.DueOn) switch
            {
                (null, { } to) => $"Задаче {name} назначен срок {RussianText.Date(to)}.",
                ({ } from, null) => $"У задачи {name} снят срок (был {RussianText.Date(from)}).",
                var (from, to) => $"Срок задачи {name} перенесён с {RussianText.Date(from)} на {RussianText.Date(to)}.",
            };
        if (input.Owner != t.Owner) yield return $"Задачу {name} теперь выполняет {PlanLabels.Owner(input.Owner)}.";
        if (input.Status != t.Status)
            yield return input.Status == PlanTaskStatus.Dropped ? $"Задача {name} отменена."
                : $"Статус задачи {name}: «{PlanLabels.Status(input.Status)}» (был «{PlanLabels.Status(t.Status)}»).";
        if (Text(input.ResultText) != t.ResultText || Text(input.ResultLink) != t.ResultLink)
            yield return Text(input.ResultText) is null && Text(input.ResultLink) is null ? $"Результат задачи {name} удалён."
                : $"Записан результат задачи {name}.";
        if (Text(input.Description) != t.Description) yield return $"Изменено описание задачи {name}.";
    }

    private void Apply(PlanTaskInput input, PlanTask task)
    {
        task.GoalId = input.GoalId;
        task.Title = RussianText.Clean(input.Title) ?? "";
        task.Description = Text(input.Description);
        task.DueOn = input.DueOn;
        task.Owner = input.Owner;
        task.ResultText = Text(input.ResultText);
        task.ResultLink = Text(input.ResultLink);
        if (input.Status == PlanTaskStatus.Done && task.Status != PlanTaskStatus.Done) task.DoneAt = db.Clock.UtcTime();
        if (input.Status != PlanTaskStatus.Done)
        {
            task.DoneAt = null;
            task.AcceptedAt = null;
            task.AcceptedBy = null;
        }
        task.Status = input.Status;
    }

    private static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Replace("\r\n", "\n").Trim();

    private async Task AttachAsync(PlanTask task, IReadOnlyList<FileUpload> uploads, CancellationToken ct)
    {
        foreach (var f in uploads)
        {
            var name = PortfolioFiles.SafeName(f.FileName);
            using var ms = new MemoryStream();
            await f.Content.CopyToAsync(ms, ct);
            db.PlanTaskFiles.Add(new PlanTaskFile
            {
                TaskId = task.Id, FileName = name, ContentType = PortfolioFiles.ContentType(name)!, Length = ms.Length, Content = ms.ToArray(),
                UploadedAt = db.Clock.UtcTime(),
            });
            Correct(task.PlanId, task.PairId, task, $"К задаче {RussianText.Quote(task.Title)} приложен файл {RussianText.Quote(name)}.");
        }
    }
}
