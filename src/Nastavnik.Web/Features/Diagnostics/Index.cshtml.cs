using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Diagnostics;

/// <summary>The curator's diagnostics page: the rounds of the current program (open, close, reopen) and who has answered the latest one.</summary>
[Authorize(Policy = Policies.DiagnosticsManage)]
public class IndexModel(AppDbContext db, RoundCommands rounds, TimeProvider clock) : PageModel
{
    public MentoringProgram? Program { get; private set; }
    public List<DiagnosticsRound> Rounds { get; private set; } = [];
    public DiagnosticsRound? Latest => Rounds.FirstOrDefault();
    public RoundStatus.Summary? Status { get; private set; }
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dept { get; set; }
    // "page" is reserved by Razor Pages for the page's own route value.
    [BindProperty(SupportsGet = true, Name = "p")] public int P { get; set; } = 1;
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Deadline { get; set; }
    public string? Error { get; private set; }
    /// <summary>A curator who also teaches (an account linked to a card) fills their own sheet too.</summary>
    public bool HasOwnSheet => db.School.PersonId > 0;
    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Response.Headers.Vary = "HX-Request";
        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        var result = await rounds.OpenAsync(Title, ParseDate(Deadline), ct);
        if (result.Error is { } error) return await Fail(error.Message, ct);
        TempData["Flash"] = $"Тур {RussianText.Quote(result.Value!.Title)} открыт. Педагоги увидят анкету в разделе «Анкеты».";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, int version, CancellationToken ct) => await ChangeAsync(id, version, open: false, ct);

    public async Task<IActionResult> OnPostReopenAsync(int id, int version, CancellationToken ct) => await ChangeAsync(id, version, open: true, ct);

    private async Task<IActionResult> ChangeAsync(int id, int version, bool open, CancellationToken ct)
    {
        var result = await rounds.SetOpenAsync(id, open, version, ct);
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { } error) return await Fail(error.Message, ct);
        var round = result.Value!;
        TempData["Flash"] = open ? $"Тур {RussianText.Quote(round.Title)} снова открыт до {RussianText.Date(round.Deadline)}." : $"Тур {RussianText.Quote(round.Title)} закрыт: ответы больше не принимаются.";
        return RedirectToPage();
    }

    private async Task<IActionResult> Fail(string message, CancellationToken ct)
    {
        Error = message;
        if (Program is null) await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Program = await db.CurrentProgramAsync(ct);
        if (Program is null) return;
        Rounds = await db.DiagnosticsRounds.AsNoTracking().Where(r => r.ProgramId == Program.Id)
            .OrderByDescending(r => r.OpenedAt).ThenByDescending(r => r.Id).ToListAsync(ct);
        if (Latest is not null) Status = await RoundStatus.LoadAsync(db, Latest.Id, Show, Q, ct, Dept, P);
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "dd.MM.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public string FilterLink(string? show) => Url.Page("/Diagnostics/Index", new { show, q = Q, dept = Dept })!;

    public string PageLink(int page) => Url.Page("/Diagnostics/Index", new { show = Show, q = Q, dept = Dept, p = page })!;
}
