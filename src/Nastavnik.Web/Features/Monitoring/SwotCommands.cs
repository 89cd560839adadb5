using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Monitoring;

/// <summary>A SWOT item as the page or the API gives it.</summary>
public sealed class SwotItemInput
{
    public SwotQuadrant Quadrant { get; set; }

    [Required(ErrorMessage = "Напишите формулировку пункта.")]
    [StringLength(1000, ErrorMessage = "Формулировка длиннее 1000 знаков.")]
    public string Text { get; set; } = "";

    [Range(1, 100000, ErrorMessage = "Число ответов — целое число от 1.")]
    public int Count { get; set; } = 1;
}

/// <summary>
/// The curator's SWOT of a program (issue 13, item 5): items in four quadrants with how many answers said each, created, edited by
/// version, moved up or down within their quadrant and deleted. Curators and administrators only.
/// </summary>
public sealed class SwotCommands(AppDbContext db, TimeProvider clock)
{
    public const string NotFoundText = "Пункт SWOT-анализа не найден.";
    public const string ProgramNotFoundText = "Программа не найдена.";

    public async Task<CommandResult<SwotItem>> CreateAsync(int programId, SwotItemInput input, CancellationToken ct)
    {
        if (Refused() is { } refused) return refused;
        if (!await db.Programs.AnyAsync(p => p.Id == programId, ct)) return CommandError.NotFound(ProgramNotFoundText);
        if (InputRules.Check(input, clock, "Пункт не сохранён.") is { } invalid) return invalid;
        var last = await db.SwotItems.Where(i => i.ProgramId == programId && i.Quadrant == input.Quadrant).MaxAsync(i => (int?)i.SortOrder, ct) ?? 0;
        var item = new SwotItem { ProgramId = programId, Quadrant = input.Quadrant, Text = input.Text.Trim(), Count = input.Count, SortOrder = last + 1 };
        db.SwotItems.Add(item);
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>Saves the text, count and quadrant from the <paramref name="version"/> the curator read (a move to another quadrant goes last there).</summary>
    public async Task<CommandResult<SwotItem>> UpdateAsync(int id, SwotItemInput input, int version, CancellationToken ct)
    {
        if (Refused() is { } refused) return refused;
        var item = await db.SwotItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return CommandError.NotFound(NotFoundText);
        if (InputRules.Check(input, clock, "Пункт не сохранён.") is { } invalid) return invalid;
        db.Entry(item).Property(i => i.Version).OriginalValue = version;
        if (item.Quadrant != input.Quadrant)
        {
            item.SortOrder = 1 + (await db.SwotItems.Where(i => i.ProgramId == item.ProgramId && i.Quadrant == input.Quadrant)
                .MaxAsync(i => (int?)i.SortOrder, ct) ?? 0);
            item.Quadrant = input.Quadrant;
        }
        item.Text = input.Text.Trim();
        item.Count = input.Count;
        db.Entry(item).Property(i => i.Text).IsModified = true; // a version bump even when nothing changed
        return await SaveAsync(item, ct);
    }

    /// <summary>Moves an item one place up (<paramref name="up"/>) or down within its quadrant.</summary>
    public async Task<CommandResult<SwotItem>> MoveAsync(int id, bool up, int version, CancellationToken ct)
    {
        if (Refused() is { } refused) return refused;
        var item = await db.SwotItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return CommandError.NotFound(NotFoundText);
        db.Entry(item).Property(i => i.Version).OriginalValue = version;
        var quadrant = await db.SwotItems.Where(i => i.ProgramId == item.ProgramId && i.Quadrant == item.Quadrant)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToListAsync(ct);
        var at = quadrant.IndexOf(item);
        var to = up ? at - 1 : at + 1;
        if (to < 0 || to >= quadrant.Count) return item;
        (quadrant[at], quadrant[to]) = (quadrant[to], quadrant[at]);
        for (var i = 0; i < quadrant.Count; i++) quadrant[i].SortOrder = i + 1;
        db.Entry(item).Property(i => i.SortOrder).IsModified = true;
        return await SaveAsync(item, ct);
    }

    public async Task<CommandResult> DeleteAsync(int id, int version, CancellationToken ct)
    {
        if (Refused() is { } refused) return refused;
        var item = await db.SwotItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return CommandError.NotFound(NotFoundText);
        db.Entry(item).Property(i => i.Version).OriginalValue = version;
        db.SwotItems.Remove(item);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear(); // the refused change must not ride along with the caller's next save
            return CommandError.Stale();
        }
        return CommandResult.Success;
    }

    private async Task<CommandResult<SwotItem>> SaveAsync(SwotItem item, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear(); // the refused change must not ride along with the caller's next save
            return CommandError.Stale();
        }
        return item;
    }

    private CommandError? Refused() => db.School.IsSchoolManager ? null
        : CommandError.Forbidden("SWOT-анализ программы ведут куратор или администратор школы.");
}
