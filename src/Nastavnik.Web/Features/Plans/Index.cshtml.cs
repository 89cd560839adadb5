using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Plans;

/// <summary>
/// The plan (ИОМ) of one mentee: a section per pair the reader may see (the privacy filters decide), goals and tasks, short forms to add
/// a goal or a task, the mentor's «Принять», and the history of corrections.
/// </summary>
[Authorize(Policy = Policies.ProgramRead)]
public class IndexModel(AppDbContext db, PlanCommands plans) : PageModel
{
    public PlanView Plan { get; private set; } = null!;
    public PlanTaskInput NewTask { get; set; } = new();
    public PlanGoalInput NewGoal { get; set; } = new();
    /// <summary>The pair whose form was sent and refused: its form stays open with the text.</summary>
    public int? OpenPairId { get; private set; }
    public int Me => db.School.PersonId;
    public bool Manager => db.School.IsSchoolManager;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostGoalAsync(int id, CancellationToken ct)
    {
        await TryUpdateModelAsync(NewGoal, nameof(NewGoal));
        if (ModelState.IsValid)
        {
            var result = await plans.AddGoalAsync(id, NewGoal, ct);
            if (result.Error is null) return Saved(id, "Цель добавлена.");
            if (result.Error.Kind == ErrorKind.NotFound) return NotFound();
            result.Error.AddTo(ModelState, "goal");
        }
        OpenPairId = NewGoal.PairId;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostTaskAsync(int id, CancellationToken ct)
    {
        await TryUpdateModelAsync(NewTask, nameof(NewTask));
        if (ModelState.IsValid)
        {
            var result = await plans.AddTaskAsync(id, NewTask, [], ct);
            if (result.Error is null) return Saved(id, "Задача добавлена.");
            if (result.Error.Kind == ErrorKind.NotFound) return NotFound();
            result.Error.AddTo(ModelState, "task");
        }
        OpenPairId = NewTask.PairId;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAcceptAsync(int id, int taskId, int version, CancellationToken ct)
    {
        var result = await plans.AcceptTaskAsync(taskId, version, ct);
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { } error)
        {
            TempData["Error"] = error.FullText;
            return RedirectToPage(new { id });
        }
        return Saved(id, "Задача принята.");
    }

    private RedirectToPageResult Saved(int id, string message)
    {
        TempData["Flash"] = message;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var plan = await db.LoadPlanAsync(id, ct);
        if (plan is null) return false;
        Plan = plan;
        return true;
    }
}
