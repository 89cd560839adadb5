using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Catalog;

/// <summary>A change of a topic: the name is always given (and checked); null for any other part keeps it as it is.</summary>
public sealed record TopicChange(string? Name, int? DirectionId = null, bool? IsDigital = null, bool? IsRetired = null, int? SortOrder = null);

/// <summary>A change of a direction: the name is always given (and checked); null for any other part keeps it as it is.</summary>
public sealed record DirectionChange(string? Name, bool? IsRetired = null, int? SortOrder = null);

/// <summary>
/// Every change of the catalog, for the catalog page and the API alike: add, rename, move between directions, reorder, retire
/// and restore topics; add and rename directions. Names are checked and unique within a direction (ignoring case and «ё»), codes are
/// given once and never change, and a change over a newer version or a code taken at the same moment is refused with a reason.
/// </summary>
public sealed class CatalogCommands(AppDbContext db)
{
    public const int TopicNameMax = 300;
    public const int DirectionNameMax = 200;
    public const string TopicNotFound = "Тема не найдена.";
    public const string DirectionNotFound = "Направление не найдено.";

    public async Task<CommandResult<Topic>> AddTopicAsync(int directionId, string? name, bool isDigital, int? sortOrder, CancellationToken ct)
    {
        // Another school's direction is hidden by the tenant filter: «not found», as for a guessed id.
        var direction = await db.Directions.FirstOrDefaultAsync(d => d.Id == directionId, ct);
        if (direction is null) return CommandError.NotFound(DirectionNotFound);
        if (CheckName(name, TopicNameMax) is { } invalid) return invalid;
        var clean = RussianText.Clean(name)!;
        if (await TopicNameTakenAsync(direction, clean, null, ct) is { } taken) return taken;
        var last = await db.Topics.Where(t => t.DirectionId == direction.Id).Select(t => (int?)t.SortOrder).MaxAsync(ct) ?? 0;
        var topic = new Topic
        {
            SchoolId = direction.SchoolId, DirectionId = direction.Id, Code = await NextTopicCodeAsync(direction, ct), Name = clean,
            IsDigital = isDigital, SortOrder = sortOrder ?? last + 1,
        };
        db.Topics.Add(topic);
        return await SaveAsync(topic, ct);
    }

    /// <summary>Renames a topic and, with <see cref="TopicChange"/>'s other parts, moves or retires it; <paramref name="expectedVersion"/> null skips the version check.</summary>
    public async Task<CommandResult<Topic>> UpdateTopicAsync(int id, TopicChange change, int? expectedVersion, CancellationToken ct)
    {
        var topic = await db.Topics.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (topic is null) return CommandError.NotFound(TopicNotFound);
        var direction = await db.Directions.FirstOrDefaultAsync(d => d.Id == (change.DirectionId ?? topic.DirectionId), ct);
        if (direction is null) return CommandError.Invalid(DirectionNotFound);
        if (CheckName(change.Name, TopicNameMax) is { } invalid) return invalid;
        var clean = RussianText.Clean(change.Name)!;
        if (await TopicNameTakenAsync(direction, clean, id, ct) is { } taken) return taken;
        if (expectedVersion is { } version) db.Entry(topic).Property(t => t.Version).OriginalValue = version;
        (topic.Name, topic.DirectionId) = (clean, direction.Id);
        if (change.IsDigital is { } digital) topic.IsDigital = digital;
        if (change.IsRetired is { } retired) topic.IsRetired = retired;
        if (change.SortOrder is { } order) topic.SortOrder = order;
        return await SaveAsync(topic, ct);
    }

    /// <summary>Takes a topic out of the catalog (its history keeps its meaning) or returns it.</summary>
    public async Task<CommandResult<Topic>> RetireTopicAsync(int id, bool retire, CancellationToken ct)
    {
        var topic = await db.Topics.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (topic is null) return CommandError.NotFound(TopicNotFound);
        topic.IsRetired = retire;
        return await SaveAsync(topic, ct);
    }

