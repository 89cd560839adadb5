using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Diagnostics;

/// <summary>The curator's diagnostics page: the rounds of the current program (open, close, reopen) and who has answered the latest one.</summary>
[Authorize(Policy = Policies.DiagnosticsManage)]
public class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public MentoringProgram? Program { get; private set; }
    public List<DiagnosticsRound> Rounds { get; private set; } = [];
    public DiagnosticsRound? Latest => Rounds.FirstOrDefault();
    public RoundStatus.Summary? Status { get; private set; }
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
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
        await LoadAsync(ct);
        if (Program is null) return await Fail("Сначала создайте программу наставничества.", ct);
        var title = RussianText.Clean(Title);
        if (title is null) return await Fail("Укажите название диагностики, например «Самодиагностика педагогов, сентябрь».", ct);
        if (title.Length > 300) return await Fail("Название диагностики — не длиннее 300 знаков.", ct);
        if (ParseDate(Deadline) is not { } deadline) return await Fail("Укажите срок ответа — дату в виде дд.мм.гггг.", ct);
        if (deadline < Today) return await Fail($"Срок {RussianText.Date(deadline)} уже прошёл: укажите сегодняшнюю или более позднюю дату.", ct);
        if (Rounds.FirstOrDefault(r => r.IsOpen) is { } open)
            return await Fail($"Диагностика «{open.Title}» ещё открыта. В программе может быть открыта только одна диагностика: закройте её, чтобы открыть новую.", ct);
        db.DiagnosticsRounds.Add(new DiagnosticsRound { ProgramId = Program.Id, Title = title, Deadline = deadline });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = $"Диагностика «{title}» открыта. Педагоги увидят анкету в разделе «Анкеты».";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, int version, CancellationToken ct) => await ChangeAsync(id, version, close: true, ct);

    public async Task<IActionResult> OnPostReopenAsync(int id, int version, CancellationToken ct) => await ChangeAsync(id, version, close: false, ct);

    private async Task<IActionResult> ChangeAsync(int id, int version, bool close, CancellationToken ct)
    {
        var round = await db.DiagnosticsRounds.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return NotFound();
        if (!close && await db.DiagnosticsRounds.AnyAsync(r => r.ProgramId == round.ProgramId && r.Id != id && r.ClosedAt == null, ct))
            return await Fail("В программе уже открыта другая диагностика: закройте её, чтобы вернуться к этой.", ct);
        db.Entry(round).Property(r => r.Version).OriginalValue = version;
        round.ClosedAt = close ? clock.UtcTime() : null;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return await Fail("Пока вы смотрели страницу, эту диагностику изменил другой пользователь. Проверьте её состояние и повторите.", ct); }
        TempData["Flash"] = close ? $"Диагностика «{round.Title}» закрыта: ответы больше не принимаются." : $"Диагностика «{round.Title}» снова открыта до {RussianText.Date(round.Deadline)}.";
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
        if (Latest is not null) Status = await RoundStatus.LoadAsync(db, Latest.Id, Show, Q, ct);
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "dd.MM.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public string FilterLink(string? show) => Url.Page("/Diagnostics/Index", new { show, q = Q })!;
}
