using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Catalog;

/// <summary>Catalog rules shared by the page and the API: names, stable codes, order.</summary>
public static class CatalogRules
{
    public static string? CheckName(string? name, int max = 300) =>
        RussianText.Clean(name) is not { } n ? "Введите название."
        : n.Length > max ? $"Название длиннее {max} символов."
        : null;

    /// <summary>A new topic gets the next free code of its direction («ICT-06»); codes never change, so exports and imports stay stable.</summary>
    public static async Task<string> NextTopicCodeAsync(AppDbContext db, Direction direction, CancellationToken ct)
    {
        var codes = await db.Topics.Where(t => t.DirectionId == direction.Id).Select(t => t.Code).ToListAsync(ct);
        var max = codes.Select(c => int.TryParse(c.AsSpan(c.LastIndexOf('-') + 1), out var n) ? n : 0).DefaultIfEmpty(0).Max();
        return $"{direction.Code}-{max + 1:00}";
    }

    public static async Task<string> NextDirectionCodeAsync(AppDbContext db, CancellationToken ct)
    {
        var count = await db.Directions.CountAsync(ct);
        string code;
        do code = $"D{++count:00}";
        while (await db.Directions.AnyAsync(d => d.Code == code, ct));
        return code;
    }

    public static async Task<bool> TopicNameTakenAsync(AppDbContext db, int directionId, string name, int? exceptId, CancellationToken ct)
    {
        var folded = RussianText.Fold(name);
        var names = await db.Topics.Where(t => t.DirectionId == directionId && t.Id != exceptId).Select(t => t.Name).ToListAsync(ct);
        return names.Any(n => RussianText.Fold(n) == folded);
    }

    /// <summary>Swaps the topic with its neighbour in the direction's order.</summary>
    public static async Task MoveTopicAsync(AppDbContext db, Topic topic, int delta, CancellationToken ct)
    {
        var siblings = await db.Topics.Where(t => t.DirectionId == topic.DirectionId).OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);
        for (var i = 0; i < siblings.Count; i++) siblings[i].SortOrder = i + 1;
        var index = siblings.FindIndex(t => t.Id == topic.Id);
        var other = index + delta;
        if (other < 0 || other >= siblings.Count) return;
        (siblings[index].SortOrder, siblings[other].SortOrder) = (siblings[other].SortOrder, siblings[index].SortOrder);
    }
}
