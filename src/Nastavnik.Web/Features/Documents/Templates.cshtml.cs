using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Documents;

/// <summary>
/// «Шаблоны документов» (issue 14, item 7): every kind of document with its placeholders, the default and the current template to
/// download, a school's own .docx to upload (checked before it is stored) and the way back to the default. Managers only.
/// </summary>
[Authorize(Policy = Policies.ProgramWrite)]
public class TemplatesModel(TemplateStore store) : PageModel
{
    public Dictionary<string, TemplateStore.OwnTemplate> Own { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Own = await store.OwnAsync(ct);

    public IActionResult OnGetDefault(string code) =>
        DocumentTemplates.Find(code) is { } t ? File(t.BuildDefault(), DocxWriter.ContentType, $"Шаблон — {t.Title} (стандартный).docx") : NotFound();

    public async Task<IActionResult> OnGetCurrentAsync(string code, CancellationToken ct)
    {
        if (DocumentTemplates.Find(code) is not { } t) return NotFound();
        var (bytes, own) = await store.BytesAsync(store.SchoolId, t, ct);
        return File(bytes, DocxWriter.ContentType, $"Шаблон — {t.Title}{(own ? " (школы)" : " (стандартный)")}.docx");
    }

    public async Task<IActionResult> OnPostUploadAsync(string code, IFormFile? file, int? version, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return Back(code, "Выберите файл шаблона (.docx).");
        if (file.Length > TemplateStore.MaxBytes) return Back(code, "Файл шаблона больше 10 МБ: уменьшите размер изображений в нём.");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var result = await store.UploadAsync(code, file.FileName, buffer.ToArray(), version, User.Identity?.Name ?? "?", ct);
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { } error) return Back(code, error.FullText);
        TempData["Flash"] = $"Шаблон «{DocumentTemplates.Find(code)!.Title}» заменён шаблоном школы «{result.Value!.FileName}».";
        return Redirect($"/Documents/Templates#t-{code}");
    }

    public async Task<IActionResult> OnPostResetAsync(string code, int version, CancellationToken ct)
    {
        var result = await store.ResetAsync(code, version, User.Identity?.Name ?? "?", ct);
        if (result.Error is { } error) return Back(code, error.FullText);
        TempData["Flash"] = $"Для «{DocumentTemplates.Find(code)?.Title}» снова используется стандартный шаблон.";
        return Redirect($"/Documents/Templates#t-{code}");
    }

    private RedirectResult Back(string code, string message)
    {
        TempData["Error"] = message;
        TempData["ErrorCode"] = code;
        return Redirect($"/Documents/Templates#t-{code}");
    }
}
