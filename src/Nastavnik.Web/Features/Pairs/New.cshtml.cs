using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Matching;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Pairs;

/// <summary>
/// The curator creates a pair by hand: one of a mentee's open needs (no live pair on it) and a mentor; <see cref="PairCommands.CreateAsync"/>
/// checks it with the matching engine and refuses with the reason.
/// </summary>
[Authorize(Policy = Policies.DiagnosticsManage)]
public class NewModel(AppDbContext db, MatchingWorkflow matching, PairCommands commands) : PageModel
{
    public sealed record Option(string Value, string Text);

    [BindProperty] public string? Need { get; set; }
    [BindProperty] public int MentorId { get; set; }

    public MentoringProgram? Program { get; private set; }
    public IReadOnlyList<Option> Needs { get; private set; } = [];
    public IReadOnlyList<Option> Mentors { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(string? need, CancellationToken ct)
    {
        Need = need;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var parts = (Need ?? "").Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var menteeId) || !int.TryParse(parts[1], out var topicId))
        {
            Error = "Выберите наставляемого и тему.";
            await LoadAsync(ct);
            return Page();
        }
        Program = await db.CurrentProgramAsync(ct);
        if (Program is null) return NotFound();
        var result = await commands.CreateAsync(Program.Id, menteeId, topicId, MentorId, ct);
        if (result.Value is { } pair)
        {
            TempData["Flash"] = "Пара создана.";
            return Redirect($"/Pairs/{pair.Id}");
        }
        Error = result.Error!.FullText;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Program = await db.CurrentProgramAsync(ct);
        if (Program is null) return;
        var (_, _, input) = await matching.InputAsync(Program.Id, ct);
        if (input is null) return;
        var live = (await PairsAtWork.LiveAsync(db, Program.Id, ct)).Select(l => (l.Mentee, l.Topic)).ToHashSet();
        var ru = StringComparer.Create(RussianText.Culture, true);
        Needs = input.Problem.Needs.Select(n => (Person: input.Person(n.Mentee), Topic: input.Topic(n.Topic)))
            .Where(n => !live.Contains((n.Person.PersonId, n.Topic.TopicId)))
            .Select(n => new Option($"{n.Person.PersonId}:{n.Topic.TopicId}", $"{n.Person.FullName} — {n.Topic.Name}"))
            .OrderBy(o => o.Text, ru).ToList();
        Mentors = input.Problem.Offers.Select(o => input.Person(o.Mentor)).DistinctBy(p => p.PersonId)
            .Select(p => new Option(p.PersonId.ToString(RussianText.Culture), p.FullName + (p.Department is null ? "" : $" ({p.Department})")))
            .OrderBy(o => o.Text, ru).ToList();
    }
}
