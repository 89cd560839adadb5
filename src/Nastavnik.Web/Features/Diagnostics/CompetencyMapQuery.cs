using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Diagnostics;

public sealed record RoundOption(int Id, string Title, DateTime OpenedAt);

/// <summary>Which program and round the map and the bases show: the named round, else the latest round of the current program.</summary>
public sealed record MapScope(MentoringProgram? Program, DiagnosticsRound? Round, IReadOnlyList<RoundOption> Rounds);

public sealed record MapTopic(int Id, string Code, string Name, int DirectionId, string DirectionName, bool IsRetired);
public sealed record MapDirection(int Id, string Name, IReadOnlyList<MapTopic> Topics);
/// <param name="Rank">Position in the registry's order (last, first, middle name).</param>
public sealed record MapTeacher(int Id, string FullName, string? Department, bool IsTeacher, int Rank);
public sealed record MapCell(int? Level, int? Priority);
public sealed record MapRow(MapTeacher Teacher, IReadOnlyDictionary<int, MapCell> Cells);
public sealed record MapAnswer(int PersonId, int TopicId, int Value);
public sealed record Deficit(MapTeacher Teacher, MapTopic Topic, int Priority);

/// <summary>Supply (mentors and the sum of their levels) against demand (needs and the sum of their priorities) for one topic.</summary>
public sealed record TopicBalance(MapTopic Topic, int Mentors, int LevelSum, int Needs, int PrioritySum)
{
    public bool DemandExceedsSupply => Needs > Mentors;
}

/// <summary>The raw answers of one round, read with one query per table (projections, no tracking); everything else is computed in memory.</summary>
public sealed class CompetencyData
{
    /// <summary>Topics in catalog order; retired ones (or those of a retired direction) only when this round has answers on them.</summary>
    public required IReadOnlyList<MapTopic> Topics { get; init; }
    /// <summary>People who work at the school (not archived); answers of others are not shown.</summary>
    public required IReadOnlyDictionary<int, MapTeacher> People { get; init; }
    public required IReadOnlyList<MapAnswer> Offers { get; init; }
    /// <summary>Needs as the privacy filter of AppDbContext lets the viewer see them.</summary>
    public required IReadOnlyList<MapAnswer> Needs { get; init; }

    public static async Task<CompetencyData> LoadAsync(AppDbContext db, int roundId, bool withNeeds, CancellationToken ct)
    {
        var offers = await db.Offers.AsNoTracking().Where(o => o.RoundId == roundId)
            .Select(o => new MapAnswer(o.PersonId, o.TopicId, o.Level)).ToListAsync(ct);
        // The Need query filter decides what the viewer may see; this code never widens it.
        var needs = withNeeds
            ? await db.Needs.AsNoTracking().Where(n => n.RoundId == roundId).Select(n => new MapAnswer(n.PersonId, n.TopicId, n.Priority)).ToListAsync(ct)
            : [];
        // The registry's order (and its index): the matrix lists people as the staff list does, with no sorting in memory.
        var people = await db.People.AsNoTracking().Where(p => !p.IsArchived)
            .OrderBy(p => NameOrder.Key(p.LastName)).ThenBy(p => NameOrder.Key(p.FirstName)).ThenBy(p => NameOrder.Key(p.MiddleName)).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.LastName, p.FirstName, p.MiddleName, p.Department, p.Kind }).ToListAsync(ct);
        var topics = await db.Topics.AsNoTracking()
            .Select(t => new { t.Id, t.Code, t.Name, t.SortOrder, t.IsRetired, t.DirectionId, Direction = t.Direction!.Name, DirectionOrder = t.Direction.SortOrder, DirectionRetired = t.Direction.IsRetired })
            .ToListAsync(ct);

        var answered = offers.Select(o => o.TopicId).Concat(needs.Select(n => n.TopicId)).ToHashSet();
        var peopleById = people.Select((p, i) => new MapTeacher(p.Id, PersonName.Full(p.LastName, p.FirstName, p.MiddleName), p.Department, p.Kind == PersonKind.Teacher, i))
            .ToDictionary(p => p.Id);
        return new CompetencyData
        {
            Topics = topics.Where(t => !(t.IsRetired || t.DirectionRetired) || answered.Contains(t.Id))
                .OrderBy(t => t.DirectionOrder).ThenBy(t => t.DirectionId).ThenBy(t => t.SortOrder).ThenBy(t => t.Id)
                .Select(t => new MapTopic(t.Id, t.Code, t.Name, t.DirectionId, t.Direction, t.IsRetired || t.DirectionRetired)).ToList(),
            People = peopleById,
            Offers = offers.Where(o => peopleById.ContainsKey(o.PersonId)).ToList(),
            Needs = needs.Where(n => peopleById.ContainsKey(n.PersonId)).ToList(),
        };
    }

    public static IReadOnlyList<MapDirection> Group(IEnumerable<MapTopic> topics) =>
        topics.GroupBy(t => (t.DirectionId, t.DirectionName)).Select(g => new MapDirection(g.Key.DirectionId, g.Key.DirectionName, g.ToList())).ToList();
}

