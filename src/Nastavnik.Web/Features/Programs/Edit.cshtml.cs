using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Programs;

/// <summary>Creates or edits a program; a new one may start its roadmap from a template.</summary>
[Authorize(Policy = Policies.ProgramWrite)]
public class EditModel(AppDbContext db, ProgramCommands commands, TimeProvider clock) : PageModel
{
    public sealed record StaffOption(int Id, string FullName);

    [BindProperty] public ProgramInput Input { get; set; } = new();
    /// <summary>The version the user started editing; a newer one in the database means someone else saved meanwhile.</summary>
    [BindProperty] public int Version { get; set; }
    /// <summary>A roadmap template to start from (new programs only).</summary>
    [BindProperty] public string? Template { get; set; }
    public int? Id { get; private set; }
    public List<StaffOption> Staff { get; private set; } = [];
    public DateOnly Today { get; } = clock.Today();

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        await LoadStaffAsync(ct);
        if (id is null)
        {
            Input = ProgramInput.New(Today);
            return Page();
        }
        var program = await db.LoadForEditAsync(id.Value, ct);
        if (program is null) return NotFound();
        Input = ProgramInput.From(program);
        Version = program.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        await LoadStaffAsync(ct);
        if (!ModelState.IsValid) return Page();
        // On the page, nothing selected means no curators and no indicators (in the API, absent means unchanged).
        Input.CuratorIds ??= [];
        Input.Indicators ??= [];
        var result = await commands.SaveAsync(id, Input, Version, Template, ct);
        if (result.Error is { } error)
        {
            if (error.Kind == ErrorKind.NotFound) return NotFound();
            error.AddTo(ModelState, error.Kind == ErrorKind.Conflict ? "Input.Status" : "");
            return Page();
        }
        var (program, template) = result.Value!;
        if (template is not null)
        {
            TempData["Flash"] = $"Программа {RussianText.Quote(program.Name)} создана, дорожная карта заполнена по шаблону: {RussianText.Plural(template.EventCount, "мероприятие", "мероприятия", "мероприятий")}.";
            return RedirectToPage("/Programs/Roadmap", new { id = program.Id });
        }
        TempData["Flash"] = id is null ? $"Программа {RussianText.Quote(program.Name)} создана." : "Изменения сохранены.";
        return RedirectToPage("/Programs/Index", new { id = program.Id });
    }

    private async Task LoadStaffAsync(CancellationToken ct) =>
        Staff = await db.People.AsNoTracking().Where(p => !p.IsArchived)
            .OrderBy(p => NameOrder.Key(p.LastName)).ThenBy(p => NameOrder.Key(p.FirstName)).ThenBy(p => NameOrder.Key(p.MiddleName))
            .Select(p => new StaffOption(p.Id, p.LastName + " " + p.FirstName + (p.MiddleName == null ? "" : " " + p.MiddleName))).ToListAsync(ct);
}
