using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Matching;

/// <summary>
/// What the matching page shows for the current program: the latest run as the curator sees it (<see cref="MatchingWorkflow.ProposalAsync"/>)
/// with names and reasons, the filtered page of its rows, the lock issues, the mentors who could take each topic, the approved pairs.
/// </summary>
public sealed class MatchingView
{
    /// <summary>A row of the proposal with names: <see cref="MovedTo"/> names the mentor a moved row goes to.</summary>
    public sealed record Row(ProposalRow P, string Mentor, string Mentee, string Topic, string Reasons, string? MovedTo)
    {
        public ProposedAssignment A => P.Assignment;
        public ProposalState State => P.State;
    }
    public sealed record PairView(string Mentor, string Topic, IReadOnlyList<string> Mentees);
    public sealed record TopicOption(int Id, string Name);
    public sealed record TopicOptionGroup(string Direction, IReadOnlyList<TopicOption> Topics);
    public sealed record Alternative(int PersonId, string Name, int Level, int Load, int Capacity);
    /// <summary>The proposal table's filters (a name with «ё» as «е», a topic, only urgent needs) and page.</summary>
    public sealed record Filter(string? Q, int? Topic, bool Urgent, int Page);

    public const int PageSize = 50;

    public MentoringProgram? Program { get; private set; }
    public DiagnosticsRound? Round { get; private set; }
    public ProgramMatchingInput? Input { get; private set; }
    public MatchingRun? Run { get; private set; }
    public MatchingRun? Previous { get; private set; }
    /// <summary>The choice stage of the round (mentees' rankings, mentors' capacity); null until the curator opens it.</summary>
    public ChoiceStage? ChoiceStage { get; private set; }
    public IReadOnlyList<MatchDecision> Decisions { get; private set; } = [];
    /// <summary>Every row of the latest run (the summary is about these).</summary>
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int FilteredCount { get; private set; }
    public IReadOnlyList<Row> PageRows { get; private set; } = [];
    public int PageCount { get; private set; } = 1;
    /// <summary>The page shown: the asked one within 1..<see cref="PageCount"/>.</summary>
    public int PageNumber { get; private set; } = 1;
    public IReadOnlyList<TopicOptionGroup> TopicOptions { get; private set; } = [];
    public IReadOnlyList<string> LockIssues { get; private set; } = [];
    /// <summary>By topic id: mentors who offer it in the round, with their load in the proposal.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<Alternative>> Alternatives { get; private set; } = new Dictionary<int, IReadOnlyList<Alternative>>();
    public IReadOnlyList<PairView> Approved { get; private set; } = [];
    public int ApprovedPairs { get; private set; }
    /// <summary>Tandems and groups of the latest run's proposal and of the approved pairs.</summary>
    public Formation RunFormation { get; private set; } = Formation.Empty;
    public Formation ApprovedFormation { get; private set; } = Formation.Empty;

    private static readonly StringComparer Ru = StringComparer.Create(new("ru-RU"), false);