public sealed class CompetencyMapFilter
{
    public int? Round { get; set; }
    /// <summary>Direction id; null shows all directions.</summary>
    public int? Dir { get; set; }
    public string? Dept { get; set; }
    // "page" is reserved by Razor Pages for the page's own route value.
    [Microsoft.AspNetCore.Mvc.ModelBinder(Name = "p")]
    public int Page { get; set; } = 1;

    public const int PageSize = 100;
}

/// <summary>
/// The competency map of a round: teachers × topics, supply against demand per topic, deficits nobody else can cover, and the
/// reverse-mentoring network in numbers. Figures cover the filtered slice (department, direction) and all its teachers; only the
/// matrix rows are paged. A deficit counts as covered when anyone else in the school, in any department, offers its topic.
/// </summary>
public sealed class CompetencyMap
{
    public required IReadOnlyList<MapDirection> AllDirections { get; init; }
    public required IReadOnlyList<string> Departments { get; init; }
    public required IReadOnlyList<MapDirection> Directions { get; init; }
    public required IReadOnlyList<MapRow> Rows { get; init; }
    public required int TotalRows { get; init; }
    public required int Page { get; init; }
    public required int Pages { get; init; }
    public required IReadOnlyList<TopicBalance> Balances { get; init; }
    public required IReadOnlyList<Deficit> Uncovered { get; init; }
    /// <summary>Teachers asked to answer and those who sent their sheet (<see cref="Participation"/>, the same figure as on the home page).</summary>
    public required int TeachersTotal { get; init; }
    public required int Answered { get; init; }
    /// <summary>Teachers in the map whose answers are saved but whose sheet is not sent (or who may no longer be asked).</summary>
    public required int NotSent { get; init; }
    public required int Mentors { get; init; }
    public required int Mentees { get; init; }
    public required int BothRoles { get; init; }
    /// <summary>Whether the round has any answers at all (before filters).</summary>
    public required bool HasAnswers { get; init; }

    public IEnumerable<TopicBalance> DemandExceedsSupply =>
        Balances.Where(b => b.DemandExceedsSupply).OrderByDescending(b => b.Needs - b.Mentors).ThenByDescending(b => b.PrioritySum);

    /// <summary>Share of the teachers in the map (everyone with saved answers, as the mentors and mentees are counted) who are both, in percent.</summary>
    public double BothRolesPercent => TotalRows == 0 ? 0 : Math.Round(100.0 * BothRoles / TotalRows, 1);

    private static readonly StringComparer NameOrder = StringComparer.Create(RussianText.Culture, ignoreCase: true);

