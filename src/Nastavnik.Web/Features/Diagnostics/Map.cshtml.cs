using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Diagnostics;

/// <summary>The competency map of the staff room (карта компетенций): who can mentor what, who needs what, and where nobody can help.</summary>
[Authorize(Policy = Policies.DiagnosticsManage)]
public class MapModel(AppDbContext db, TimeProvider clock, ViewerCache cache, ILogger<MapModel> log) : PageModel
{
    [BindProperty(SupportsGet = true)] public CompetencyMapFilter Filter { get; set; } = new();
    public MapScope Scope { get; private set; } = new(null, null, []);
    public CompetencyMap? Map { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // Computed once per viewer and filter until the school's data changes (ViewerCache): the map reads every answer of the round.
        (Scope, Map) = await cache.GetAsync(db, "competency-map", (Filter.Round, Filter.Dir, Filter.Dept, Filter.Page), async () =>
        {
            var scope = await db.ResolveScopeAsync(Filter.Round, ct);
            return (scope, scope.Round is null ? null : CompetencyMap.Build(await CompetencyData.LoadAsync(db, scope.Round.Id, withNeeds: true, ct),
                Filter, await Participation.LoadAsync(db, scope.Round.Id, ct, Filter.Dept)));
        }, ct);
        Response.Headers.Vary = "HX-Request";
        return Request.Headers.ContainsKey("HX-Request") ? Partial("_MapMatrix", this) : Page();
    }

    /// <summary>The whole matrix (every teacher of the filtered slice) with a sheet of supply and demand per topic and the uncovered deficits.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        Scope = await db.ResolveScopeAsync(Filter.Round, ct);
        if (Scope.Round is null) return RedirectToPage("/Diagnostics/Map");
        var map = CompetencyMap.Build(await CompetencyData.LoadAsync(db, Scope.Round.Id, withNeeds: true, ct), Filter,
            await Participation.LoadAsync(db, Scope.Round.Id, ct, Filter.Dept), pageSize: 0);
        var topics = map.Directions.SelectMany(d => d.Topics).ToList();
        var matrix = new XlsxWriter.Sheet("Карта компетенций",
            ["ФИО", "МО", .. topics.Select(t => $"{t.DirectionName}: {t.Name}")],
            map.Rows.Select(r => (IReadOnlyList<object?>)[r.Teacher.FullName, r.Teacher.Department,
                .. topics.Select(t => (object?)NullIfEmpty(CompetencyMap.CellText(r.Cells.GetValueOrDefault(t.Id))))]))
        { FrozenColumns = 1, MaxColumnWidth = 16 };
        var balance = new XlsxWriter.Sheet("Спрос и предложение",
            ["Направление", "Тема", "Наставников", "Сумма уровней", "Запросов", "Сумма приоритетов", "Запросов больше, чем наставников", "Непокрытых дефицитов"],
            map.Balances.Select(b => (IReadOnlyList<object?>)[b.Topic.DirectionName, b.Topic.Name, b.Mentors, b.LevelSum, b.Needs, b.PrioritySum,
                b.DemandExceedsSupply ? "да" : "нет", map.Uncovered.Count(d => d.Topic.Id == b.Topic.Id)]));
        var uncovered = new XlsxWriter.Sheet("Непокрытые дефициты", ["ФИО", "МО", "Направление", "Тема", "Приоритет"],
            map.Uncovered.Select(d => (IReadOnlyList<object?>)[d.Teacher.FullName, d.Teacher.Department, d.Topic.DirectionName, d.Topic.Name, d.Priority]));
        log.PersonalDataExported("Competency map", OperatorLog.AccountOf(db.School), db.School.SchoolId, map.Rows.Count);
        return File(XlsxWriter.Write(matrix, balance, uncovered), XlsxWriter.ContentType, $"Карта компетенций {clock.Today():dd.MM.yyyy}.xlsx");
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    /// <summary>Deficits listed on the page; the export has them all.</summary>
    public const int UncoveredShown = 200;

    public string Link(int? page = null) => Url.Page("/Diagnostics/Map", new { Filter.Round, Filter.Dir, Filter.Dept, p = page ?? 1 })!;

    public string ExportLink => Url.Page("/Diagnostics/Map", "Export", new { Filter.Round, Filter.Dir, Filter.Dept })!;

    /// <summary>Null for an empty cell, so Razor leaves the attribute out: the matrix of a big school is mostly empty cells.</summary>
    public static string? CellCss(MapCell? c) => c switch
    {
        null => null,
        { Level: not null, Priority: not null } => "cm-both",
        { Level: not null } => "cm-offer",
        _ => "cm-need",
    };
}
