using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Pairs;

/// <summary>
/// A live pair and the facts that make it stalled (<see cref="StalledPairs"/>): its last held meeting, its overdue tasks and the
/// rating of the latest feedback on its meetings.
/// </summary>
public sealed record StalledPair
{
    public int PairId { get; init; }
    public int SchoolId { get; init; }
    public int ProgramId { get; init; }
    public int MentorId { get; init; }
    public int MenteeId { get; init; }
    public DateTime ApprovedAt { get; init; }
    public DateTime? LastHeldAt { get; init; }
    public int OverdueTasks { get; init; }
    public int? LastRating { get; init; }

    /// <summary>No held meeting within <see cref="StalledPairs.QuietDays"/> days (or none since approval that long ago).</summary>
    public bool Quiet(DateTime utcNow) => (LastHeldAt ?? ApprovedAt) < utcNow.AddDays(-StalledPairs.QuietDays);
    public bool LowFeedback => LastRating < StalledPairs.LowRating;
}

/// <summary>
/// The one rule of a stalled pair, used by the curator's board and the «пара остановилась» reminder: a live pair (approved or
/// active) with no held meeting in the last 21 days (or none at all 21 days after approval), or with overdue tasks (not done or
/// dropped, due before today), or whose latest feedback on its meetings is below 3. One set-based query: each fact is a correlated
/// subquery on an indexed column, so the board of a school of thousands stays one round trip.
/// </summary>
public static class StalledPairs
{
    public const int QuietDays = 21;
    public const int LowRating = 3;

    /// <summary>
    /// Stalled live pairs visible to the caller (every school's when run as system work), at <paramref name="utcNow"/> with the
    /// school's <paramref name="today"/>.
    /// </summary>
    public static IQueryable<StalledPair> Query(AppDbContext db, DateTime utcNow, DateOnly today)
    {
        var quietSince = utcNow.AddDays(-QuietDays);
        return db.MentoringPairs
            .Where(p => p.Status == PairStatus.Approved || p.Status == PairStatus.Active)
            .Select(p => new StalledPair
            {
                PairId = p.Id, SchoolId = p.SchoolId, ProgramId = p.ProgramId, MentorId = p.MentorId, MenteeId = p.MenteeId, ApprovedAt = p.ApprovedAt,
                LastHeldAt = db.MeetingParticipants.Where(mp => mp.PairId == p.Id)
                    .Join(db.Meetings.Where(m => m.Status == MeetingStatus.Held), mp => mp.MeetingId, m => m.Id, (mp, m) => (DateTime?)m.StartsAt)
                    .Max(),
                OverdueTasks = db.PlanTasks.Count(t => t.PairId == p.Id && t.Status != PlanTaskStatus.Done && t.Status != PlanTaskStatus.Dropped
                    && t.DueOn != null && t.DueOn < today),
                LastRating = db.MeetingParticipants.Where(mp => mp.PairId == p.Id)
                    .Join(db.MeetingFeedback, mp => mp.MeetingId, f => f.MeetingId, (mp, f) => f)
                    .OrderByDescending(f => f.At).ThenByDescending(f => f.Id).Select(f => (int?)f.Rating).FirstOrDefault(),
            })
            .Where(s => (s.LastHeldAt ?? s.ApprovedAt) < quietSince || s.OverdueTasks > 0 || s.LastRating < LowRating);
    }

    /// <summary>Why the pair needs attention, in the curator's words, e.g. «нет встреч 25 дней; просрочено задач: 2».</summary>
    public static string Why(StalledPair s, DateTime utcNow)
    {
        var reasons = new List<string>();
        if (s.Quiet(utcNow))
        {
            reasons.Add(s.LastHeldAt is { } last
                ? $"нет встреч {Text.RussianText.Plural((int)(utcNow - last).TotalDays, "день", "дня", "дней")}"
                : $"ни одной встречи за {Text.RussianText.Plural((int)(utcNow - s.ApprovedAt).TotalDays, "день", "дня", "дней")} после утверждения");
        }
        if (s.OverdueTasks > 0) reasons.Add($"просрочено задач ИОМ: {s.OverdueTasks}");
        if (s.LowFeedback) reasons.Add($"последняя оценка встречи: {s.LastRating}");
        return string.Join("; ", reasons);
    }
}
