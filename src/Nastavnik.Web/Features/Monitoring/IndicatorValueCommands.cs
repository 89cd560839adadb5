using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Portfolio;

namespace Nastavnik.Web.Features.Monitoring;

/// <summary>A value of an external indicator as the form or the API gives it.</summary>
public sealed class IndicatorValueInput
{
    [Required(ErrorMessage = "Укажите значение.")]
    [Range(-1_000_000_000, 1_000_000_000, ErrorMessage = "Значение вне разумных пределов.")]
    public decimal? Value { get; set; }
    [Required(ErrorMessage = "Укажите дату значения.")]
    [SchoolDate("значения")]
    public DateOnly? Date { get; set; }
    [Required(ErrorMessage = "Укажите источник: откуда взято значение (отчёт, приказ, результаты ВПР…).")]
    [StringLength(500, ErrorMessage = "Источник длиннее 500 знаков.")]
    public string? Source { get; set; }
    [StringLength(2000, ErrorMessage = "Комментарий длиннее 2000 знаков.")]
    public string? Comment { get; set; }
}

/// <summary>
/// The values of a program's external indicators (student results, attestation, ИКУ, contests, retained young teachers, digital
/// literacy…): the curator adds, changes and deletes them with a date, a source and an optional proof file checked like the portfolio's.
/// Indicators computed from the data take no values. Managers only: the query filter hides the values from everyone else.
/// </summary>
public sealed class IndicatorValueCommands(AppDbContext db)
{
    public const string IndicatorNotFound = "Показатель не найден в программе.";
    public const string ValueNotFound = "Значение показателя не найдено.";
    private const string Invalid = "Значение не сохранено.";

    public async Task<CommandResult<IndicatorValue>> AddAsync(int programId, int indicatorId, IndicatorValueInput input, FileUpload? proof, CancellationToken ct)
    {
        if (NotManager() is { } forbidden) return forbidden;
        var indicator = await db.ProgramIndicators.FirstOrDefaultAsync(i => i.Id == indicatorId && i.ProgramId == programId, ct);
        if (indicator is null) return CommandError.NotFound(IndicatorNotFound);
        if (IndicatorCatalog.IsComputed(indicator.Code))
            return CommandError.Invalid($"Показатель «{indicator.Name}» считается по данным системы: значения вручную не вносятся.");
        if (Check(input, proof) is { } invalid) return invalid;
        var value = new IndicatorValue { IndicatorId = indicator.Id, Source = "", CreatedAt = db.Clock.UtcTime(), CreatedBy = db.School.UserName };
        await ApplyAsync(value, input, proof, removeProof: false, ct);
        db.IndicatorValues.Add(value);
        await db.SaveChangesAsync(ct);
        return value;
    }

    /// <summary>Adds a value to the indicator with the report's <paramref name="code"/> (its code, or «code-id» when codes repeat).</summary>
    public async Task<CommandResult<IndicatorValue>> AddAsync(int programId, string code, IndicatorValueInput input, FileUpload? proof, CancellationToken ct) =>
        await IndicatorIdAsync(programId, code, ct) is { } id ? await AddAsync(programId, id, input, proof, ct) : CommandError.NotFound(IndicatorNotFound);

    /// <summary>The id of the program's indicator with the report's code: the only one with that code, or «code-id».</summary>
    public async Task<int?> IndicatorIdAsync(int programId, string code, CancellationToken ct)
    {
        var indicators = await db.ProgramIndicators.Where(i => i.ProgramId == programId).Select(i => new { i.Id, i.Code }).ToListAsync(ct);
        var same = indicators.Where(i => i.Code == code).ToList();
        if (same.Count == 1) return same[0].Id;
        return indicators.FirstOrDefault(i => $"{i.Code}-{i.Id}" == code)?.Id;
    }

    /// <summary>Changes a value the curator read at <paramref name="expectedVersion"/>; a new proof replaces the old one.</summary>
    public async Task<CommandResult<IndicatorValue>> UpdateAsync(int programId, int valueId, IndicatorValueInput input, int expectedVersion,
        FileUpload? proof, bool removeProof, CancellationToken ct)
    {
        if (NotManager() is { } forbidden) return forbidden;
        if (await FindAsync(programId, valueId, ct) is not { } value) return CommandError.NotFound(ValueNotFound);
        if (Check(input, proof) is { } invalid) return invalid;
        db.Entry(value).Property(v => v.Version).OriginalValue = expectedVersion;
        await ApplyAsync(value, input, proof, removeProof, ct);
        db.Entry(value).Property(v => v.Source).IsModified = true;
        return await SaveAsync(value, "изменено", ct);
    }

    public async Task<CommandResult<IndicatorValue>> DeleteAsync(int programId, int valueId, int expectedVersion, CancellationToken ct)
    {
        if (NotManager() is { } forbidden) return forbidden;
        if (await FindAsync(programId, valueId, ct) is not { } value) return CommandError.NotFound(ValueNotFound);
        db.Entry(value).Property(v => v.Version).OriginalValue = expectedVersion;
        db.IndicatorValues.Remove(value);
        return await SaveAsync(value, "удалено", ct);
    }

    /// <summary>A value of one of the program's indicators, with its proof (for the download).</summary>
    public Task<IndicatorValue?> FindAsync(int programId, int valueId, CancellationToken ct) =>
        db.IndicatorValues.FirstOrDefaultAsync(v => v.Id == valueId && db.ProgramIndicators.Any(i => i.Id == v.IndicatorId && i.ProgramId == programId), ct);

    private async Task<CommandResult<IndicatorValue>> SaveAsync(IndicatorValue value, string what, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            // The refused change must not linger in this unit of work.
            db.ChangeTracker.Clear();
            return CommandError.Stale($"Значение не {what}: его изменил другой пользователь. Обновите страницу и повторите.");
        }
        return value;
    }

    private CommandError? NotManager() =>
        db.School.IsSchoolManager ? null : CommandError.Forbidden("Значения показателей вносят куратор и администратор.");

    private CommandError? Check(IndicatorValueInput input, FileUpload? proof)
    {
        var problems = InputRules.Validate(input, db.Clock).Select(r => r.ErrorMessage ?? "Неверное значение.").ToList();
        if (proof is not null && PortfolioFiles.Problem(PortfolioFiles.SafeName(proof.FileName), proof.Length) is { } problem) problems.Add(problem);
        return problems.Count == 0 ? null : CommandError.Invalid(Invalid, problems);
    }

    private static async Task ApplyAsync(IndicatorValue value, IndicatorValueInput input, FileUpload? proof, bool removeProof, CancellationToken ct)
    {
        value.Value = input.Value!.Value;
        value.Date = input.Date!.Value;
        value.Source = input.Source!.Trim();
        value.Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        if (removeProof) (value.ProofFileName, value.ProofContentType, value.ProofContent) = (null, null, null);
        if (proof is null) return;
        var name = PortfolioFiles.SafeName(proof.FileName);
        using var ms = new MemoryStream();
        await proof.Content.CopyToAsync(ms, ct);
        (value.ProofFileName, value.ProofContentType, value.ProofContent) = (name, PortfolioFiles.ContentType(name), ms.ToArray());
    }
}