    public static async Task<MatchingView> LoadAsync(AppDbContext db, MatchingWorkflow matching, Filter filter, CancellationToken ct)
    {
        var v = new MatchingView { Program = await db.CurrentProgramAsync(ct) };
        if (v.Program is not { } program) return v;
        v.Round = await db.LatestRoundAsync(program.Id, ct);
        if (v.Round is null) return v;
        (_, _, v.Input) = await matching.InputAsync(program.Id, ct);
        v.ChoiceStage = await db.ChoiceStages.AsNoTracking().FirstOrDefaultAsync(s => s.RoundId == v.Round.Id, ct);
        var proposal = await matching.ProposalAsync(program.Id, ct);
        v.Run = proposal?.Run;
        if (v.Run is not null)
            v.Previous = await db.MatchingRuns.AsNoTracking().Where(r => r.ProgramId == program.Id && r.Id < v.Run.Id).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        v.Decisions = proposal?.Decisions ?? await db.MatchDecisions.AsNoTracking().Where(d => d.ProgramId == program.Id).ToListAsync(ct);
        // The live pairs: one ended (completed or early) is no longer «утверждена» (its history stays on the pair's page).
        var pairs = (await db.MentoringPairs.AsNoTracking().Where(p => p.ProgramId == program.Id && (p.Status == PairStatus.Approved || p.Status == PairStatus.Active))
            .Select(p => new { p.MentorId, p.MenteeId, p.TopicId }).ToListAsync(ct)).Select(p => (Mentor: p.MentorId, Mentee: p.MenteeId, Topic: p.TopicId)).ToList();
        v.ApprovedPairs = pairs.Count;
        v.ApprovedFormation = Formation.Of(pairs);

        var rows = proposal?.Rows ?? [];
        var lockIssues = v.Run is null ? [] : MatchingRunJson.LockIssues(v.Run);
        var personIds = rows.SelectMany(r => new[] { r.Assignment.MenteeId, r.Assignment.MentorId, r.MentorId })
            .Concat(pairs.SelectMany(p => new[] { p.Mentee, p.Mentor })).Concat(lockIssues.SelectMany(i => new[] { i.MenteeId, i.MentorId }))
            .Distinct().ToList();
        var topicIds = rows.Select(r => r.Assignment.TopicId).Concat(pairs.Select(p => p.Topic)).Concat(lockIssues.Select(i => i.TopicId)).Distinct().ToList();
        var names = (await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.LastName, p.FirstName, p.MiddleName }).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => PersonName.Full(p.LastName, p.FirstName, p.MiddleName));
        var topicRows = await db.Topics.AsNoTracking().Where(t => topicIds.Contains(t.Id))
            .Select(t => new { t.Id, t.Name, t.SortOrder, Direction = t.Direction!.Name, DirectionOrder = t.Direction.SortOrder }).ToListAsync(ct);
        var topics = topicRows.ToDictionary(t => t.Id, t => t.Name);
        string Name(int id) => names.GetValueOrDefault(id, "?");
        string TopicName(int id) => topics.GetValueOrDefault(id, "?");

        v.Rows = rows.Select(r => new Row(r, Name(r.Assignment.MentorId), Name(r.Assignment.MenteeId), TopicName(r.Assignment.TopicId),
                MatchingTexts.Reasons(r.Assignment, TopicName(r.Assignment.TopicId)), r.State == ProposalState.Moved ? Name(r.MentorId) : null))
            .OrderBy(r => r.Mentor, Ru).ThenBy(r => r.Topic, Ru).ThenBy(r => r.Mentee, Ru).ToList();
        v.RunFormation = Formation.Of(proposal?.Pairs ?? []);
        v.LockIssues = lockIssues.Select(i => MatchingTexts.LockIssue(i, Name, TopicName)).ToList();
        var inRun = rows.Select(r => r.Assignment.TopicId).ToHashSet();
        v.TopicOptions = topicRows.Where(t => inRun.Contains(t.Id))
            .OrderBy(t => t.DirectionOrder).ThenBy(t => t.Direction, Ru).ThenBy(t => t.SortOrder).ThenBy(t => t.Name, Ru)
            .GroupBy(t => t.Direction)
            .Select(g => new TopicOptionGroup(g.Key, g.Select(t => new TopicOption(t.Id, t.Name)).ToList())).ToList();
        v.ApplyFilter(filter);
        if (v.Input is { } input)
        {
            var load = (proposal?.Pairs ?? []).GroupBy(p => p.Mentor).ToDictionary(g => g.Key, g => g.Count());
            v.Alternatives = input.Problem.Offers.GroupBy(o => input.Topic(o.Topic).TopicId)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<Alternative>)g
                    .Select(o => new Alternative(input.Person(o.Mentor).PersonId, input.Person(o.Mentor).FullName, o.Level,
                        load.GetValueOrDefault(input.Person(o.Mentor).PersonId), input.Problem.Participants[o.Mentor].MentorCapacity))
                    .OrderBy(x => x.Load >= x.Capacity).ThenBy(x => x.Name, Ru).ToList());
        }
        v.Approved = pairs.GroupBy(p => (p.Mentor, p.Topic))
            .Select(g => new PairView(Name(g.Key.Mentor), TopicName(g.Key.Topic), g.Select(p => Name(p.Mentee)).OrderBy(n => n, Ru).ToList()))
            .OrderBy(p => p.Mentor, Ru).ThenBy(p => p.Topic, Ru).ToList();
        return v;
    }

    private void ApplyFilter(Filter filter)
    {
        IEnumerable<Row> rows = Rows;
        if (filter.Topic is { } topic) rows = rows.Where(r => r.A.TopicId == topic);
        if (filter.Urgent) rows = rows.Where(r => r.A.Priority == 3);
        var q = RussianText.Fold(filter.Q);
        if (q.Length > 0)
            rows = rows.Where(r => RussianText.Fold(r.Mentor).Contains(q, StringComparison.Ordinal)
                || RussianText.Fold(r.Mentee).Contains(q, StringComparison.Ordinal));
        var filtered = rows.ToList();
        FilteredCount = filtered.Count;
        PageCount = Math.Max(1, (filtered.Count + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(filter.Page, 1, PageCount);
        PageRows = filtered.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
    }
}
