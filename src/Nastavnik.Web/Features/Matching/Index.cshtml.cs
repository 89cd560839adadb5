using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Matching;

/// <summary>
/// The curator's matching of the current program. Each handler maps the form to <see cref="MatchingWorkflow"/> and its result to
/// the page: a flash message and a redirect to the same view, the page again with an error or the question to replace approved
/// pairs, or 404 for a program, person or topic the curator cannot see. What is shown comes from <see cref="MatchingView"/>.
/// </summary>
[Authorize(Policy = Policies.DiagnosticsManage)]
public class IndexModel(AppDbContext db, MatchingWorkflow matching, TimeProvider clock, ViewerCache cache) : PageModel
{
    public const int PageSize = MatchingView.PageSize;

    // Filters of the proposal table, kept in the query string (and sent back by the row forms so a decision keeps the view).
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "topic")] public int? TopicFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "urgent")] public bool Urgent { get; set; }
    // "page" is reserved by Razor Pages for the page's own route value.
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public MatchingView View { get; private set; } = new();
    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || TopicFilter is not null || Urgent;
    /// <summary>Set when «Утвердить пары» would replace approved pairs: the page asks to confirm.</summary>
    public bool ConfirmReplace { get; private set; }
    /// <summary>The default date of the order fixing the approved pairs.</summary>
    public DateOnly Today => clock.Today();
    /// <summary>A refusal shown on the page: from this request, or from the one that redirected here.</summary>
    public string? Error { get; private set; }

    private string UserName => User.Identity?.Name ?? "";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRunAsync(int programId, string? mode, CancellationToken ct) =>
        Done(await matching.RunAsync(programId, mode == "stable", UserName, ct), null, RedirectToPage());

    /// <summary>kind: lock, reject or clear (removes the curator's decision on this row).</summary>
    public async Task<IActionResult> OnPostDecideAsync(int programId, int menteeId, int topicId, int mentorId, string kind, CancellationToken ct)
    {
        MatchDecisionKind? decision = kind switch { "lock" => MatchDecisionKind.Lock, "reject" => MatchDecisionKind.Reject, _ => null };
        var result = await matching.DecideAsync(programId, menteeId, topicId, mentorId, decision, UserName, ct);
        return Done(result, result.Value, RedirectToPage(ListRoute()));
    }

    public async Task<IActionResult> OnPostTransferAsync(int programId, int menteeId, int topicId, int newMentorId, CancellationToken ct)
    {
        var result = await matching.TransferAsync(programId, menteeId, topicId, newMentorId, UserName, ct);
        return Done(result, result.Value, RedirectToPage(ListRoute()));
    }

    public async Task<IActionResult> OnPostApproveAsync(int programId, int runId, bool confirm, CancellationToken ct)
    {
        var result = await matching.ApproveAsync(programId, runId, confirm, UserName, ct);
        if (result.Error is { Kind: ErrorKind.Stale or ErrorKind.Conflict } error)
        {
            await LoadAsync(ct);
            Error = error.Message;
            return Page();
        }
        if (result.Value is { Outcome: ApprovalOutcome.NeedsConfirmation })
        {
            await LoadAsync(ct);
            ConfirmReplace = true;
            return Page();
        }
        return Done(result, result.Value?.Message, RedirectToPage());
    }

    /// <summary>404 for what the curator cannot see; otherwise the message (a refusal as an error) and the redirect.</summary>
    private IActionResult Done<T>(CommandResult<T> result, string? message, IActionResult redirect)
    {
        if (result.Error is { Kind: ErrorKind.NotFound }) return NotFound();
        if (result.Error is { } error) TempData["Error"] = error.FullText;
        else if (message is not null) TempData["Flash"] = message;
        return redirect;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        // Once per viewer and filter until the school's data changes: the view reads the whole round and the latest run.
        var filter = new MatchingView.Filter(Q, TopicFilter, Urgent, PageNumber);
        View = await cache.GetAsync(db, "matching", filter, () => MatchingView.LoadAsync(db, matching, filter, ct), ct);
        PageNumber = View.PageNumber;
        Error ??= TempData["Error"] as string;
    }

    /// <summary>The filters and a page (the current one by default) as route values: redirects after a row's decision, pager links.</summary>
    private object ListRoute(int? page = null) => new
    {
        q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
        topic = TopicFilter,
        urgent = Urgent ? "true" : null,
        p = (page ?? PageNumber) > 1 ? page ?? PageNumber : (int?)null,
    };

    /// <summary>/Matching with the current filters and the given page.</summary>
    public string Link(int page) => Url.Page("/Matching/Index", ListRoute(page))!;

    public static (string Text, string Css) StateLabel(ProposalState state) => state switch
    {
        ProposalState.Locked => ("закреплено", "text-bg-success"),
        ProposalState.Rejected => ("отклонено", "text-bg-danger"),
        ProposalState.Moved => ("передано другому", "text-bg-info"),
        _ => ("предложено", "text-bg-secondary"),
    };
}
