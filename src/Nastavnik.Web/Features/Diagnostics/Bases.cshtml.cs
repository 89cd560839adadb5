using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Diagnostics;

/// <summary>
/// The mentor base and the mentee base of seed 004 (база наставников, база наставляемых): direction → topic → teachers.
/// Offers are open to the school's staff; the mentee base lists needs, so only curators and administrators may open it.
/// </summary>
[Authorize(Policy = Policies.ProgramRead)]
public class BasesModel(AppDbContext db, IAuthorizationService authorization, TimeProvider clock, ILogger<BasesModel> log) : PageModel
{
    public sealed record Entry(MapTeacher Teacher, int Value);
    public sealed record TopicList(MapTopic Topic, IReadOnlyList<Entry> Entries);
    public sealed record DirectionList(string Name, IReadOnlyList<TopicList> Topics);

    /// <summary>Names shown in a topic before the rest fold under «ещё N».</summary>
    public const int ShownFirst = 8;

    [BindProperty(SupportsGet = true)] public int? Round { get; set; }
    /// <summary>mentors (default) or mentees.</summary>
    [BindProperty(SupportsGet = true)] public string? Tab { get; set; }
    /// <summary>Direction id; null lists every direction.</summary>
    [BindProperty(SupportsGet = true)] public int? Dir { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dept { get; set; }
    public IReadOnlyList<MapDirection> AllDirections { get; private set; } = [];
    public IReadOnlyList<string> Departments { get; private set; } = [];

    public MapScope Scope { get; private set; } = new(null, null, []);
    public bool CanSeeMentees { get; private set; }
    public bool Mentees => Tab == "mentees";
    public IReadOnlyList<DirectionList> Directions { get; private set; } = [];
    public bool HasEntries => Directions.Any(d => d.Topics.Any(t => t.Entries.Count > 0));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await PrepareAsync(ct) is { } denied) return denied;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (await PrepareAsync(ct) is { } denied) return denied;
        if (Scope.Round is null) return RedirectToPage("/Diagnostics/Bases");
        string[] headers = ["Направление", "Тема", "ФИО (Фамилия Имя Отчество)", Mentees ? "Приоритет" : "Уровень", "МО"];
        var rows = Directions.SelectMany(d => d.Topics.SelectMany(t => t.Entries.Select(e =>
            (IReadOnlyList<object?>)[d.Name, t.Topic.Name, e.Teacher.FullName, e.Value, e.Teacher.Department])));
        var title = Mentees ? "База наставляемых" : "База наставников";
        log.PersonalDataExported(Mentees ? "Mentee base" : "Mentor base", OperatorLog.AccountOf(db.School), db.School.SchoolId, Directions.Sum(d => d.Topics.Sum(t => t.Entries.Count)));
        return File(XlsxWriter.Write(new XlsxWriter.Sheet(title, headers, rows)), XlsxWriter.ContentType, $"{title} {clock.Today():dd.MM.yyyy}.xlsx");
    }

    /// <summary>Loads the base the user asked for; a forbidden result when it is the mentee base and the user does not manage diagnostics.</summary>
    private async Task<IActionResult?> PrepareAsync(CancellationToken ct)
    {
        CanSeeMentees = (await authorization.AuthorizeAsync(User, Policies.DiagnosticsManage)).Succeeded;
        if (Mentees && !CanSeeMentees) return Forbid();
        Scope = await db.ResolveScopeAsync(Round, ct);
        if (Scope.Round is null) return null;
        var data = await CompetencyData.LoadAsync(db, Scope.Round.Id, withNeeds: Mentees, ct);
        var order = StringComparer.Create(RussianText.Culture, ignoreCase: true);
        AllDirections = CompetencyData.Group(data.Topics);
        Departments = data.People.Values.Where(p => !string.IsNullOrEmpty(p.Department)).Select(p => p.Department!).Distinct().Order(order).ToList();
        var answers = (Mentees ? data.Needs : data.Offers)
            .Where(a => string.IsNullOrEmpty(Dept) || data.People[a.PersonId].Department == Dept).ToLookup(a => a.TopicId);
        Directions = CompetencyData.Group(data.Topics.Where(t => Dir is null || t.DirectionId == Dir)).Select(d => new DirectionList(d.Name, d.Topics
                .Select(t => new TopicList(t, answers[t.Id].Select(a => new Entry(data.People[a.PersonId], a.Value))
                    .OrderByDescending(e => e.Value).ThenBy(e => e.Teacher.Rank).ToList()))
                .ToList()))
            .ToList();
        return null;
    }

    public string TabLink(string tab, string? handler = null) =>
        Url.Page("/Diagnostics/Bases", handler, new { round = Round, tab = tab == "mentees" ? "mentees" : null, dir = Dir, dept = Dept })!;
}
