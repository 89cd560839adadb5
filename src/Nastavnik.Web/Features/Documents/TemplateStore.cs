using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files.Documents;

namespace Nastavnik.Web.Features.Documents;

/// <summary>
/// The one place every generator takes its template from (issue 14, item 7): the school's own .docx when it uploaded one, else the
/// default built by code. <see cref="FillAsync"/> fills it; a school's template that no longer fills (a field the generator does not
/// give) is a Russian refusal naming the problem, never a broken file. The page «Шаблоны документов» uploads, checks and resets them.
/// </summary>
public sealed partial class TemplateStore(AppDbContext db)
{
    /// <summary>The template's .docx for the school: its own, else the default; Own tells which.</summary>
    public async Task<(byte[] Bytes, bool Own)> BytesAsync(int schoolId, DocumentTemplate template, CancellationToken ct = default)
    {
        var own = await db.SchoolTemplates.AsNoTracking().Where(t => t.SchoolId == schoolId && t.Code == template.Code)
            .Select(t => t.Content).FirstOrDefaultAsync(ct);
        return own is null ? (template.BuildDefault(), false) : (own, true);
    }

    /// <summary>The school's template of <paramref name="template"/> filled with <paramref name="data"/>.</summary>
    public async Task<CommandResult<byte[]>> FillAsync(int schoolId, DocumentTemplate template, DocumentData data, CancellationToken ct = default)
    {
        var result = await FillEachAsync(schoolId, template, [data], ct);
        return result.Error is { } error ? error : result.Value![0];
    }

    /// <summary>One filled document per item of <paramref name="data"/> from the same template (letters: a page each, see <see cref="DocxPages"/>).</summary>
    public async Task<CommandResult<IReadOnlyList<byte[]>>> FillEachAsync(int schoolId, DocumentTemplate template, IEnumerable<DocumentData> data, CancellationToken ct = default)
    {
        var (bytes, own) = await BytesAsync(schoolId, template, ct);
        try
        {
            return data.Select(d => DocxTemplate.Fill(bytes, d)).ToList();
        }
        catch (DocumentTemplateException e) when (own)
        {
            return CommandError.Invalid($"Шаблон школы «{template.Title}» не заполняется: {e.Message} Исправьте шаблон или верните стандартный на странице «Шаблоны документов».");
        }
    }
}
