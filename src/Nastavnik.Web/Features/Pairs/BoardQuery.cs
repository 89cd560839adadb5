using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Programs;

namespace Nastavnik.Web.Features.Pairs;

/// <summary>The curator's board of a program: pairs by status, the stalled ones with why, and the mentoring hours by month.</summary>
public sealed record Board(
    int ProgramId, string ProgramName, IReadOnlyDictionary<PairStatus, int> ByStatus, int Stalled,
    IReadOnlyList<BoardStalledRow> StalledRows, IReadOnlyList<BoardMonth> Months)
{
    public int Live => ByStatus.GetValueOrDefault(PairStatus.Approved) + ByStatus.GetValueOrDefault(PairStatus.Active);
    public int MeetingMinutes => Months.Sum(m => m.MeetingMinutes);
    public int ConsultationMinutes => Months.Sum(m => m.ConsultationMinutes);
    public int TotalMinutes => MeetingMinutes + ConsultationMinutes;
}

public sealed record BoardStalledRow(int PairId, string Mentor, string Mentee, string Topic, string Why);

public sealed record BoardMonth(int Year, int Month, int MeetingMinutes, int ConsultationMinutes)
{
    public int TotalMinutes => MeetingMinutes + ConsultationMinutes;
}

/// <summary>
/// Reads the board in a few set-based queries (no query per pair): status counts, the stalled pairs through
/// <see cref="StalledPairs"/> with names in the same query, and held meetings' and consultations' minutes grouped by month.
/// </summary>
public static class BoardQuery
{
    /// <summary>Rows of stalled pairs shown on the page; the count above them is of all.</summary>
    public const int RowsShown = 200;

    public static async Task<Board?> LoadAsync(AppDbContext db, int? programId, DateTime utcNow, DateOnly today, CancellationToken ct)
    {
        var program = programId is { } id
            ? await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct)
            : await db.CurrentProgramAsync(ct);
        if (program is null) return null;
        var pid = program.Id;

        var byStatus = await db.MentoringPairs.Where(p => p.ProgramId == pid).GroupBy(p => p.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        // The rule runs once: the count is of all stalled pairs, the rows shown are the longest stalled.
        var stalled = await StalledPairs.Query(db, utcNow, today).Where(s => s.ProgramId == pid).ToListAsync(ct);
        var stalledCount = stalled.Count;
        var facts = stalled.OrderBy(s => s.LastHeldAt ?? s.ApprovedAt).ThenBy(s => s.PairId).Take(RowsShown).ToList();
        var ids = facts.Select(f => f.PairId).ToList();
        var names = (await db.MentoringPairs.Where(p => ids.Contains(p.Id)).Select(p => new
        {
            p.Id, MentorLast = p.Mentor!.LastName, MentorFirst = p.Mentor.FirstName, MentorMiddle = p.Mentor.MiddleName,
            MenteeLast = p.Mentee!.LastName, MenteeFirst = p.Mentee.FirstName, MenteeMiddle = p.Mentee.MiddleName, Topic = p.Topic!.Name,
        }).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => (Mentor: Text.PersonName.Full(p.MentorLast, p.MentorFirst, p.MentorMiddle),
                Mentee: Text.PersonName.Full(p.MenteeLast, p.MenteeFirst, p.MenteeMiddle), p.Topic));

        var meetings = await db.Meetings.Where(m => m.ProgramId == pid && m.Status == MeetingStatus.Held)
            .GroupBy(m => new { m.StartsAt.Year, m.StartsAt.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Minutes = g.Sum(m => m.DurationMinutes) }).ToListAsync(ct);
        // Consultations belong to the school, not to a program: those held within the program's period count in it.
        var consultations = await db.Consultations
            .Where(c => c.SchoolId == program.SchoolId && c.Status == ConsultationStatus.Held && c.HeldOn != null && c.HeldOn >= program.StartDate && c.HeldOn <= program.EndDate)
            .GroupBy(c => new { c.HeldOn!.Value.Year, c.HeldOn.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Minutes = g.Sum(c => c.DurationMinutes ?? 0) }).ToListAsync(ct);
        var months = meetings.Select(m => (m.Year, m.Month)).Union(consultations.Select(c => (c.Year, c.Month))).Order()
            .Select(k => new BoardMonth(k.Year, k.Month,
                meetings.Where(m => (m.Year, m.Month) == k).Sum(m => m.Minutes),
                consultations.Where(c => (c.Year, c.Month) == k).Sum(c => c.Minutes)))
            .ToList();

        return new Board(pid, program.Name, byStatus, stalledCount,
            facts.Select(f => new BoardStalledRow(f.PairId, names[f.PairId].Mentor, names[f.PairId].Mentee, names[f.PairId].Topic,
                StalledPairs.Why(f, utcNow))).ToList(),
            months);
    }

    /// <summary>Hours as the board shows them: «12,5 ч».</summary>
    public static string Hours(int minutes) => (minutes / 60m).ToString("0.#", Text.RussianText.Culture) + " ч";
}