    /// <param name="participation">Who was asked and who answered, in the filter's department (<see cref="Participation.LoadAsync"/>).</param>
    /// <param name="pageSize">Rows of the matrix per page; 0 returns every row (the export).</param>
    public static CompetencyMap Build(CompetencyData data, CompetencyMapFilter filter, Participation participation, int pageSize = CompetencyMapFilter.PageSize)
    {
        var topics = data.Topics.Where(t => filter.Dir is null || t.DirectionId == filter.Dir).ToList();
        var topicById = topics.ToDictionary(t => t.Id);
        var topicOrder = topics.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        bool InSlice(int personId) => string.IsNullOrEmpty(filter.Dept) || data.People[personId].Department == filter.Dept;
        var offers = data.Offers.Where(o => topicById.ContainsKey(o.TopicId) && InSlice(o.PersonId)).ToList();
        var needs = data.Needs.Where(n => topicById.ContainsKey(n.TopicId) && InSlice(n.PersonId)).ToList();

        // Who offers each topic anywhere in the school: a teacher's own offer does not cover their own need.
        var offerers = data.Offers.GroupBy(o => o.TopicId).ToDictionary(g => g.Key, g => g.Select(o => o.PersonId).ToHashSet());
        var uncovered = needs
            .Where(n => !offerers.TryGetValue(n.TopicId, out var who) || who.All(p => p == n.PersonId))
            .Select(n => new Deficit(data.People[n.PersonId], topicById[n.TopicId], n.Value))
            .OrderByDescending(d => d.Priority).ThenBy(d => topicOrder[d.Topic.Id]).ThenBy(d => d.Teacher.Rank)
            .ToList();

        var offersByTopic = offers.ToLookup(o => o.TopicId);
        var needsByTopic = needs.ToLookup(n => n.TopicId);
        var balances = topics.Select(t => new TopicBalance(t,
            offersByTopic[t.Id].Select(o => o.PersonId).Distinct().Count(), offersByTopic[t.Id].Sum(o => o.Value),
            needsByTopic[t.Id].Count(), needsByTopic[t.Id].Sum(n => n.Value))).ToList();

        var mentors = offers.Select(o => o.PersonId).ToHashSet();
        var mentees = needs.Select(n => n.PersonId).ToHashSet();

        // Rows: everyone with an answer in the slice, in the registry's order; cells are built for the shown page only.
        var ordered = mentors.Union(mentees).Select(id => data.People[id]).OrderBy(p => p.Rank).ToList();
        var size = pageSize <= 0 ? Math.Max(1, ordered.Count) : pageSize;
        var pages = Math.Max(1, (ordered.Count + size - 1) / size);
        var page = Math.Clamp(filter.Page, 1, pages);
        var shown = ordered.Skip((page - 1) * size).Take(size).ToList();
        var cells = shown.ToDictionary(p => p.Id, _ => new Dictionary<int, MapCell>());
        foreach (var o in offers)
            if (cells.TryGetValue(o.PersonId, out var row)) row[o.TopicId] = new MapCell(o.Value, null);
        foreach (var n in needs)
            if (cells.TryGetValue(n.PersonId, out var row))
                row[n.TopicId] = row.TryGetValue(n.TopicId, out var c) ? c with { Priority = n.Value } : new MapCell(null, n.Value);

        return new CompetencyMap
        {
            AllDirections = CompetencyData.Group(data.Topics),
            Departments = data.People.Values.Where(p => !string.IsNullOrEmpty(p.Department)).Select(p => p.Department!).Distinct().OrderBy(d => d, NameOrder).ToList(),
            Directions = CompetencyData.Group(topics),
            Rows = shown.Select(p => new MapRow(p, cells[p.Id])).ToList(),
            TotalRows = ordered.Count,
            Page = page,
            Pages = pages,
            Balances = balances,
            Uncovered = uncovered,
            TeachersTotal = participation.Asked,
            Answered = participation.Answered,
            NotSent = ordered.Count(p => !participation.AnsweredIds.Contains(p.Id)),
            Mentors = mentors.Count,
            Mentees = mentees.Count,
            BothRoles = mentors.Count(mentees.Contains),
            HasAnswers = data.Offers.Count + data.Needs.Count > 0,
        };
    }

    /// <summary>The text of a cell, the same on screen and in the export: «Н2» offers at level 2, «Д3» needs at priority 3.</summary>
    public static string CellText(MapCell? cell) => cell switch
    {
        { Level: { } l, Priority: { } p } => $"{Label('Н', l)} {Label('Д', p)}",
        { Level: { } l } => Label('Н', l),
        { Priority: { } p } => Label('Д', p),
        _ => "",
    };

    // Levels and priorities are 1–3: the labels are constants, not a new string per cell of a big matrix.
    private static readonly string[] Offered = ["Н0", "Н1", "Н2", "Н3"];
    private static readonly string[] Needed = ["Д0", "Д1", "Д2", "Д3"];

    private static string Label(char kind, int value) =>
        value is >= 0 and <= 3 ? (kind == 'Н' ? Offered : Needed)[value] : $"{kind}{value}";
}

public static class CompetencyMapQuery
{
    public static async Task<MapScope> ResolveScopeAsync(this AppDbContext db, int? roundId, CancellationToken ct)
    {
        DiagnosticsRound? round = null;
        MentoringProgram? program;
        if (roundId is { } id && (round = await db.DiagnosticsRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct)) is not null)
            program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == round.ProgramId, ct);
        else
        {
            program = await db.CurrentProgramAsync(ct);
            if (program is not null) round = await db.LatestRoundAsync(program.Id, ct);
        }
        var rounds = program is null ? [] : await db.DiagnosticsRounds.AsNoTracking().Where(r => r.ProgramId == program.Id)
            .OrderByDescending(r => r.OpenedAt).ThenByDescending(r => r.Id).Select(r => new RoundOption(r.Id, r.Title, r.OpenedAt)).ToListAsync(ct);
        return new MapScope(program, round, rounds);
    }
}
