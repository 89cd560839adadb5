using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Portfolio;

/// <summary>
/// «Мой профиль и портфолио»: the teacher's card, contacts and portfolio items. Any member of the school may open a colleague's
/// (/Portfolio?personId=N) read-only; the privacy filters, not this page, make an archived colleague or one without consent
/// «not found» and hide the contacts kept for the administration (ADR-004).
/// </summary>
[Authorize(Policy = Policies.ProgramRead)]
public class IndexModel(AppDbContext db, PortfolioCommands portfolio) : PageModel
{
    public sealed record FileRow(int Id, string FileName, long Length);
    public sealed record ItemRow(int Id, string Title, string? TopicName, string? Description, string? Achievements, IReadOnlyList<string> Links,
        IReadOnlyList<FileRow> Files, DateTime UpdatedAt, int Version);

    public Person? Person { get; private set; }
    public bool IsOwn { get; private set; }
    public List<ItemRow> Items { get; private set; } = [];
    public List<PortfolioContact> Contacts { get; private set; } = [];
    public Consultations.ConsultationRecord Consultations { get; private set; } = new(0, 0);
    public MentoringExperience Mentoring { get; private set; } = new(false, []);
    [BindProperty] public PortfolioContactInput Contact { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int? personId, CancellationToken ct)
    {
        var target = personId ?? db.School.PersonId;
        if (target <= 0) return Page();   // an account without a teacher's card: the page explains
        return await LoadAsync(target, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAddContactAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await portfolio.AddContactAsync(Contact, ct);
            if (result.Error is { Kind: ErrorKind.Forbidden }) return Forbid();
            if (result.Error is null)
            {
                TempData["Flash"] = "Контакт добавлен.";
                return RedirectToPage();
            }
            result.Error.AddTo(ModelState);
        }
        // The teacher's own page again with the messages; an account without a card has no page to return to.
        return db.School.PersonId > 0 && await LoadAsync(db.School.PersonId, ct) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostDeleteContactAsync(int contactId, CancellationToken ct)
    {
        var result = await portfolio.DeleteContactAsync(contactId, ct);
        if (result.Error is { Kind: ErrorKind.Forbidden }) return Forbid();
        if (result.Error is not null) return NotFound();
        TempData["Flash"] = "Контакт удалён.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteItemAsync(int itemId, int version, CancellationToken ct)
    {
        var result = await portfolio.DeleteItemAsync(itemId, version, ct);
        if (result.Error is { Kind: ErrorKind.Forbidden }) return Forbid();
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { } error) TempData["Error"] = error.FullText;
        else TempData["Flash"] = $"Материал {RussianText.Quote(result.Value!.Title)} удалён.";
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync(int personId, CancellationToken ct)
    {
        Person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (Person is null) return false;
        IsOwn = personId == db.School.PersonId;
        var items = await db.PortfolioItems.AsNoTracking().Where(i => i.PersonId == personId).OrderByDescending(i => i.UpdatedAt)
            .Select(i => new
            {
                i.Id, i.Title, TopicName = i.Topic != null ? i.Topic.Name : null, i.Description, i.Achievements, i.Links, i.UpdatedAt, i.Version,
                Files = i.Files.OrderBy(f => f.Id).Select(f => new FileRow(f.Id, f.FileName, f.Length)).ToList(),
            }).ToListAsync(ct);
        Items = items.Select(i => new ItemRow(i.Id, i.Title, i.TopicName, i.Description, i.Achievements, PortfolioLinks.Split(i.Links), i.Files, i.UpdatedAt, i.Version)).ToList();
        Contacts = await db.PortfolioContacts.AsNoTracking().Where(c => c.PersonId == personId).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
        Consultations = await Features.Consultations.ConsultationQueries.RecordAsync(db, personId, ct);
        Mentoring = await MentoringRecord.LoadAsync(db, personId, ct);
        return true;
    }
}
