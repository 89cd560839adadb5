using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Portfolio;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Practices;

/// <summary>
/// Adds a material to the bank or changes one (its author and the managers), with files; «?pair=N» starts a completed pair's case,
/// prefilled from the pair (<see cref="PracticeCommands.DraftFromPairAsync"/>) for its mentor or mentee to edit before saving.
/// </summary>
[Authorize(Policy = Policies.ProgramRead)]
[RequestSizeLimit(PortfolioFiles.MaxBytes * PortfolioFiles.MaxPerItem + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = PortfolioFiles.MaxBytes * PortfolioFiles.MaxPerItem + 1024 * 1024)]
public class EditModel(AppDbContext db, PracticeCommands commands, PracticeQueries queries) : PageModel
{
    public sealed record PersonChoice(int Id, string Name);

    [BindProperty] public PracticeInput Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    [BindProperty] public List<IFormFile> Uploads { get; set; } = [];
    [BindProperty] public List<int> RemoveFiles { get; set; } = [];
    public int? Id { get; private set; }
    public List<TopicGroup> Topics { get; private set; } = [];
    public List<PersonChoice> People { get; private set; } = [];
    public IReadOnlyList<PracticeFileView> Files { get; private set; } = [];
    public bool HasDistrict { get; private set; }
    public bool IsManager => db.School.IsSchoolManager;

    public async Task<IActionResult> OnGetAsync(int? id, int? pair, CancellationToken ct)
    {
        if (id is not null)
        {
            var m = await db.PracticeMaterials.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (m is null) return NotFound();
            if (!commands.CanEdit(m.AuthorId, m.SchoolId)) return Forbid();
            Input = PracticeInput.From(m);
            Version = m.Version;
        }
        else if (pair is not null)
        {
            var draft = await commands.DraftFromPairAsync(pair.Value, ct);
            if (draft.Error is { Kind: ErrorKind.NotFound }) return NotFound();
            if (draft.Error is { } error)
            {
                TempData["Error"] = error.FullText;
                return RedirectToPage("/Pairs/Pair", new { id = pair });
            }
            Input = draft.Value!;
        }
        return await FormAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (!ModelState.IsValid) return await FormAsync(id, ct);
        var uploads = Uploads.Select(f => new FileUpload(f.FileName, f.Length, f.OpenReadStream())).ToList();
        try
        {
            var result = id is null
                ? await commands.CreateAsync(Input, uploads, ct)
                : await commands.UpdateAsync(id.Value, Input, Version, uploads, RemoveFiles, ct);
            if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
            if (result.Error is { Kind: ErrorKind.Forbidden }) return Forbid();
            if (result.Error is { } error)
            {
                error.AddTo(ModelState);
                return await FormAsync(id, ct);
            }
            TempData["Flash"] = id is null ? $"Материал {RussianText.Quote(result.Value!.Title)} добавлен в банк практик." : "Изменения сохранены.";
            return RedirectToPage("/Practices/Details", new { id = result.Value!.Id });
        }
        finally
        {
            foreach (var u in uploads) await u.Content.DisposeAsync();
        }
    }

    private async Task<IActionResult> FormAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is not null) Files = (await queries.GetAsync(id.Value, ct))?.Files ?? [];
        Topics = await db.TopicGroupsAsync(Input.TopicId, ct);
        HasDistrict = await queries.HasDistrictAsync(ct);
        if (IsManager)
        {
            var people = await db.People.AsNoTracking().Where(p => (!p.IsArchived && p.ErasedAt == null) || p.Id == Input.AuthorId)
                .OrderBy(p => NameOrder.Key(p.LastName)).ThenBy(p => NameOrder.Key(p.FirstName)).Select(p => new { p.Id, p.LastName, p.FirstName, p.MiddleName }).ToListAsync(ct);
            People = people.Select(p => new PersonChoice(p.Id, PersonName.Full(p.LastName, p.FirstName, p.MiddleName))).ToList();
        }
        return Page();
    }
}
