using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Surveys;

/// <summary>«Новый опрос»: blank or from a template, of a program or of the school; created as a draft by <see cref="SurveyCommands"/>.</summary>
[Authorize(Policy = Policies.ProgramWrite)]
public class NewModel(AppDbContext db, SurveyCommands commands) : PageModel
{
    public sealed record Option(int Id, string Name);

    [BindProperty] public NewSurveyInput Input { get; set; } = new();
    public List<Option> Programs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.ProgramId = Programs.FirstOrDefault()?.Id;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await commands.CreateAsync(Input, ct);
            if (result.Error is null) return Redirect(SurveyCommands.Link(result.Value!.Id));
            result.Error.AddTo(ModelState);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Programs = await db.Programs.AsNoTracking().OrderBy(p => p.Status == ProgramStatus.Active ? 0 : 1).ThenByDescending(p => p.StartDate)
            .Select(p => new Option(p.Id, p.Name)).ToListAsync(ct);
}
