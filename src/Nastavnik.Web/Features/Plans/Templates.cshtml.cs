using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Plans;

/// <summary>The curator's templates of plans per topic: a title and tasks with their owner and «срок через N дней»; one edited at a time.</summary>
[Authorize(Policy = Policies.ProgramWrite)]
public class TemplatesModel(AppDbContext db, PlanCommands plans) : PageModel
{
    public sealed record Listed(int Id, string Topic, string Title, int Tasks);

    [BindProperty] public PlanTemplateInput Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public int? EditId { get; private set; }
    public List<Listed> Templates { get; private set; } = [];
    public List<(int Id, string Name)> Topics { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } editId)
        {
            var t = await db.PlanTemplates.AsNoTracking().FirstOrDefaultAsync(x => x.Id == editId, ct);
            if (t is null) return NotFound();
            EditId = editId;
            Version = t.Version;
            Input = new PlanTemplateInput
            {
                TopicId = t.TopicId, Title = t.Title,
                Tasks = await db.PlanTemplateTasks.AsNoTracking().Where(x => x.TemplateId == editId).OrderBy(x => x.Order)
                    .Select(x => new PlanTemplateTaskInput { Title = x.Title, Owner = x.Owner, DueInDays = x.DueInDays }).ToListAsync(ct),
            };
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        EditId = id;
        if (ModelState.IsValid)
        {
            var result = await plans.SaveTemplateAsync(id, Input, Version, ct);
            if (result.Error is null)
            {
                TempData["Flash"] = "Шаблон сохранён.";
                return RedirectToPage(new { id = (int?)null });
            }
            if (result.Error.Kind == ErrorKind.NotFound) return NotFound();
            result.Error.AddTo(ModelState);
            if (result.Error.Kind == ErrorKind.Stale)
            {
                ModelState.Remove(nameof(Version));
                Version = await db.PlanTemplates.Where(t => t.Id == id).Select(t => t.Version).FirstOrDefaultAsync(ct);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var result = await plans.DeleteTemplateAsync(id, ct);
        TempData["Flash"] = result.Error?.Message ?? "Шаблон удалён.";
        return RedirectToPage(new { id = (int?)null });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        while (Input.Tasks.Count(t => string.IsNullOrWhiteSpace(t.Title)) < 3) Input.Tasks.Add(new PlanTemplateTaskInput());
        Topics = (await db.Topics.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct)).Select(t => (t.Id, t.Name)).ToList();
        // Ordered before the record is made: EF cannot sort by a constructor's argument (the page answered 500).
        Templates = await db.PlanTemplates.AsNoTracking().Join(db.Topics, t => t.TopicId, x => x.Id, (t, x) => new { t.Id, Topic = x.Name, t.Title })
            .OrderBy(t => t.Topic).ThenBy(t => t.Title)
            .Select(t => new Listed(t.Id, t.Topic, t.Title, db.PlanTemplateTasks.Count(k => k.TemplateId == t.Id))).ToListAsync(ct);
    }
}
