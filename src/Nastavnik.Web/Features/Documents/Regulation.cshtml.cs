using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Documents;

/// <summary>«Положение о наставничестве»: the sections of the school's regulation edited by the curator, each save a new version kept and downloadable.</summary>
[Authorize(Policy = Policies.ProgramWrite)]
public class RegulationModel(RegulationCommands regulation) : PageModel
{
    public sealed class SectionInput
    {
        public string Title { get; set; } = "";
        public string Text { get; set; } = "";
    }

    [BindProperty] public List<SectionInput> Sections { get; set; } = [];
    [BindProperty] public string? ApprovingOrder { get; set; }
    /// <summary>The version the curator read (0: the model text); a save from an older one is refused.</summary>
    [BindProperty] public int ReadNumber { get; set; }
    public List<RegulationCommands.Version> Versions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var current = await regulation.CurrentAsync(ct);
        Sections = current.Sections.Select(s => new SectionInput { Title = s.Title, Text = s.Text }).ToList();
        ReadNumber = current.Number;
        Versions = await regulation.VersionsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await regulation.SaveAsync(Sections.Select(s => new RegulationSection(s.Title ?? "", s.Text ?? "")).ToList(), ApprovingOrder, ReadNumber, ct);
        if (result.Error is { } error)
        {
            error.AddTo(ModelState);
            Versions = await regulation.VersionsAsync(ct);
            return Page();
        }
        TempData["Flash"] = $"Сохранена редакция {result.Value!.Number} положения.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnGetDownloadAsync(int? number, CancellationToken ct)
    {
        var result = await regulation.DocumentAsync(number, ct);
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { } error)
        {
            TempData["Error"] = error.FullText;
            return RedirectToPage();
        }
        var f = result.Value!;
        return File(f.Bytes, f.ContentType, f.FileName);
    }
}
