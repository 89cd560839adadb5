using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Portfolio;

/// <summary>A file the teacher attaches; its content is read only once the file is accepted.</summary>
public sealed record FileUpload(string FileName, long Length, Stream Content);

/// <summary>
/// Every change of a teacher's portfolio, for the profile page, the edit page and the API alike: add, change and delete an item with
/// its files, add and delete a contact. A teacher changes only their own portfolio: another teacher's item or contact answers exactly
/// like a missing one, and an account without a teacher's card has no portfolio to change.
/// </summary>
public sealed class PortfolioCommands(AppDbContext db)
{
    public const string ItemNotFound = "Материал не найден среди ваших.";

    /// <summary>The signed-in teacher's own items, the only ones they may change (the tenant filter already hides other schools).</summary>
    public IQueryable<PortfolioItem> OwnItems => db.PortfolioItems.Where(i => i.PersonId == db.School.PersonId);

    public async Task<CommandResult<PortfolioItem>> CreateItemAsync(PortfolioItemInput input, IReadOnlyList<FileUpload> uploads, CancellationToken ct)
    {
        if (NoCard() is { } forbidden) return forbidden;
        if (await CheckAsync(input, 0, uploads, ct) is { } invalid) return invalid;
        var item = new PortfolioItem { PersonId = db.School.PersonId, Title = "" };
        Apply(input, item);
        db.PortfolioItems.Add(item);
        await AttachAsync(item, uploads, ct);
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>Changes an item; <paramref name="expectedVersion"/> is the version the teacher started from (the form's field, the API's If-Match).</summary>
    public async Task<CommandResult<PortfolioItem>> UpdateItemAsync(int id, PortfolioItemInput input, int expectedVersion,
        IReadOnlyList<FileUpload> uploads, IReadOnlyCollection<int> removeFiles, CancellationToken ct)
    {
        if (NoCard() is { } forbidden) return forbidden;
        var item = await OwnItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return CommandError.NotFound(ItemNotFound);
        // File ids only: the contents stay in the database.
        var existing = await db.PortfolioFiles.Where(f => f.ItemId == id).Select(f => f.Id).ToListAsync(ct);
        var removed = existing.Intersect(removeFiles).ToList();
        if (await CheckAsync(input, existing.Count - removed.Count, uploads, ct) is { } invalid) return invalid;

        db.Entry(item).Property(i => i.Version).OriginalValue = expectedVersion;
        Apply(input, item);
        // A version bump even when only files change, so a parallel edit of the same item is noticed.
        db.Entry(item).Property(i => i.UpdatedAt).IsModified = true;
        foreach (var fileId in removed)
            db.PortfolioFiles.Remove(new PortfolioFile { Id = fileId, ItemId = item.Id, SchoolId = item.SchoolId, FileName = "", ContentType = "", Content = [] });
        await AttachAsync(item, uploads, ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            return new CommandError(ErrorKind.Stale, "Пока вы редактировали материал, его сохранили в другой вкладке или на другом устройстве.",
                ["Ваши изменения не сохранены: откройте материал заново и внесите правки ещё раз."]);
        }
        return item;
    }

    /// <summary>Deletes an item with its files, unless it changed since the teacher saw version <paramref name="expectedVersion"/>.</summary>
    public async Task<CommandResult<PortfolioItem>> DeleteItemAsync(int id, int expectedVersion, CancellationToken ct)
    {
        if (NoCard() is { } forbidden) return forbidden;
        var item = await OwnItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return CommandError.NotFound(ItemNotFound);
        db.Entry(item).Property(i => i.Version).OriginalValue = expectedVersion;
        db.PortfolioItems.Remove(item);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            return new CommandError(ErrorKind.Stale, "Материал изменили в другой вкладке или на другом устройстве, поэтому он не удалён.",
                ["Проверьте его и удалите ещё раз."]);
        }
        return item;
    }

    public async Task<CommandResult<PortfolioContact>> AddContactAsync(PortfolioContactInput input, CancellationToken ct)
    {
        if (NoCard() is { } forbidden) return forbidden;
        if (Check(input) is { } invalid) return invalid;
        var own = db.School.PersonId;
        var last = await db.PortfolioContacts.Where(c => c.PersonId == own).Select(c => (int?)c.SortOrder).MaxAsync(ct) ?? 0;
        var contact = new PortfolioContact { PersonId = own, Kind = input.Kind, Value = input.Value.Trim(), Visibility = input.Visibility, SortOrder = last + 1 };
        db.PortfolioContacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return contact;
    }

