using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Portfolio;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Pairs;

/// <summary>A pair in a list: its people, topic and status; <see cref="GroupSize"/> counts the live pairs of its mentor on its topic.</summary>
public sealed record PairItem(int Id, int MentorId, string Mentor, int MenteeId, string Mentee, int TopicId, string Topic, string Direction,
    PairStatus Status, DateTime ApprovedAt, DateTime? EndedAt, PairEndReason? EndReason, bool Manual, int Version)
{
    public int GroupSize { get; init; } = 1;
}

/// <summary>A person of a pair with the contacts the viewer may see.</summary>
public sealed record PairPerson(int Id, string FullName, string? Position, string? Department, IReadOnlyList<ContactView> Contacts);

/// <summary>A line of a pair's history: when, who, what.</summary>
public sealed record PairHistoryLine(DateTime At, string By, string What);

/// <summary>A pair's page: the pair, its people, its group (other pairs of the mentor on the topic), history and agreement.</summary>
public sealed record PairDetail(PairItem Pair, string ProgramName, PairPerson Mentor, PairPerson Mentee, IReadOnlyList<PairItem> Group,
    IReadOnlyList<PairHistoryLine> History, PairAgreement? Agreement);

/// <summary>What the pairs' pages and the API read, through the privacy filters (a teacher sees their own pairs only).</summary>
public sealed class PairQueries(AppDbContext db)
{
    private static readonly StringComparer Ru = StringComparer.Create(RussianText.Culture, true);

    /// <summary>The program's pairs (all statuses), by mentor, topic and mentee; <paramref name="status"/> filters.</summary>
    public async Task<List<PairItem>> ListAsync(int programId, PairStatus? status = null, string? q = null, CancellationToken ct = default)
    {
        var all = await Items(db.MentoringPairs.AsNoTracking().Where(p => p.ProgramId == programId)).ToListAsync(ct);
        var groups = all.Where(p => p.Status is PairStatus.Approved or PairStatus.Active).GroupBy(p => (p.MentorId, p.TopicId)).ToDictionary(g => g.Key, g => g.Count());
        var fold = RussianText.Fold(q);
        return all.Select(p => p with { GroupSize = groups.GetValueOrDefault((p.MentorId, p.TopicId), 1) })
            .Where(p => status is null || p.Status == status)
            .Where(p => fold.Length == 0 || RussianText.Fold(p.Mentor).Contains(fold, StringComparison.Ordinal) || RussianText.Fold(p.Mentee).Contains(fold, StringComparison.Ordinal))
            .OrderBy(p => p.Mentor, Ru).ThenBy(p => p.Topic, Ru).ThenBy(p => p.Mentee, Ru).ToList();
    }

    public async Task<PairDetail?> DetailAsync(int pairId, CancellationToken ct = default)
    {
        // The pair's people by name even when the Person filter hides one of them from colleagues (a mentee who left the school):
        // the pair sees with whom it worked; a navigation to the hidden person would lose the whole pair.
        if (await db.PairMembersAsync(pairId, ct) is not { } members) return null;
        var (mentor, mentee) = members;
        var pair = (await Items(db.MentoringPairs.AsNoTracking().Where(p => p.Id == pairId), named: false).FirstAsync(ct)) with { Mentor = mentor.FullName, Mentee = mentee.FullName };
        var program = (await db.PairProgramAsync(pairId, ct))!;
        var programId = program.Id;
        var group = (await Items(db.MentoringPairs.AsNoTracking().Where(p => p.ProgramId == programId && p.MentorId == pair.MentorId
                && p.TopicId == pair.TopicId && p.Id != pair.Id && (p.Status == PairStatus.Approved || p.Status == PairStatus.Active))).ToListAsync(ct))
            .OrderBy(p => p.Mentee, Ru).ToList();
        var changes = await db.PairChanges.AsNoTracking().Where(c => c.PairId == pairId).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(ct);
        var history = new List<PairHistoryLine> { new(pair.ApprovedAt, await ByAsync(pairId, ct), pair.Manual ? "пара создана вручную" : "пара утверждена") };
        history.AddRange(changes.Select(c => new PairHistoryLine(c.At, c.By, PairTexts.Status(c.To)
            + (c.Reason is { } r ? $": {PairTexts.Reason(r)}" : "") + (c.Comment is { } m ? $" ({m})" : ""))));
        var agreement = await db.PairAgreements.AsNoTracking().FirstOrDefaultAsync(a => a.PairId == pairId, ct);
        return new PairDetail(pair with { GroupSize = group.Count + 1 }, program.Name, await PersonAsync(mentor, ct), await PersonAsync(mentee, ct), group, history, agreement);
    }

    /// <summary>The pairs the signed-in teacher is in, of every program they can see, for «Мои пары».</summary>
    public Task<List<PairItem>> MineAsync(CancellationToken ct = default)
    {
        var me = db.School.PersonId;
        return Items(db.MentoringPairs.AsNoTracking().Where(p => p.MentorId == me || p.MenteeId == me)).ToListAsync(ct);
    }

    /// <summary>The program the pairs' list shows: the current one.</summary>
    public Task<MentoringProgram?> ProgramAsync(CancellationToken ct = default) => db.CurrentProgramAsync(ct);

    private async Task<string> ByAsync(int pairId, CancellationToken ct) =>
        await db.MentoringPairs.Where(p => p.Id == pairId).Select(p => p.ApprovedBy).FirstAsync(ct);

    private async Task<PairPerson> PersonAsync(PairMember p, CancellationToken ct)
    {
        var contacts = (await db.PortfolioContacts.AsNoTracking().Where(c => c.PersonId == p.Id).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct))
            .Select(PortfolioSearch.View).ToList();
        return new PairPerson(p.Id, p.FullName, p.Position, p.Department, contacts);
    }

    /// <summary>Pairs as list items; without <paramref name="named"/> the names are left empty and no person is joined.</summary>
    private static IQueryable<PairItem> Items(IQueryable<MentoringPair> pairs, bool named = true) => named
        ? pairs.Select(p => new PairItem(p.Id,
            p.MentorId, p.Mentor!.LastName + " " + p.Mentor.FirstName + (p.Mentor.MiddleName == null ? "" : " " + p.Mentor.MiddleName),
            p.MenteeId, p.Mentee!.LastName + " " + p.Mentee.FirstName + (p.Mentee.MiddleName == null ? "" : " " + p.Mentee.MiddleName),
            p.TopicId, p.Topic!.Name, p.Topic.Direction!.Name, p.Status, p.ApprovedAt, p.EndedAt, p.EndReason, p.Manual, p.Version))
        : pairs.Select(p => new PairItem(p.Id, p.MentorId, "", p.MenteeId, "",
            p.TopicId, p.Topic!.Name, p.Topic.Direction!.Name, p.Status, p.ApprovedAt, p.EndedAt, p.EndReason, p.Manual, p.Version));
}
