using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Portfolio;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Consultations;

/// <summary>«Попросить о консультации»: from a colleague's portfolio or a «Супервизор» result, the question to one colleague.</summary>
[Authorize(Policy = Policies.OwnProfile)]
public class AskModel(AppDbContext db, ConsultationCommands commands) : PageModel
{
    [BindProperty] public ConsultationAsk Input { get; set; } = new();
    public string? ConsultantName { get; private set; }
    public List<TopicGroup> Topics { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int consultantId, int? topicId, CancellationToken ct)
    {
        Input.ConsultantId = consultantId;
        Input.TopicId = topicId;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        ModelState.Clear();
        var result = await commands.AskAsync(Input, ct);
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { } error)
        {
            error.AddTo(ModelState);
            return Page();
        }
        TempData["Flash"] = "Просьба отправлена. Коллега получит уведомление и ответит здесь.";
        return RedirectToPage("/Consultations/Details", new { id = result.Value!.Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        ConsultantName = await db.People.Where(p => p.Id == Input.ConsultantId && !p.IsArchived)
            .Select(p => p.LastName + " " + p.FirstName + (p.MiddleName == null ? "" : " " + p.MiddleName)).FirstOrDefaultAsync(ct);
        Topics = await db.TopicGroupsAsync(Input.TopicId, ct);
        return ConsultantName is not null;
    }
}
