using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Programs;

/// <summary>
/// Every change of a program and its roadmap, written once for the pages and the API: the one-active-program rule (checked
/// before the save and caught from IX_Programs_OneActive when two curators activate at once), closing the diagnostics of a
/// completed program, optimistic concurrency by the version the user read, the roadmap's order and templates.
/// </summary>
public sealed class ProgramCommands(AppDbContext db)
{
    public const string ProgramNotFound = "Программа не найдена.";
    public const string EventNotFound = "Мероприятие не найдено.";
    public const string StageNotFound = "Этап не найден.";
    private const string EventInvalid = "Данные мероприятия не прошли проверку.";

    /// <summary>The program was saved; <see cref="Template"/> is set when a new program's roadmap was filled from a template.</summary>
    public sealed record SavedProgram(MentoringProgram Program, RoadmapTemplate? Template);

    /// <summary>
    /// Creates a program (<paramref name="id"/> null) or updates one the user read at <paramref name="expectedVersion"/>. Curators
    /// and indicators left null stay as they are. A new program may start its roadmap from <paramref name="templateCode"/>.
    /// </summary>
    public async Task<CommandResult<SavedProgram>> SaveAsync(int? id, ProgramInput input, int expectedVersion, string? templateCode, CancellationToken ct)
    {
        if (InputRules.Check(input, db.Clock, "Данные программы не прошли проверку.") is { } invalid) return invalid;
        MentoringProgram program;
        if (id is { } existingId)
        {
            if (await db.LoadForEditAsync(existingId, ct) is not { } found) return CommandError.NotFound(ProgramNotFound);
            program = found;
            db.Entry(program).Property(p => p.Version).OriginalValue = expectedVersion;
            // Changing only indicators or curators still checks and bumps the program's version.
            db.Entry(program).Property(p => p.Name).IsModified = true;
        }
        else
        {
            program = new MentoringProgram { Name = "" };
            db.Programs.Add(program);
        }
        if (await ActiveConflictAsync(id ?? 0, input.Status, ct) is { } conflict) return conflict;
        await input.ApplyToAsync(db, program, ct);
        if (id is { } completedId && program.Status == ProgramStatus.Completed)
        {
            // A completed program takes no more answers: its open diagnostics close with it, in the same save.
            var now = db.Clock.UtcTime();
            foreach (var round in await db.DiagnosticsRounds.Where(r => r.ProgramId == completedId && r.ClosedAt == null).ToListAsync(ct)) round.ClosedAt = now;
            // Its indicators are frozen for the next year's comparison, in the same save (issue 13).
            if (db.Entry(program).Property(p => p.Status).OriginalValue != ProgramStatus.Completed) await Monitoring.IndicatorSnapshots.TakeAsync(db, program, ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandError.Stale("Пока вы редактировали программу, её изменил другой пользователь. Ваши изменения не сохранены: откройте программу заново, проверьте данные и внесите правки ещё раз.");
        }
        catch (DbUpdateException) when (input.Status == ProgramStatus.Active)
        {
            // Another program became active between the check above and this save (IX_Programs_OneActive).
            db.ChangeTracker.Clear();
            return await ActiveConflictAsync(id ?? 0, input.Status, ct) ?? CommandError.Conflict("В школе уже есть активная программа. Сначала завершите её.");
        }
        var template = id is null ? RoadmapTemplates.Find(templateCode) : null;
        if (template is not null) await RoadmapTemplates.ApplyAsync(db, program, template.Code, ct);
        return new SavedProgram(program, template);
    }

    /// <summary>Why the program may not become active (another one is), or null.</summary>
    private async Task<CommandError?> ActiveConflictAsync(int programId, ProgramStatus status, CancellationToken ct) =>
        await ProgramRules.ActiveConflictAsync(db, programId, status, ct) is { } message ? CommandError.Conflict(message) : null;

    /// <summary>Adds an event at the end of its stage.</summary>
    public async Task<CommandResult<RoadmapEvent>> AddEventAsync(int programId, EventInput input, CancellationToken ct)
    {
        if (!await db.Programs.AnyAsync(p => p.Id == programId, ct)) return CommandError.NotFound(ProgramNotFound);
        if (InputRules.Check(input, db.Clock, EventInvalid) is { } invalid) return invalid;
        if (await input.CheckAsync(db, programId, ct) is { } problem) return CommandError.Invalid(problem);
        var ev = new RoadmapEvent { ProgramId = programId, Title = "", SortOrder = await NextEventOrderAsync(input.StageId, ct) };
        input.ApplyTo(ev);
        db.RoadmapEvents.Add(ev);
        await db.SaveChangesAsync(ct);
        return ev;
    }

    /// <summary>Changes an event the user read at <paramref name="expectedVersion"/>; moved to another stage, it goes to that stage's end.</summary>
    public async Task<CommandResult<RoadmapEvent>> UpdateEventAsync(int programId, int eventId, EventInput input, int expectedVersion, CancellationToken ct)
    {
        var ev = await db.RoadmapEvents.FirstOrDefaultAsync(e => e.Id == eventId && e.ProgramId == programId, ct);
        if (ev is null) return CommandError.NotFound(EventNotFound);
        if (InputRules.Check(input, db.Clock, EventInvalid) is { } invalid) return invalid;
        if (await input.CheckAsync(db, programId, ct) is { } problem) return CommandError.Invalid(problem);
        db.Entry(ev).Property(e => e.Version).OriginalValue = expectedVersion;
        if (ev.StageId != input.StageId) ev.SortOrder = await NextEventOrderAsync(input.StageId, ct);
        input.ApplyTo(ev);
        return await SaveEventAsync(ev, "Пока вы редактировали мероприятие, его изменил другой пользователь. Ваши изменения не сохранены: откройте мероприятие заново и внесите правки ещё раз.", ct);
    }

    /// <summary>Marks an event's status (planned, in progress, done…) from the roadmap.</summary>
    public async Task<CommandResult<RoadmapEvent>> SetEventStatusAsync(int programId, int eventId, EventStatus status, int expectedVersion, CancellationToken ct)
    {
        var ev = await db.RoadmapEvents.FirstOrDefaultAsync(e => e.Id == eventId && e.ProgramId == programId, ct);
        if (ev is null) return CommandError.NotFound(EventNotFound);
        if (!Enum.IsDefined(status)) return CommandError.Invalid($"«Статус»: такого значения нет ({(int)status}).");
        db.Entry(ev).Property(e => e.Version).OriginalValue = expectedVersion;
        ev.Status = status;
        return await SaveEventAsync(ev, "Мероприятие изменил другой пользователь, пока была открыта страница. Проверьте его состояние и отметьте ещё раз.", ct);
    }

    /// <summary>Deletes an event the user read at <paramref name="expectedVersion"/>.</summary>
    public async Task<CommandResult> DeleteEventAsync(int programId, int eventId, int expectedVersion, CancellationToken ct)
    {
        var ev = await db.RoadmapEvents.FirstOrDefaultAsync(e => e.Id == eventId && e.ProgramId == programId, ct);
        if (ev is null) return CommandError.NotFound(EventNotFound);
        db.Entry(ev).Property(e => e.Version).OriginalValue = expectedVersion;
        db.RoadmapEvents.Remove(ev);
        var saved = await SaveEventAsync(ev, "Мероприятие изменил другой пользователь, пока была открыта страница. Проверьте его и удалите ещё раз.", ct);
        return saved.Ok ? CommandResult.Success : saved.Error!;
    }

    /// <summary>
    /// Deletes a draft with its roadmap, indicators and curators. An active or completed program is history and is never deleted;
    /// neither is a draft that already has diagnostics (teachers' answers belong to it).
    /// </summary>
    public async Task<CommandResult<string>> DeleteDraftAsync(int programId, int expectedVersion, CancellationToken ct)
    {
        var program = await db.Programs.FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return CommandError.NotFound(ProgramNotFound);
        if (program.Status != ProgramStatus.Draft)
            return CommandError.Conflict("Удалить можно только черновик. Активную или завершённую программу удалить нельзя: её история нужна для отчётов.");
        if (await db.DiagnosticsRounds.AnyAsync(r => r.ProgramId == programId, ct))
            return CommandError.Conflict("В черновике уже проводилась диагностика: удалить его нельзя, чтобы не потерять ответы педагогов.");
        db.Entry(program).Property(p => p.Version).OriginalValue = expectedVersion;
        db.Programs.Remove(program);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandError.Stale("Пока была открыта страница, черновик изменил другой пользователь. Проверьте его и удалите ещё раз.");
        }
        return program.Name;
    }

