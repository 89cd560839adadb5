using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files.Documents;

namespace Nastavnik.Web.Features.Documents;

public sealed partial class TemplateStore
{
    /// <summary>Largest template accepted: a letter with a logo and a signature scan fits well under it.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>What the page shows of a school's own template.</summary>
    public sealed record OwnTemplate(string Code, string FileName, string UploadedBy, DateTime UploadedAt, int Version);

    /// <summary>The signed-in user's school.</summary>
    public int SchoolId => db.School.SchoolId ?? CurrentSchool.NoSchool;

    /// <summary>The current school's own templates by code.</summary>
    public async Task<Dictionary<string, OwnTemplate>> OwnAsync(CancellationToken ct = default)
    {
        var schoolId = SchoolId;
        return await db.SchoolTemplates.AsNoTracking().Where(t => t.SchoolId == schoolId)
            .Select(t => new OwnTemplate(t.Code, t.FileName, t.UploadedBy, t.UploadedAt, t.Version)).ToDictionaryAsync(t => t.Code, ct);
    }

    /// <summary>
    /// Replaces the current school's template of <paramref name="code"/> with an uploaded .docx after filling it with sample data of
    /// every field: not a .docx, an unknown placeholder, an unclosed «{{», a collection outside a table row are refused with the
    /// problem named and nothing stored. <paramref name="version"/> is the version the user saw (null: there was no own template).
    /// </summary>
    public async Task<CommandResult<OwnTemplate>> UploadAsync(string code, string? fileName, byte[] content, int? version, string by, CancellationToken ct = default)
    {
        var template = DocumentTemplates.Find(code);
        if (template is null) return CommandError.NotFound("Такого документа нет.");
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (content.Length == 0) return CommandError.Invalid("Выберите файл шаблона (.docx).");
        if (!name.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
            return CommandError.Invalid($"Файл «{name}» не является документом Word (.docx): сохраните шаблон в Word как «Документ Word (.docx)» и загрузите снова.");
        if (content.Length > MaxBytes) return CommandError.Invalid("Файл шаблона больше 10 МБ: уменьшите размер изображений в нём.");
        try
        {
            DocxTemplate.Fill(content, DocumentTemplates.Sample(template));
        }
        catch (DocumentTemplateException e)
        {
            return CommandError.Invalid($"Шаблон не принят: {e.Message}");
        }
        var schoolId = SchoolId;
        var row = await db.SchoolTemplates.FirstOrDefaultAsync(t => t.SchoolId == schoolId && t.Code == code, ct);
        if (row is null && version is not null || row is not null && row.Version != version) return CommandError.Stale(StaleMessage);
        if (row is null)
        {
            row = new SchoolTemplate { SchoolId = schoolId, Code = code, Content = content, FileName = name, UploadedBy = by };
            db.SchoolTemplates.Add(row);
        }
        else
        {
            row.Content = content;
            row.FileName = name;
            row.UploadedBy = by;
        }
        row.UploadedAt = db.Clock.UtcTime();
        if (await db.SaveOrStaleAsync(StaleMessage, ct, raceOnUniqueIndex: true) is { } error) return error;
        await AuditEvents.RecordAsync(db, schoolId, by, "SchoolTemplate", "upload", new { code, file = name }, ct);
        return new OwnTemplate(row.Code, row.FileName, row.UploadedBy, row.UploadedAt, row.Version);
    }

    /// <summary>Back to the default template: the school's own one of <paramref name="code"/> is deleted (if still at <paramref name="version"/>). Uploads and resets are in the audit trail.</summary>
    public async Task<CommandResult> ResetAsync(string code, int version, string by, CancellationToken ct = default)
    {
        var schoolId = SchoolId;
        var row = await db.SchoolTemplates.FirstOrDefaultAsync(t => t.SchoolId == schoolId && t.Code == code, ct);
        if (row is null || row.Version != version) return CommandError.Stale(StaleMessage);
        db.SchoolTemplates.Remove(row);
        if (await db.SaveOrStaleAsync(StaleMessage, ct, raceOnUniqueIndex: true) is { } error) return error;
        await AuditEvents.RecordAsync(db, schoolId, by, "SchoolTemplate", "reset", new { code, file = row.FileName }, ct);
        return CommandResult.Success;
    }

    private const string StaleMessage =
        "Шаблон этого документа только что изменил другой пользователь. Обновите страницу, проверьте текущий шаблон и повторите.";
}
