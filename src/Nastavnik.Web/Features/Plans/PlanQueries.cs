using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Staff;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Plans;

public sealed record PlanFileView(int Id, string FileName, long Length);

public sealed record PlanTaskView(int Id, int PairId, int? GoalId, string Title, string? Description, DateOnly? DueOn, PlanTaskOwner Owner,
    PlanTaskStatus Status, string? ResultText, string? ResultLink, DateTime? DoneAt, DateTime? AcceptedAt, string? AcceptedBy, int Version,
    IReadOnlyList<PlanFileView> Files)
{
    /// <summary>Done by the mentee and not yet accepted by the mentor.</summary>
    public bool AwaitsAcceptance => Status == PlanTaskStatus.Done && AcceptedAt is null;
}

public sealed record PlanGoalView(int Id, string Text, int Version, IReadOnlyList<PlanTaskView> Tasks);

public sealed record PlanTemplateOption(int Id, string Title);

/// <summary>One pair's part of a plan: its mentor, topic, status, goals with their tasks, the tasks without a goal, the templates of its topic.</summary>
public sealed record PlanPairSection(int PairId, int MentorId, string MentorName, string Topic, PairStatus Status, IReadOnlyList<PlanGoalView> Goals,
    IReadOnlyList<PlanTaskView> LooseTasks, IReadOnlyList<PlanTemplateOption> Templates)
{
    public bool Live => Status is PairStatus.Approved or PairStatus.Active;
    public IEnumerable<PlanTaskView> AllTasks => Goals.SelectMany(g => g.Tasks).Concat(LooseTasks);
}

public sealed record PlanCorrectionView(int PairId, DateTime At, string By, string What);

/// <summary>A plan as its reader may see it: only the sections of the pairs the privacy filters let through.</summary>
public sealed record PlanView(int Id, int ProgramId, string ProgramName, DateOnly ProgramStart, DateOnly ProgramEnd, int MenteeId, string MenteeName,
    IReadOnlyList<PlanPairSection> Pairs, IReadOnlyList<PlanCorrectionView> Corrections);

public static class PlanQueries
{
    public static async Task<PlanView?> LoadPlanAsync(this AppDbContext db, int planId, CancellationToken ct)
    {
        var plan = await db.DevelopmentPlans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new { p.Id, p.SchoolId, p.ProgramId, p.MenteeId, p.Mentee!.LastName, p.Mentee.FirstName, p.Mentee.MiddleName }).FirstOrDefaultAsync(ct);
        if (plan is null) return null;
        var program = await db.Programs.AsNoTracking().Where(g => g.Id == plan.ProgramId).Select(g => new { g.Name, g.StartDate, g.EndDate }).FirstAsync(ct);
        var pairs = await db.MentoringPairs.AsNoTracking().Where(p => p.ProgramId == plan.ProgramId && p.MenteeId == plan.MenteeId)
            .OrderBy(p => p.ApprovedAt).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.MentorId, p.Mentor!.LastName, p.Mentor.FirstName, p.Mentor.MiddleName, p.TopicId, Topic = p.Topic!.Name, p.Status })
            .ToListAsync(ct);
        var goals = await db.PlanGoals.AsNoTracking().Where(g => g.PlanId == planId).OrderBy(g => g.Id).ToListAsync(ct);
        var tasks = await db.PlanTasks.AsNoTracking().Where(t => t.PlanId == planId).OrderBy(t => t.DueOn == null).ThenBy(t => t.DueOn).ThenBy(t => t.Id).ToListAsync(ct);
        var taskIds = tasks.Select(t => t.Id).ToList();
        var files = (await db.PlanTaskFiles.AsNoTracking().Where(f => taskIds.Contains(f.TaskId)).OrderBy(f => f.Id)
            .Select(f => new { f.TaskId, f.Id, f.FileName, f.Length }).ToListAsync(ct)).ToLookup(f => f.TaskId, f => new PlanFileView(f.Id, f.FileName, f.Length));
        var corrections = await db.PlanCorrections.AsNoTracking().Where(c => c.PlanId == planId).OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .Take(200).ToListAsync(ct);
        var topicIds = pairs.Select(p => p.TopicId).Distinct().ToList();
        var templates = (await db.PlanTemplates.AsNoTracking().Where(t => topicIds.Contains(t.TopicId)).OrderBy(t => t.Title)
            .Select(t => new { t.TopicId, t.Id, t.Title }).ToListAsync(ct)).ToLookup(t => t.TopicId, t => new PlanTemplateOption(t.Id, t.Title));
        var names = await AuthorNames.LoadAsync(db, plan.SchoolId,
            corrections.Select(c => c.By).Concat(tasks.Select(t => t.AcceptedBy)), ct);

        PlanTaskView View(PlanTask t) => new(t.Id, t.PairId, t.GoalId, t.Title, t.Description, t.DueOn, t.Owner, t.Status, t.ResultText, t.ResultLink,
            t.DoneAt, t.AcceptedAt, t.AcceptedBy is null ? null : names.Of(t.AcceptedBy), t.Version, files[t.Id].ToList());
        var sections = pairs.Select(p =>
        {
            var pairGoals = goals.Where(g => g.PairId == p.Id).Select(g => new PlanGoalView(g.Id, g.Text, g.Version,
                tasks.Where(t => t.GoalId == g.Id).Select(View).ToList())).ToList();
            var loose = tasks.Where(t => t.PairId == p.Id && (t.GoalId is null || pairGoals.All(g => g.Id != t.GoalId))).Select(View).ToList();
            return new PlanPairSection(p.Id, p.MentorId, PersonName.Full(p.LastName, p.FirstName, p.MiddleName), p.Topic, p.Status, pairGoals, loose,
                templates[p.TopicId].ToList());
        }).ToList();
        return new PlanView(plan.Id, plan.ProgramId, program.Name, program.StartDate, program.EndDate, plan.MenteeId,
            PersonName.Full(plan.LastName, plan.FirstName, plan.MiddleName), sections,
            corrections.Select(c => new PlanCorrectionView(c.PairId, c.At, names.Of(c.By), c.What)).ToList());
    }
}
