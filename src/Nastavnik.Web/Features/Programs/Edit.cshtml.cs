using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Programs;

/// <summary>Creates or edits a program; a new one may start its roadmap from a template.</summary>
[Authorize(Policy = Policies.ProgramWrite)]
public class EditModel(AppDbContext db, TimeProvider clock) : PageModel
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
        MentoringProgram? program = null;
        if (id is not null)
        {
            program = await db.LoadForEditAsync(id.Value, ct);
            if (program is null) return NotFound();
        }
        if (ModelState.IsValid && await ProgramRules.ActiveConflictAsync(db, id ?? 0, Input.Status, ct) is { } conflict)
            ModelState.AddModelError("Input.Status", conflict);
        if (!ModelState.IsValid) return Page();

        if (program is null)
        {
            program = new MentoringProgram { Name = "" };
            db.Programs.Add(program);
        }
        else
        {
            db.Entry(program).Property(p => p.Version).OriginalValue = Version;
            // Changing only indicators or curators still checks and bumps the program's version.
            db.Entry(program).Property(p => p.Name).IsModified = true;
        }
        // On the page, nothing selected means no curators and no indicators (in the API, absent means unchanged).
        Input.CuratorIds ??= [];
        Input.Indicators ??= [];
        await Input.ApplyToAsync(db, program, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Пока вы редактировали программу, её изменил другой пользователь. Ваши изменения не сохранены: откройте программу заново, проверьте данные и внесите правки ещё раз.");
            return Page();
        }
        catch (DbUpdateException) when (Input.Status == ProgramStatus.Active)
        {
            // Another program became active between the check above and this save (IX_Programs_OneActive).
            ModelState.AddModelError("Input.Status", await ProgramRules.ActiveConflictAsync(db, id ?? 0, Input.Status, ct)
                ?? "В школе уже есть активная программа. Сначала завершите её.");
            return Page();
        }
        if (id is null && RoadmapTemplates.Find(Template) is { } template)
        {
            await RoadmapTemplates.ApplyAsync(db, program, template.Code, ct);
            TempData["Flash"] = $"Программа «{program.Name}» создана, дорожная карта заполнена по шаблону: {RussianText.Plural(template.EventCount, "мероприятие", "мероприятия", "мероприятий")}.";
            return RedirectToPage("/Programs/Roadmap", new { id = program.Id });
        }
        TempData["Flash"] = id is null ? $"Программа «{program.Name}» создана." : "Изменения сохранены.";
        return RedirectToPage("/Programs/Index", new { id = program.Id });
    }

    private async Task LoadStaffAsync(CancellationToken ct) =>
        Staff = await db.People.AsNoTracking().Where(p => !p.IsArchived)
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.MiddleName)
            .Select(p => new StaffOption(p.Id, p.LastName + " " + p.FirstName + (p.MiddleName == null ? "" : " " + p.MiddleName))).ToListAsync(ct);
}
