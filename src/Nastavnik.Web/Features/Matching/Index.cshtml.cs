using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Matching;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Matching;

/// <summary>
/// The curator's matching of the current program: run the engine (optimal or stable) with the curator's locks and rejections,
/// keep the proposal as a <see cref="MatchingRun"/>, lock or reject rows, approve the latest run as <see cref="MentoringPair"/>s.
/// Needs are read only through the Need query filter (ProgramMatchingInput); the stored run holds ids, scores and explanations.
/// </summary>
[Authorize(Policy = Policies.DiagnosticsManage)]
public partial class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(ProposedAssignment A, string Mentor, string Mentee, string Topic, string State);
    public sealed record PairView(string Mentor, string Topic, IReadOnlyList<string> Mentees);
    public sealed record TopicOption(int Id, string Name);
    public sealed record TopicOptionGroup(string Direction, IReadOnlyList<TopicOption> Topics);

    /// <summary>Rows of the proposal table per page.</summary>
    public const int PageSize = 50;

    // Filters of the proposal table, kept in the query string (and sent back by the row forms so a decision keeps the view).
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "topic")] public int? TopicFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "urgent")] public bool Urgent { get; set; }
    // "page" is reserved by Razor Pages for the page's own route value.
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public MentoringProgram? Program { get; private set; }
    public DiagnosticsRound? Round { get; private set; }
    public ProgramMatchingInput? Input { get; private set; }
    public MatchingRun? Run { get; private set; }
    public MatchingRun? Previous { get; private set; }
    /// <summary>The choice stage of the round (mentees' rankings, mentors' capacity); null until the curator opens it.</summary>
    public PreferenceRound? Choice { get; private set; }
    /// <summary>Every row of the latest run (the summary is about these).</summary>
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    /// <summary>Rows that pass the filters, and the page of them shown.</summary>
    public int FilteredCount { get; private set; }
    public IReadOnlyList<Row> PageRows { get; private set; } = [];
    public int PageCount { get; private set; } = 1;
    public IReadOnlyList<TopicOptionGroup> TopicOptions { get; private set; } = [];
    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || TopicFilter is not null || Urgent;
    public IReadOnlyList<string> LockIssues { get; private set; } = [];
    public IReadOnlyList<MatchDecision> Decisions { get; private set; } = [];
    public IReadOnlyList<PairView> Approved { get; private set; } = [];
    public int ApprovedPairs { get; private set; }
    /// <summary>Set when «Утвердить пары» would replace approved pairs: the page asks to confirm.</summary>
    public bool ConfirmReplace { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRunAsync(int programId, string? mode, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return NotFound();
        var (_, round, input) = await ProgramMatchingInput.BuildAsync(db, program.Id, ct);
        if (round is null || input is null || input.Problem.Needs.Count == 0) return RedirectToPage();
        var decisions = await db.MatchDecisions.AsNoTracking().Where(d => d.ProgramId == program.Id).OrderBy(d => d.Id).ToListAsync(ct);
        var personEngine = input.People.ToDictionary(p => p.PersonId, p => p.EngineId);
        var topicEngine = input.Topics.ToDictionary(t => t.TopicId, t => t.EngineId);
        var locks = new List<CuratorLock>();
        var conflicts = new List<Conflict>();
        var unknownLocks = new List<string>();
        foreach (var d in decisions)
        {
            if (!personEngine.TryGetValue(d.MenteeId, out var e) || !personEngine.TryGetValue(d.MentorId, out var m))
            {
                if (d.Kind == MatchDecisionKind.Lock) unknownLocks.Add("Закреплённый педагог больше не участвует в подборе (в архиве или без согласия): закрепление не учтено.");
                continue;
            }
            if (!topicEngine.TryGetValue(d.TopicId, out var t)) continue;
            // A rejection removes only this (mentee, topic, mentor): the mentor may still be proposed to the mentee on other topics.
            if (d.Kind == MatchDecisionKind.Reject) conflicts.Add(new Conflict(e, m, t));
            else locks.Add(new CuratorLock(e, t, m));
        }
        var stable = mode == "stable";
        var problem = input.Problem with { Locks = locks, Conflicts = conflicts };
        var result = MatchingEngine.Solve(problem, MatchingSettings.Default with { Mode = stable ? MatchingMode.Stable : MatchingMode.Optimal });
        var assignments = result.Assignments.Select(a => new ProposedAssignment(
            input.Person(a.Mentee).PersonId, input.Person(a.Mentor).PersonId, input.Topic(a.Topic).TopicId,
            a.Score.Total, a.NeedPriority, a.Reverse, Quotes(a.Explanation))).ToList();
        var issues = unknownLocks.Concat(result.LockIssues.Select(i => EngineId().Replace(i.Message,
            x => int.TryParse(x.Groups[1].Value, out var id) && id >= 0 && id < input.People.Count ? input.Person(id).FullName : x.Value))).Select(Quotes).ToList();
        db.MatchingRuns.Add(new MatchingRun
        {
            SchoolId = program.SchoolId, ProgramId = program.Id, RoundId = round.Id,
            Mode = stable ? MatchingRunMode.Stable : MatchingRunMode.Optimal,
            CreatedBy = User.Identity?.Name ?? "", Objective = result.Objective, NeedsServed = result.NeedsServed,
            NeedsTotal = input.Problem.Needs.Count, AssignmentsJson = JsonSerializer.Serialize(assignments),
            LockIssuesJson = issues.Count == 0 ? null : JsonSerializer.Serialize(issues),
        });
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    /// <summary>kind: lock, reject or clear (removes the curator's decision on this row).</summary>
    public async Task<IActionResult> OnPostDecideAsync(int programId, int menteeId, int topicId, int mentorId, string kind, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return NotFound();
        var people = await db.People.Where(p => p.Id == menteeId || p.Id == mentorId).CountAsync(ct);
        var topicExists = await db.Topics.AnyAsync(t => t.Id == topicId, ct);
        if (people != (menteeId == mentorId ? 1 : 2) || !topicExists) return NotFound();
        // Decisions are per (mentee, topic, mentor): a new lock or rejection of the row replaces what was decided on this mentee's
        // topic with this mentor, and a lock also replaces any other mentor's lock of the same need.
        var existing = await db.MatchDecisions.Where(d => d.ProgramId == program.Id && d.MenteeId == menteeId && d.TopicId == topicId
            && (d.MentorId == mentorId || d.Kind == MatchDecisionKind.Lock))
            .ToListAsync(ct);
        MatchDecisionKind? newKind = kind switch { "lock" => MatchDecisionKind.Lock, "reject" => MatchDecisionKind.Reject, _ => null };
        db.MatchDecisions.RemoveRange(existing.Where(d => newKind == MatchDecisionKind.Lock || d.MentorId == mentorId));
        if (newKind is { } k)
            db.MatchDecisions.Add(new MatchDecision
            {
                SchoolId = program.SchoolId, ProgramId = program.Id, MenteeId = menteeId, TopicId = topicId, MentorId = mentorId,
                Kind = k, CreatedBy = User.Identity?.Name ?? "",
            });
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = newKind switch
        {
            MatchDecisionKind.Lock => "Пара закреплена: при повторном подборе она сохранится.",
            MatchDecisionKind.Reject => "Пара отклонена: при повторном подборе этот наставник не будет предложен этому педагогу по этой теме (по другим темам — может).",
            _ => "Решение по паре снято.",
        };
        return RedirectToPage(ListRoute());
    }

    /// <summary>
    /// Moves a mentee's topic to another mentor who offers it in the round: a Lock on (mentee, topic, new mentor), replacing other locks of
    /// that need and a rejection of that mentor. Warns when the new mentor already has as many assignments as their capacity.
    /// </summary>
    public async Task<IActionResult> OnPostTransferAsync(int programId, int menteeId, int topicId, int newMentorId, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return NotFound();
        var (_, _, input) = await ProgramMatchingInput.BuildAsync(db, program.Id, ct);
        var mentor = input?.People.FirstOrDefault(p => p.PersonId == newMentorId);
        var topic = input?.Topics.FirstOrDefault(t => t.TopicId == topicId);
        var mentee = input?.People.FirstOrDefault(p => p.PersonId == menteeId);
        if (input is null || mentor is null || topic is null || mentee is null) return NotFound();
        var offer = input.Problem.Offers.FirstOrDefault(o => o.Mentor == mentor.EngineId && o.Topic == topic.EngineId);
        if (offer is null || mentor.PersonId == menteeId)
        {
            TempData["Flash"] = $"{mentor.FullName} не предлагает тему «{topic.Name}»: выберите наставника из списка.";
            return RedirectToPage(ListRoute());
        }
        // The need gets this lock only: other locks of the need and a rejection of the new mentor on this topic go.
        var stale = await db.MatchDecisions.Where(d => d.ProgramId == program.Id && d.MenteeId == menteeId && d.TopicId == topicId
            && (d.Kind == MatchDecisionKind.Lock || d.MentorId == newMentorId))
            .ToListAsync(ct);
        db.MatchDecisions.RemoveRange(stale);
        db.MatchDecisions.Add(new MatchDecision
        {
            SchoolId = program.SchoolId, ProgramId = program.Id, MenteeId = menteeId, TopicId = topicId, MentorId = newMentorId,
            Kind = MatchDecisionKind.Lock, CreatedBy = User.Identity?.Name ?? "",
        });
        await db.SaveChangesAsync(ct);
        var run = await LatestRunsQuery(program.Id).FirstOrDefaultAsync(ct);
        var proposal = run is null ? [] : Assignments(run);
        var load = proposal.Count(a => a.MentorId == newMentorId && !(a.MenteeId == menteeId && a.TopicId == topicId));
        var onTopic = proposal.Count(a => a.MentorId == newMentorId && a.TopicId == topicId && a.MenteeId != menteeId);
        var capacity = input.Problem.Participants[mentor.EngineId].MentorCapacity;
        var message = $"Тема «{topic.Name}» педагога {mentee.FullName} передана наставнику {mentor.FullName} и закреплена. Нажмите «Подобрать заново», чтобы пересчитать остальные пары.";
        if (load >= capacity || onTopic >= offer.Capacity)
            message += $" Внимание: у наставника уже {RussianText.Plural(load, "назначение", "назначения", "назначений")} при вместимости {capacity}"
                + (onTopic >= offer.Capacity ? $" и {RussianText.Plural(onTopic, "наставляемый", "наставляемых", "наставляемых")} по этой теме при вместимости {offer.Capacity}" : "")
                + ": при повторном подборе его другие незакреплённые пары перейдут к другим наставникам.";
        TempData["Flash"] = message;
        return RedirectToPage(ListRoute());
    }

    public async Task<IActionResult> OnPostApproveAsync(int programId, int runId, bool confirm, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return NotFound();
        var run = await LatestRunsQuery(program.Id).FirstOrDefaultAsync(ct);
        if (run is null) return NotFound();
        if (run.Id != runId)
        {
            await LoadAsync(ct);
            Error = "Пока вы смотрели страницу, пары подобрали заново. Проверьте новый подбор и утвердите его.";
            return Page();
        }
        var rejected = await db.MatchDecisions.AsNoTracking()
            .Where(d => d.ProgramId == program.Id && d.Kind == MatchDecisionKind.Reject)
            .Select(d => new { d.MenteeId, d.TopicId, d.MentorId }).ToListAsync(ct);
        var proposal = Assignments(run)
            .Where(a => !rejected.Any(r => r.MenteeId == a.MenteeId && r.TopicId == a.TopicId && r.MentorId == a.MentorId))
            .ToList();
        var current = await db.MentoringPairs.Where(p => p.ProgramId == program.Id).ToListAsync(ct);
        var same = current.Count == proposal.Count && proposal.All(a => current.Any(p => p.MenteeId == a.MenteeId && p.TopicId == a.TopicId && p.MentorId == a.MentorId));
        if (current.Count > 0 && same)
        {
            TempData["Flash"] = "Эти пары уже утверждены, изменений нет.";
            return RedirectToPage();
        }
        if (current.Count > 0 && !confirm)
        {
            await LoadAsync(ct);
            ConfirmReplace = true;
            return Page();
        }
        db.MentoringPairs.RemoveRange(current);
        var user = User.Identity?.Name ?? "";
        var now = DateTime.UtcNow;
        db.MentoringPairs.AddRange(proposal.Select(a => new MentoringPair
        {
            SchoolId = program.SchoolId, ProgramId = program.Id, MentorId = a.MentorId, MenteeId = a.MenteeId, TopicId = a.TopicId,
            ApprovedAt = now, ApprovedBy = user,
        }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            await LoadAsync(ct);
            Error = "Пары одновременно утвердил другой пользователь. Проверьте утверждённые пары ниже.";
            return Page();
        }
        TempData["Flash"] = $"Пары утверждены: {Formation.Of(proposal.Select(a => (a.MentorId, a.MenteeId, a.TopicId))).Text}.";
        return RedirectToPage();
    }

    private IQueryable<MatchingRun> LatestRunsQuery(int programId) =>
        db.MatchingRuns.AsNoTracking().Where(r => r.ProgramId == programId).OrderByDescending(r => r.Id);

    public static IReadOnlyList<ProposedAssignment> Assignments(MatchingRun run) =>
        JsonSerializer.Deserialize<List<ProposedAssignment>>(run.AssignmentsJson) ?? [];

    private async Task LoadAsync(CancellationToken ct)
    {
        Program = await db.CurrentProgramAsync(ct);
        if (Program is null) return;
        Round = await db.LatestRoundAsync(Program.Id, ct);
        if (Round is null) return;
        (_, _, Input) = await ProgramMatchingInput.BuildAsync(db, Program.Id, ct);
        Choice = await db.PreferenceRounds.AsNoTracking().FirstOrDefaultAsync(s => s.RoundId == Round.Id, ct);
        var runs = await LatestRunsQuery(Program.Id).Take(2).ToListAsync(ct);
        Run = runs.FirstOrDefault();
        Previous = runs.Skip(1).FirstOrDefault();
        Decisions = await db.MatchDecisions.AsNoTracking().Where(d => d.ProgramId == Program.Id).ToListAsync(ct);
        var pairs = await db.MentoringPairs.AsNoTracking().Where(p => p.ProgramId == Program.Id)
            .Select(p => new { p.MentorId, p.MenteeId, p.TopicId }).ToListAsync(ct);
        ApprovedPairs = pairs.Count;
        ApprovedFormation = Formation.Of(pairs.Select(p => (p.MentorId, p.MenteeId, p.TopicId)));

        var assignments = Run is null ? [] : Assignments(Run);
        var personIds = assignments.SelectMany(a => new[] { a.MenteeId, a.MentorId }).Concat(pairs.SelectMany(p => new[] { p.MenteeId, p.MentorId }))
            .Concat(Decisions.SelectMany(d => new[] { d.MenteeId, d.MentorId })).Distinct().ToList();
        var topicIds = assignments.Select(a => a.TopicId).Concat(pairs.Select(p => p.TopicId)).Concat(Decisions.Select(d => d.TopicId)).Distinct().ToList();
        var names = (await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.LastName, p.FirstName, p.MiddleName }).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => PersonName.Full(p.LastName, p.FirstName, p.MiddleName));
        var topicRows = await db.Topics.AsNoTracking().Where(t => topicIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Name, t.SortOrder, Direction = t.Direction!.Name, DirectionOrder = t.Direction.SortOrder }).ToListAsync(ct);
        var topics = topicRows.ToDictionary(t => t.Id, t => t.Name);
        PersonNames = names;
        TopicNames = topics;
        var ru = StringComparer.Create(new("ru-RU"), false);
        Rows = assignments.Select(a => new Row(a, names.GetValueOrDefault(a.MentorId, "?"), names.GetValueOrDefault(a.MenteeId, "?"),
                topics.GetValueOrDefault(a.TopicId, "?"), StateOf(a)))
            .OrderBy(r => r.Mentor, ru).ThenBy(r => r.Topic, ru).ThenBy(r => r.Mentee, ru).ToList();
        RunFormation = Formation.Of(assignments.Select(a => (a.MentorId, a.MenteeId, a.TopicId)));
        var inRun = assignments.Select(a => a.TopicId).ToHashSet();
        TopicOptions = topicRows.Where(t => inRun.Contains(t.Id))
            .OrderBy(t => t.DirectionOrder).ThenBy(t => t.Direction, ru).ThenBy(t => t.SortOrder).ThenBy(t => t.Name, ru)
            .GroupBy(t => t.Direction)
            .Select(g => new TopicOptionGroup(g.Key, g.Select(t => new TopicOption(t.Id, t.Name)).ToList())).ToList();
        ApplyFilters();
        if (Input is { } inp)
        {
            var load = assignments.GroupBy(a => a.MentorId).ToDictionary(g => g.Key, g => g.Count());
            Alternatives = inp.Problem.Offers.GroupBy(o => inp.Topic(o.Topic).TopicId)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<Alternative>)g
                    .Select(o => new Alternative(inp.Person(o.Mentor).PersonId, inp.Person(o.Mentor).FullName, o.Level,
                        load.GetValueOrDefault(inp.Person(o.Mentor).PersonId), inp.Problem.Participants[o.Mentor].MentorCapacity))
                    .OrderBy(x => x.Load >= x.Capacity).ThenBy(x => x.Name, ru).ToList());
        }
        LockIssues = Run?.LockIssuesJson is { } li ? JsonSerializer.Deserialize<List<string>>(li) ?? [] : [];
        Approved = pairs.GroupBy(p => (p.MentorId, p.TopicId))
            .Select(g => new PairView(names.GetValueOrDefault(g.Key.MentorId, "?"), topics.GetValueOrDefault(g.Key.TopicId, "?"),
                g.Select(p => names.GetValueOrDefault(p.MenteeId, "?")).OrderBy(n => n, ru).ToList()))
            .OrderBy(p => p.Mentor, ru).ThenBy(p => p.Topic, ru).ToList();
    }

    /// <summary>Filters (topic, «только срочные», a name of the mentor or the mentee with «ё» as «е») and the page of 50.</summary>
    private void ApplyFilters()
    {
        IEnumerable<Row> rows = Rows;
        if (TopicFilter is { } topic) rows = rows.Where(r => r.A.TopicId == topic);
        if (Urgent) rows = rows.Where(r => r.A.Priority == 3);
        var q = RussianText.Fold(Q);
        if (q.Length > 0)
            rows = rows.Where(r => RussianText.Fold(r.Mentor).Contains(q, StringComparison.Ordinal)
                || RussianText.Fold(r.Mentee).Contains(q, StringComparison.Ordinal));
        var filtered = rows.ToList();
        FilteredCount = filtered.Count;
        PageCount = Math.Max(1, (filtered.Count + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        PageRows = filtered.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
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

    /// <summary>Tandems and groups of the latest run (all its rows) and of the approved pairs.</summary>
    public Formation RunFormation { get; private set; } = Formation.Empty;
    public Formation ApprovedFormation { get; private set; } = Formation.Empty;

    public sealed record Alternative(int PersonId, string Name, int Level, int Load, int Capacity);
    /// <summary>By topic id: mentors who offer it in the round, with their load in the latest run.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<Alternative>> Alternatives { get; private set; } = new Dictionary<int, IReadOnlyList<Alternative>>();

    public IReadOnlyDictionary<int, string> PersonNames { get; private set; } = new Dictionary<int, string>();
    public IReadOnlyDictionary<int, string> TopicNames { get; private set; } = new Dictionary<int, string>();

    private string StateOf(ProposedAssignment a)
    {
        if (Decisions.Any(d => d.Kind == MatchDecisionKind.Reject && d.MenteeId == a.MenteeId && d.TopicId == a.TopicId && d.MentorId == a.MentorId)) return "rejected";
        if (Decisions.Any(d => d.Kind == MatchDecisionKind.Lock && d.MenteeId == a.MenteeId && d.TopicId == a.TopicId && d.MentorId == a.MentorId)) return "locked";
        if (Decisions.Any(d => d.Kind == MatchDecisionKind.Lock && d.MenteeId == a.MenteeId && d.TopicId == a.TopicId)) return "moved";
        return "proposed";
    }

    public static (string Text, string Css) StateLabel(string state) => state switch
    {
        "locked" => ("закреплено", "text-bg-success"),
        "rejected" => ("отклонено", "text-bg-danger"),
        "moved" => ("передано другому", "text-bg-info"),
        _ => ("предложено", "text-bg-secondary"),
    };

    /// <summary>The engine quotes topics with “”; the UI uses «».</summary>
    private static string Quotes(string s) => s.Replace('“', '«').Replace('”', '»');

    [GeneratedRegex(@"#(\d+)")]
    private static partial Regex EngineId();
}

/// <summary>
/// How assignments (mentor, mentee, topic) form pairs and groups: a group is a mentor with two or more mentees on one topic; a
/// tandem is a distinct mentor–mentee pair with at least one topic they work on outside a group (a pair on two topics counts once).
/// </summary>
public sealed record Formation(int Tandems, int Groups, int GroupMentees)
{
    public static readonly Formation Empty = new(0, 0, 0);

    public static Formation Of(IEnumerable<(int Mentor, int Mentee, int Topic)> assignments)
    {
        var list = assignments.Distinct().ToList();
        var groups = list.GroupBy(a => (a.Mentor, a.Topic)).Where(g => g.Select(a => a.Mentee).Distinct().Count() >= 2).ToList();
        var inGroup = groups.Select(g => g.Key).ToHashSet();
        var tandems = list.Where(a => !inGroup.Contains((a.Mentor, a.Topic))).Select(a => (a.Mentor, a.Mentee)).Distinct().Count();
        return new Formation(tandems, groups.Count, groups.Sum(g => g.Select(a => a.Mentee).Distinct().Count()));
    }

    public string TandemsText => RussianText.Plural(Tandems, "пара", "пары", "пар");
    public string GroupsText => RussianText.Plural(Groups, "группа", "группы", "групп");
    /// <summary>«2 пары, 1 группа».</summary>
    public string Text => $"{TandemsText}, {GroupsText}";
}
