using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Matching;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Matching;

/// <summary>
/// Needs the optimal matching of the current program cannot serve, with the curator's locks and rejections (the same solve as
/// «Подобрать пары», <see cref="MatchingWorkflow.SolveAsync"/>), the reason and what to do. The engine runs on each request (a school
/// takes a few milliseconds). Needs are read through the Need query filter (managers see the school's).
/// </summary>
[Authorize(Policy = Policies.DiagnosticsManage)]
public class UnservedModel(AppDbContext db, MatchingWorkflow matching, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Dir { get; set; }

    public MentoringProgram? Program { get; private set; }
    public DiagnosticsRound? Round { get; private set; }
    public ProgramMatchingInput? Input { get; private set; }
    public MatchingResult? Result { get; private set; }
    /// <summary>All unserved needs, before the direction filter.</summary>
    public IReadOnlyList<UnservedRow> All { get; private set; } = [];
    /// <summary>After the direction filter, grouped by topic: most unserved first.</summary>
    public IReadOnlyList<IGrouping<MatchTopic, UnservedRow>> Groups { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Directions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Result is null) return RedirectToPage("/Matching/Unserved");
        var sheet = new XlsxWriter.Sheet("Незакрытые дефициты",
            ["Направление", "Тема", "ФИО", "МО", "Приоритет", "Причина", "Что сделать"],
            Groups.SelectMany(g => g).Select(r => (IReadOnlyList<object?>)[r.Topic.DirectionName, r.Topic.Name, r.Teacher.FullName,
                r.Teacher.Department, ProgramMatchingInput.PriorityWord(r.Priority), Capital(r.ReasonText), r.Action]))
        { MaxColumnWidth = 70 };
        return File(XlsxWriter.Write(sheet), XlsxWriter.ContentType, $"Незакрытые дефициты {time.GetLocalNow():dd.MM.yyyy}.xlsx");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Program = await db.CurrentProgramAsync(ct);
        if (Program is null) return;
        Round = await db.LatestRoundAsync(Program.Id, ct);
        if (Round is null) return;
        if ((await matching.SolveAsync(Program.Id, stable: false, ct)).Value is not { } solution) return;
        Input = solution.Input;
        if (Input.Problem.Needs.Count == 0) return;
        Result = solution.Result;
        All = UnservedNeedsReport.Build(Input, Result);
        Directions = Input.Topics.Select(t => (t.DirectionId, t.DirectionName)).Distinct()
            .Where(d => All.Any(r => r.Topic.DirectionId == d.DirectionId)).ToList();
        Groups = All.Where(r => Dir is null || r.Topic.DirectionId == Dir)
            .OrderByDescending(r => r.Priority).ThenBy(r => r.Teacher.FullName, StringComparer.Create(new("ru-RU"), false))
            .GroupBy(r => r.Topic)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Max(r => r.Priority)).ThenBy(g => g.Key.EngineId)
            .ToList();
    }

    public static string Capital(string s) => s.Length == 0 ? s : char.ToUpper(s[0]) + s[1..];

    public static string PriorityCss(int p) => p switch { 3 => "text-bg-danger", 2 => "text-bg-warning", _ => "text-bg-secondary" };

    public string ExportLink => Url.Page("/Matching/Unserved", "Export", new { Dir })!;
}