    /// <summary>Swaps the topic with its neighbour in the direction's order (up for a negative <paramref name="delta"/>); the ends stay put.</summary>
    public async Task<CommandResult> MoveTopicAsync(int id, int delta, CancellationToken ct)
    {
        var topic = await db.Topics.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (topic is null) return CommandError.NotFound(TopicNotFound);
        var siblings = await db.Topics.Where(t => t.DirectionId == topic.DirectionId).OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);
        for (var i = 0; i < siblings.Count; i++) siblings[i].SortOrder = i + 1;
        var index = siblings.FindIndex(t => t.Id == topic.Id);
        var other = index + Math.Sign(delta);
        if (other >= 0 && other < siblings.Count)
            (siblings[index].SortOrder, siblings[other].SortOrder) = (siblings[other].SortOrder, siblings[index].SortOrder);
        return new CommandResult((await SaveAsync(topic, ct)).Error);
    }

    public async Task<CommandResult<Direction>> AddDirectionAsync(string? name, int? sortOrder, CancellationToken ct)
    {
        if (CheckName(name, DirectionNameMax) is { } invalid) return invalid;
        var last = await db.Directions.Select(d => (int?)d.SortOrder).MaxAsync(ct) ?? 0;
        var direction = new Direction { Code = await NextDirectionCodeAsync(ct), Name = RussianText.Clean(name)!, SortOrder = sortOrder ?? last + 1 };
        db.Directions.Add(direction);
        return await SaveAsync(direction, ct);
    }

    public async Task<CommandResult<Direction>> UpdateDirectionAsync(int id, DirectionChange change, CancellationToken ct)
    {
        var direction = await db.Directions.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (direction is null) return CommandError.NotFound(DirectionNotFound);
        if (CheckName(change.Name, DirectionNameMax) is { } invalid) return invalid;
        direction.Name = RussianText.Clean(change.Name)!;
        if (change.IsRetired is { } retired) direction.IsRetired = retired;
        if (change.SortOrder is { } order) direction.SortOrder = order;
        return await SaveAsync(direction, ct);
    }

    private static CommandError? CheckName(string? name, int max) =>
        RussianText.Clean(name) is not { } n ? CommandError.Invalid("Введите название.")
        : n.Length > max ? CommandError.Invalid($"Название длиннее {max} символов.")
        : InputRules.Unprintable(n, "Название");

    private async Task<CommandError?> TopicNameTakenAsync(Direction direction, string name, int? exceptId, CancellationToken ct)
    {
        var folded = RussianText.Fold(name);
        var names = await db.Topics.Where(t => t.DirectionId == direction.Id && t.Id != exceptId).Select(t => t.Name).ToListAsync(ct);
        return names.Any(n => RussianText.Fold(n) == folded) ? CommandError.Conflict($"Тема {RussianText.Quote(name)} уже есть в направлении {RussianText.Quote(direction.Name)}.") : null;
    }

    /// <summary>
    /// A new topic gets the next free code of its direction («ICT-06»); codes never change, so exports and imports stay stable. Topics
    /// moved to another direction keep their codes, so every code of the school with the direction's prefix counts.
    /// </summary>
    private async Task<string> NextTopicCodeAsync(Direction direction, CancellationToken ct)
    {
        var prefix = direction.Code + "-";
        var codes = await db.Topics.Where(t => t.Code.StartsWith(prefix)).Select(t => t.Code).ToListAsync(ct);
        var max = codes.Select(c => int.TryParse(c.AsSpan(prefix.Length), out var n) ? n : 0).DefaultIfEmpty(0).Max();
        return $"{prefix}{max + 1:00}";
    }

    private async Task<string> NextDirectionCodeAsync(CancellationToken ct)
    {
        var count = await db.Directions.CountAsync(ct);
        string code;
        do code = $"D{++count:00}";
        while (await db.Directions.AnyAsync(d => d.Code == code, ct));
        return code;
    }

    private async Task<CommandResult<T>> SaveAsync<T>(T saved, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new CommandResult<T>(saved, null);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CommandError(ErrorKind.Stale, "Эту тему только что изменил другой пользователь.", ["Обновите каталог, проверьте тему и повторите."]);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Two users added to the catalog at the same moment and got the same next code; the second one simply tries again.
            return CommandError.Conflict("В этот же момент в каталог добавил запись другой пользователь.", "Повторите добавление.");
        }
    }
}
