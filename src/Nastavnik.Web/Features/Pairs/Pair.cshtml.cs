using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Pairs;

/// <summary>
/// A pair's page for the pair, the curator and the administrator (the privacy filter hides it from anyone else: 404): the people and
/// their contacts, the topic, the status and its history, the group, the agreement, links to the plan, meetings and activities; the
/// curator's commands (start, complete, end early) and the agreement's (create, edit, accept, download).
/// </summary>
public class PairModel(PairQueries queries, PairCommands commands, AgreementCommands agreements) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public AgreementInput Agreement { get; set; } = new();

    public PairDetail Detail { get; private set; } = null!;
    public AgreementRights Rights { get; private set; } = new(false, false, false);
    public bool IsManager => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Curator);
    /// <summary>The viewer is the pair's mentor or mentee (a completed pair's members publish its case to the practice bank).</summary>
    public bool IsMember => User.FindFirst(CurrentSchool.PersonClaimType)?.Value is { } me
        && (me == Detail.Pair.MentorId.ToString(System.Globalization.CultureInfo.InvariantCulture) || me == Detail.Pair.MenteeId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    public string? Error { get; private set; }
    /// <summary>The agreement's version the form was read at (kept on a Stale refusal so the editor can save over it after comparing).</summary>
    public int AgreementVersion { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Detail.Agreement is { } a) Agreement = AgreementInput.From(a);
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(int version, CancellationToken ct) => Done(await commands.StartAsync(Id, version, ct));
    public async Task<IActionResult> OnPostCompleteAsync(int version, CancellationToken ct) => Done(await commands.CompleteAsync(Id, version, ct));
    public async Task<IActionResult> OnPostEndAsync(int version, PairEndReason reason, string? comment, CancellationToken ct) =>
        Done(await commands.EndEarlyAsync(Id, version, reason, comment, ct));

    public async Task<IActionResult> OnPostCreateAgreementAsync(CancellationToken ct)
    {
        var result = await agreements.CreateAsync(Id, ct);
        return Done(result.Error is null ? new CommandResult<string>("Договор составлен по типовому положению: проверьте условия и сохраните их.", null) : result.Error);
    }

    public async Task<IActionResult> OnPostSaveAgreementAsync(int version, CancellationToken ct)
    {
        var result = await agreements.UpdateAsync(Id, Agreement, version, ct);
        if (result.Error is { Kind: ErrorKind.Invalid or ErrorKind.Stale } error)
        {
            // The form keeps the editor's text: the error says what to fix or that someone else saved first.
            if (!await LoadAsync(ct)) return NotFound();
            ModelState.Clear();
            Error = error.FullText;
            if (error.Kind == ErrorKind.Invalid) AgreementVersion = version;
            return Page();
        }
        return Done(result.Error is null ? new CommandResult<string>(result.Value.Message, null) : result.Error);
    }

    public async Task<IActionResult> OnPostAcceptAsync(int version, CancellationToken ct)
    {
        var result = await agreements.AcceptAsync(Id, version, ct);
        return Done(result.Error is null ? new CommandResult<string>("Договор принят.", null) : result.Error);
    }

    public async Task<IActionResult> OnGetAgreementDocxAsync(CancellationToken ct)
    {
        return Hosting.DownloadAudit.PageFile(this, await agreements.DocxAsync(Id, ct));
    }

    private IActionResult Done(CommandResult<string> result)
    {
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { Kind: ErrorKind.Forbidden }) return Forbid();
        if (result.Error is { } error) TempData["Error"] = error.FullText;
        else TempData["Flash"] = result.Value;
        return RedirectToPage(new { id = Id });
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await queries.DetailAsync(Id, ct) is not { } detail) return false;
        Detail = detail;
        Rights = await agreements.RightsAsync(Id, ct) ?? Rights;
        AgreementVersion = detail.Agreement?.Version ?? 0;
        Error ??= TempData["Error"] as string;
        return true;
    }
}
