using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Programs;

/// <summary>The roadmap page's quick changes (template, stages, order, status); each returns to the roadmap.</summary>
[Authorize(Policy = Policies.ProgramWrite)]
public class RoadmapActionsModel(ProgramCommands commands) : PageModel
{
    public IActionResult OnGet(int programId) => RedirectToPage("/Programs/Roadmap", new { id = programId });

    public async Task<IActionResult> OnPostApplyTemplateAsync(int programId, string? template, CancellationToken ct) =>
        Back(programId, await commands.ApplyTemplateAsync(programId, template, ct), t =>
            $"Дорожная карта заполнена по шаблону {RussianText.Quote(t.Name)}: {RussianText.Plural(t.EventCount, "мероприятие", "мероприятия", "мероприятий")}. Проверьте сроки и ответственных.");

    public async Task<IActionResult> OnPostAddStageAsync(int programId, string? title, CancellationToken ct) =>
        Back(programId, await commands.AddStageAsync(programId, title, ct), s => $"Этап {RussianText.Quote(s.Title)} добавлен.");

    public async Task<IActionResult> OnPostMoveStageAsync(int programId, int stageId, int delta, CancellationToken ct) =>
        Back(programId, await commands.MoveStageAsync(programId, stageId, delta, ct));

    public async Task<IActionResult> OnPostMoveEventAsync(int programId, int eventId, int delta, CancellationToken ct) =>
        Back(programId, await commands.MoveEventAsync(programId, eventId, delta, ct));

    public async Task<IActionResult> OnPostStatusAsync(int programId, int eventId, EventStatus status, int version, CancellationToken ct) =>
        Back(programId, await commands.SetEventStatusAsync(programId, eventId, status, version, ct), e => $"{RussianText.Quote(Short(e.Title))}: {ProgramLabels.Event(status)}.");

    private static string Short(string title) => title.Length <= 60 ? title : title[..57] + "…";

    private IActionResult Back<T>(int programId, CommandResult<T> result, Func<T, string> flash) =>
        result.Error is { } error ? Back(programId, error) : Back(programId, flash(result.Value!));

    private IActionResult Back(int programId, CommandResult result) => result.Error is { } error ? Back(programId, error) : Back(programId);

    private IActionResult Back(int programId, CommandError error)
    {
        if (error.Kind == ErrorKind.NotFound) return NotFound();
        TempData["Error"] = error.Message;
        return RedirectToPage("/Programs/Roadmap", new { id = programId });
    }

    private RedirectToPageResult Back(int programId, string? flash = null)
    {
        if (flash is not null) TempData["Flash"] = flash;
        return RedirectToPage("/Programs/Roadmap", new { id = programId });
    }
}