    private async Task<CommandResult<RoadmapEvent>> SaveEventAsync(RoadmapEvent ev, string staleMessage, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return ev;
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandError.Stale(staleMessage);
        }
    }

    /// <summary>Moves an event one place up (delta &lt; 0) or down within its stage.</summary>
    public async Task<CommandResult> MoveEventAsync(int programId, int eventId, int delta, CancellationToken ct)
    {
        var ev = await db.RoadmapEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId && e.ProgramId == programId, ct);
        if (ev is null) return CommandError.NotFound(EventNotFound);
        var events = await db.RoadmapEvents.Where(e => e.StageId == ev.StageId).OrderBy(e => e.SortOrder).ThenBy(e => e.Id).ToListAsync(ct);
        Move(events, e => e.Id == eventId, delta, (e, i) => e.SortOrder = i);
        await db.SaveChangesAsync(ct);
        return CommandResult.Success;
    }

    /// <summary>Fills an empty roadmap from a template; a roadmap with stages is left alone (the events would double).</summary>
    public async Task<CommandResult<RoadmapTemplate>> ApplyTemplateAsync(int programId, string? templateCode, CancellationToken ct)
    {
        var program = await db.Programs.FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return CommandError.NotFound(ProgramNotFound);
        if (RoadmapTemplates.Find(templateCode) is not { } template) return CommandError.Invalid("Выберите шаблон дорожной карты.");
        if (await db.RoadmapStages.AnyAsync(s => s.ProgramId == programId, ct))
            return CommandError.Conflict("В дорожной карте уже есть этапы, поэтому шаблон не применён: мероприятия задвоились бы. Удалите этапы или дополните карту вручную.");
        await RoadmapTemplates.ApplyAsync(db, program, template.Code, ct);
        return template;
    }

    public async Task<CommandResult<RoadmapStage>> AddStageAsync(int programId, string? title, CancellationToken ct)
    {
        if (!await db.Programs.AnyAsync(p => p.Id == programId, ct)) return CommandError.NotFound(ProgramNotFound);
        if (StageTitle(title) is not { } clean) return CommandError.Invalid(StageTitleRule);
        var order = await db.RoadmapStages.Where(s => s.ProgramId == programId).MaxAsync(s => (int?)s.SortOrder, ct) ?? 0;
        var stage = new RoadmapStage { ProgramId = programId, Title = clean, SortOrder = order + 1 };
        db.RoadmapStages.Add(stage);
        await db.SaveChangesAsync(ct);
        return stage;
    }

    public async Task<CommandResult> RenameStageAsync(int programId, int stageId, string? title, CancellationToken ct)
    {
        var stage = await db.RoadmapStages.FirstOrDefaultAsync(s => s.Id == stageId && s.ProgramId == programId, ct);
        if (stage is null) return CommandError.NotFound(StageNotFound);
        if (StageTitle(title) is not { } clean) return CommandError.Invalid(StageTitleRule);
        stage.Title = clean;
        await db.SaveChangesAsync(ct);
        return CommandResult.Success;
    }

    /// <summary>Deletes a stage with its events; returns how many events went with it.</summary>
    public async Task<CommandResult<int>> DeleteStageAsync(int programId, int stageId, CancellationToken ct)
    {
        var stage = await db.RoadmapStages.Include(s => s.Events).FirstOrDefaultAsync(s => s.Id == stageId && s.ProgramId == programId, ct);
        if (stage is null) return CommandError.NotFound(StageNotFound);
        db.RoadmapStages.Remove(stage);
        await db.SaveChangesAsync(ct);
        return stage.Events.Count;
    }

    public async Task<CommandResult> MoveStageAsync(int programId, int stageId, int delta, CancellationToken ct)
    {
        var stages = await db.RoadmapStages.Where(s => s.ProgramId == programId).OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(ct);
        if (!Move(stages, s => s.Id == stageId, delta, (s, i) => s.SortOrder = i)) return CommandError.NotFound(StageNotFound);
        await db.SaveChangesAsync(ct);
        return CommandResult.Success;
    }

    public const string StageTitleRule = "Укажите название этапа: до 300 символов, без непечатаемых символов.";

    private static string? StageTitle(string? title) => RussianText.Clean(title) is { Length: <= 300 } clean && !XmlText.HasInvalid(clean) ? clean : null;

    private async Task<int> NextEventOrderAsync(int stageId, CancellationToken ct) =>
        1 + (await db.RoadmapEvents.Where(e => e.StageId == stageId).MaxAsync(e => (int?)e.SortOrder, ct) ?? 0);

    /// <summary>Swaps an item with its neighbour and renumbers the list 1..n; false when the item is not in the list.</summary>
    private static bool Move<T>(List<T> items, Func<T, bool> which, int delta, Action<T, int> setOrder)
    {
        var i = items.FindIndex(x => which(x));
        if (i < 0) return false;
        var j = i + Math.Sign(delta);
        if (j >= 0 && j < items.Count) (items[i], items[j]) = (items[j], items[i]);
        for (var k = 0; k < items.Count; k++) setOrder(items[k], k + 1);
        return true;
    }
}