    public async Task<CommandResult> DeleteContactAsync(int contactId, CancellationToken ct)
    {
        if (NoCard() is { } forbidden) return forbidden;
        var own = db.School.PersonId;
        var contact = await db.PortfolioContacts.FirstOrDefaultAsync(c => c.Id == contactId && c.PersonId == own, ct);
        if (contact is null) return CommandError.NotFound("Контакт не найден среди ваших.");
        db.PortfolioContacts.Remove(contact);
        await db.SaveChangesAsync(ct);
        return CommandResult.Success;
    }

    /// <summary>Each line of the links must be a full web address; <see cref="PortfolioItemInput"/> reports these through model validation too.</summary>
    public static IEnumerable<string> LinkProblems(string? links)
    {
        var n = 0;
        foreach (var line in (links ?? "").Split('\n'))
        {
            n++;
            var link = line.Trim();
            if (link.Length > 0 && !PortfolioLinks.IsWebLink(link))
                yield return $"Ссылка в строке {n} ({RussianText.Quote((link.Length > 60 ? link[..60] + "…" : link))}): нужен полный адрес, начинающийся с http:// или https://.";
        }
    }

    /// <summary>What a contact of this kind must look like; null when it is fine (<see cref="PortfolioContactInput"/> reports it too).</summary>
    public static string? ContactProblem(ContactKind kind, string? value)
    {
        var v = value?.Trim() ?? "";
        if (v.Length == 0) return null;
        if (kind == ContactKind.Email && !new EmailAddressAttribute().IsValid(v))
            return "Адрес электронной почты записан неверно: нужен вид name@school.ru.";
        if (kind == ContactKind.Phone && !Regex.IsMatch(v, @"^[0-9+()\-\s]{5,50}$"))
            return "Телефон: только цифры, пробелы, скобки, «+» и «-», например +7 (812) 123-45-67.";
        if (kind == ContactKind.Messenger && v.Contains("://", StringComparison.Ordinal) && !PortfolioLinks.IsWebLink(v))
            return "Ссылка на мессенджер должна начинаться с https://.";
        return null;
    }

    private CommandError? NoCard() => db.School.PersonId > 0 ? null
        : CommandError.Forbidden("Портфолио ведёт педагог: ваша учётная запись не связана с карточкой педагога.");

    /// <summary>The input's own rules, the topic (one of the school's) and the files: how many, of what kind, how big. Every problem at once.</summary>
    private async Task<CommandError?> CheckAsync(PortfolioItemInput input, int keptFiles, IReadOnlyList<FileUpload> uploads, CancellationToken ct)
    {
        var problems = Problems(input);
        if (input.TopicId is { } topicId && !await db.Topics.AnyAsync(t => t.Id == topicId, ct))
            problems.Add("Такой темы нет в каталоге школы: выберите тему из каталога.");
        if (keptFiles + uploads.Count > PortfolioFiles.MaxPerItem)
            problems.Add($"К материалу можно приложить не больше {PortfolioFiles.MaxPerItem} файлов; сейчас их было бы {keptFiles + uploads.Count}.");
        foreach (var f in uploads)
            if (PortfolioFiles.Problem(PortfolioFiles.SafeName(f.FileName), f.Length) is { } problem) problems.Add(problem);
        return problems.Count == 0 ? null : CommandError.Invalid(problems[0], problems[1..]);
    }

    private static CommandError? Check(PortfolioContactInput input) =>
        Problems(input) is { Count: > 0 } problems ? CommandError.Invalid(problems[0], problems[1..]) : null;

    private static List<string> Problems(object input)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage ?? "Неверное значение.").ToList();
    }

    private static void Apply(PortfolioItemInput input, PortfolioItem item)
    {
        item.TopicId = input.TopicId;
        item.Title = RussianText.Clean(input.Title) ?? "";
        item.Description = Paragraphs(input.Description);
        item.Achievements = Paragraphs(input.Achievements);
        var links = PortfolioLinks.Split(input.Links);
        item.Links = links.Count == 0 ? null : string.Join('\n', links);
    }

    /// <summary>Keeps the teacher's paragraphs, trims the ends and normalises line breaks.</summary>
    private static string? Paragraphs(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Replace("\r\n", "\n").Trim();

    private static async Task AttachAsync(PortfolioItem item, IReadOnlyList<FileUpload> uploads, CancellationToken ct)
    {
        foreach (var f in uploads)
        {
            var name = PortfolioFiles.SafeName(f.FileName);
            using var ms = new MemoryStream();
            await f.Content.CopyToAsync(ms, ct);
            item.Files.Add(new PortfolioFile { FileName = name, ContentType = PortfolioFiles.ContentType(name)!, Length = ms.Length, Content = ms.ToArray() });
        }
    }
}
