using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Portfolio;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Practices;

/// <summary>
/// Every change of the practice bank, for the pages and the API alike: add (any teacher of the school; a manager names the author),
/// change and delete (the author and the school's managers, behind the material's Version). A material of another school, even one
/// shared with the district, answers «not found» here: the tenant filter shows only the school's own rows to change.
/// </summary>
public sealed partial class PracticeCommands(AppDbContext db)
{
    public const string NotFoundMessage = "Материал не найден в банке практик школы.";

    /// <summary>The author and the school's managers change a material; everyone else of the school only reads it.</summary>
    public bool CanEdit(int authorId, int schoolId) =>
        schoolId == db.School.SchoolId && (db.School.IsSchoolManager || (db.School.PersonId > 0 && authorId == db.School.PersonId));

    public async Task<CommandResult<PracticeMaterial>> CreateAsync(PracticeInput input, IReadOnlyList<FileUpload> uploads, CancellationToken ct)
    {
        if (await AuthorAsync(input, null, ct) is not { } author)
            return db.School.IsSchoolManager ? CommandError.Invalid("Укажите автора материала: педагога школы.")
                : CommandError.Forbidden("Материалы в банк добавляет педагог: ваша учётная запись не связана с карточкой педагога.");
        if (await CheckAsync(input, 0, uploads, ct) is { } invalid) return invalid;
        if (input.PairId is { } pairId && await PairProblemAsync(pairId, ct) is { } pairError) return pairError;
        var m = new PracticeMaterial { Title = "", AuthorId = author, PairId = input.PairId };
        Apply(input, m);
        db.PracticeMaterials.Add(m);
        await AttachAsync(m, uploads, ct);
        await db.SaveChangesAsync(ct);
        return m;
    }

    /// <summary>Changes a material; <paramref name="expectedVersion"/> is the version the editor started from (the form's field, the API's If-Match).</summary>
    public async Task<CommandResult<PracticeMaterial>> UpdateAsync(int id, PracticeInput input, int expectedVersion,
        IReadOnlyList<FileUpload> uploads, IReadOnlyCollection<int> removeFiles, CancellationToken ct)
    {
        var m = await db.PracticeMaterials.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return CommandError.NotFound(NotFoundMessage);
        if (!CanEdit(m.AuthorId, m.SchoolId)) return CommandError.Forbidden("Изменять материал могут его автор, куратор и администрация школы.");
        var existing = await db.PracticeFiles.Where(f => f.MaterialId == id).Select(f => f.Id).ToListAsync(ct);
        var removed = existing.Intersect(removeFiles).ToList();
        if (await CheckAsync(input, existing.Count - removed.Count, uploads, ct) is { } invalid) return invalid;
        if (db.School.IsSchoolManager && input.AuthorId is not null && await AuthorAsync(input, m.AuthorId, ct) is { } author) m.AuthorId = author;

        db.Entry(m).Property(x => x.Version).OriginalValue = expectedVersion;
        Apply(input, m);
        db.Entry(m).Property(x => x.UpdatedAt).IsModified = true;
        foreach (var fileId in removed)
            db.PracticeFiles.Remove(new PracticeFile { Id = fileId, MaterialId = m.Id, SchoolId = m.SchoolId, FileName = "", ContentType = "", Content = [] });
        await AttachAsync(m, uploads, ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            return new CommandError(ErrorKind.Stale, "Пока вы редактировали материал, его изменил другой пользователь.",
                ["Ваши изменения не сохранены: откройте материал заново и внесите правки ещё раз."]);
        }
        return m;
    }

    public async Task<CommandResult<PracticeMaterial>> DeleteAsync(int id, int expectedVersion, CancellationToken ct)
    {
        var m = await db.PracticeMaterials.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return CommandError.NotFound(NotFoundMessage);
        if (!CanEdit(m.AuthorId, m.SchoolId)) return CommandError.Forbidden("Удалять материал могут его автор, куратор и администрация школы.");
        db.Entry(m).Property(x => x.Version).OriginalValue = expectedVersion;
        db.PracticeMaterials.Remove(m);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            return new CommandError(ErrorKind.Stale, "Материал изменили, пока вы его смотрели, поэтому он не удалён.", ["Проверьте его и удалите ещё раз."]);
        }
        return m;
    }

    /// <summary>
    /// The author of a new material: a teacher is the author of what they add; a manager names a person of the school (or is the
    /// author when their account has a card and names no one). Null when there is no author to name.
    /// </summary>
    private async Task<int?> AuthorAsync(PracticeInput input, int? current, CancellationToken ct)
    {
        if (!db.School.IsSchoolManager) return db.School.PersonId > 0 ? db.School.PersonId : null;
        if (input.AuthorId is { } chosen)
            return chosen == current || await db.People.AnyAsync(p => p.Id == chosen && p.ErasedAt == null, ct) ? chosen : null;
        return db.School.PersonId > 0 ? db.School.PersonId : null;
    }

    /// <summary>The input's own rules, the topic (one of the school's), the author (a manager's choice) and the files. Every problem at once.</summary>
    private async Task<CommandError?> CheckAsync(PracticeInput input, int keptFiles, IReadOnlyList<FileUpload> uploads, CancellationToken ct)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        var problems = results.Select(r => r.ErrorMessage ?? "Неверное значение.").ToList();
        if (!Enum.IsDefined(input.Kind)) problems.Add("Выберите вид: материал, кейс или практика.");
        if (input.TopicId is { } topicId && !await db.Topics.AnyAsync(t => t.Id == topicId, ct))
            problems.Add("Такой темы нет в каталоге школы: выберите тему из каталога.");
        if (db.School.IsSchoolManager && input.AuthorId is { } authorId && !await db.People.AnyAsync(p => p.Id == authorId && p.ErasedAt == null, ct))
            problems.Add("Автор не найден среди сотрудников школы.");
        if (keptFiles + uploads.Count > PortfolioFiles.MaxPerItem)
            problems.Add($"К материалу можно приложить не больше {PortfolioFiles.MaxPerItem} файлов; сейчас их было бы {keptFiles + uploads.Count}.");
        foreach (var f in uploads)
            if (PortfolioFiles.Problem(PortfolioFiles.SafeName(f.FileName), f.Length) is { } problem) problems.Add(problem);
        return problems.Count == 0 ? null : CommandError.Invalid(problems[0], problems[1..]);
    }

    private static void Apply(PracticeInput input, PracticeMaterial m)
    {
        m.Kind = input.Kind;
        m.TopicId = input.TopicId;
        m.Title = RussianText.Clean(input.Title) ?? "";
        m.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Replace("\r\n", "\n").Trim();
        var links = PortfolioLinks.Split(input.Links);
        m.Links = links.Count == 0 ? null : string.Join('\n', links);
        m.Tags = PracticeTags.Store(input.Tags);
        m.SharedWithDistrict = input.SharedWithDistrict;
    }

    private static async Task AttachAsync(PracticeMaterial m, IReadOnlyList<FileUpload> uploads, CancellationToken ct)
    {
        foreach (var f in uploads)
        {
            var name = PortfolioFiles.SafeName(f.FileName);
            using var ms = new MemoryStream();
            await f.Content.CopyToAsync(ms, ct);
            m.Files.Add(new PracticeFile { FileName = name, ContentType = PortfolioFiles.ContentType(name)!, Length = ms.Length, Content = ms.ToArray() });
        }
    }
}
