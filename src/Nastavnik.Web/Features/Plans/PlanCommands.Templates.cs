using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Plans;

public sealed partial class PlanCommands
{
    public const string TemplateNotFound = "Шаблон не найден.";

    /// <summary>Creates (<paramref name="id"/> null) or changes a template of a topic: the curator's or the administrator's.</summary>
    public async Task<CommandResult<PlanTemplate>> SaveTemplateAsync(int? id, PlanTemplateInput input, int expectedVersion, CancellationToken ct)
    {
        if (!db.School.IsSchoolManager) return CommandError.Forbidden("Шаблоны планов ведут куратор и администрация.");
        if (InputRules.Check(input, db.Clock, "Шаблон не сохранён.") is { } invalid) return invalid;
        foreach (var row in input.Tasks)
            if (InputRules.Check(row, db.Clock, "Шаблон не сохранён.") is { } badRow) return badRow;
        if (!await db.Topics.AnyAsync(t => t.Id == input.TopicId, ct))
            return CommandError.Invalid("Шаблон не сохранён.", "Выберите тему из каталога школы.");
        var rows = input.Tasks.Where(t => !string.IsNullOrWhiteSpace(t.Title)).ToList();
        if (rows.Count == 0) return CommandError.Invalid("Шаблон не сохранён.", "Добавьте хотя бы одну задачу.");

        PlanTemplate template;
        if (id is { } existing)
        {
            var found = await db.PlanTemplates.FirstOrDefaultAsync(t => t.Id == existing, ct);
            if (found is null) return CommandError.NotFound(TemplateNotFound);
            template = found;
            db.Entry(template).Property(t => t.Version).OriginalValue = expectedVersion;
            db.PlanTemplateTasks.RemoveRange(await db.PlanTemplateTasks.Where(t => t.TemplateId == existing).ToListAsync(ct));
        }
        else
        {
            template = new PlanTemplate { Title = "" };
            db.PlanTemplates.Add(template);
        }
        template.TopicId = input.TopicId;
        template.Title = RussianText.Clean(input.Title) ?? "";
        db.Entry(template).Property(t => t.Title).IsModified = template.Id > 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            return new CommandError(ErrorKind.Stale, "Пока вы редактировали шаблон, его изменил другой пользователь.",
                ["Ваши изменения не сохранены, они остались в форме: сверьте их и сохраните ещё раз."]);
        }
        var order = 0;
        foreach (var row in rows)
            db.PlanTemplateTasks.Add(new PlanTemplateTask
            {
                TemplateId = template.Id, Order = ++order, Title = RussianText.Clean(row.Title) ?? "", Owner = row.Owner, DueInDays = row.DueInDays,
            });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return template;
    }

    public async Task<CommandResult> DeleteTemplateAsync(int id, CancellationToken ct)
    {
        if (!db.School.IsSchoolManager) return CommandError.Forbidden("Шаблоны планов ведут куратор и администрация.");
        var template = await db.PlanTemplates.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (template is null) return CommandError.NotFound(TemplateNotFound);
        db.PlanTemplates.Remove(template);
        await db.SaveChangesAsync(ct);
        return CommandResult.Success;
    }

    /// <summary>
    /// The template's tasks under the new goal: deadlines counted from today (not before the program starts), clipped to the
    /// program's end; one correction names them.
    /// </summary>
    private async Task ApplyTemplateAsync(DevelopmentPlan plan, MentoringPair pair, PlanGoal goal, PlanTemplate template, CancellationToken ct)
    {
        var period = await db.Programs.Where(p => p.Id == plan.ProgramId).Select(p => new { p.StartDate, p.EndDate }).FirstAsync(ct);
        var today = db.Clock.Today();
        var from = today < period.StartDate ? period.StartDate : today;
        var rows = await db.PlanTemplateTasks.AsNoTracking().Where(t => t.TemplateId == template.Id).OrderBy(t => t.Order).ThenBy(t => t.Id).ToListAsync(ct);
        foreach (var row in rows)
        {
            DateOnly? due = row.DueInDays is { } days ? from.AddDays(days) : null;
            if (due > period.EndDate) due = period.EndDate;
            db.PlanTasks.Add(new PlanTask { PlanId = plan.Id, PairId = pair.Id, GoalId = goal.Id, Title = row.Title, Owner = row.Owner, DueOn = due });
        }
        if (rows.Count > 0)
            Correct(plan.Id, pair.Id, null, $"Из шаблона {RussianText.Quote(template.Title)} добавлены задачи: "
                + string.Join("; ", rows.Select(r => RussianText.Quote(r.Title))) + ".");
    }
}
