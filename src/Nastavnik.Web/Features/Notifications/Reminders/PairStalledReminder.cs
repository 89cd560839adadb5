using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Pairs;

namespace Nastavnik.Web.Features.Notifications.Reminders;

/// <summary>
/// A live pair of an active program has stalled (<see cref="StalledPairs"/>, the rule of the curator's board): the program's curators
/// (or, when none has an account, the school's) are told once per stall. The dedup key carries the date of the pair's last held
/// meeting, so a pair that meets and stalls again is told again. The text names the two colleagues, never the pair's topic (the
/// mentee's need).
/// </summary>
public sealed class PairStalledReminder : IReminder
{
    public const string KeyPrefix = "pair-stalled:";
    public NotificationKind Kind => NotificationKinds.PairStalled;

    public async Task<IReadOnlyList<NewNotification>> DueAsync(AppDbContext db, DateTime utcNow, CancellationToken ct)
    {
        var today = ReminderSetup.Today(db, utcNow);
        var stalled = await StalledPairs.Query(db, utcNow, today)
            .Join(db.Programs.Where(g => g.Status == ProgramStatus.Active), s => s.ProgramId, g => g.Id, (s, g) => s)
            .ToListAsync(ct);
        if (stalled.Count == 0) return [];

        var personIds = stalled.SelectMany(s => new[] { s.MentorId, s.MenteeId }).Distinct().ToList();
        var names = new Dictionary<int, string>();
        foreach (var chunk in personIds.Chunk(1000))
        {
            foreach (var p in await db.People.Where(p => chunk.Contains(p.Id)).Select(p => new { p.Id, p.LastName, p.FirstName, p.MiddleName }).ToListAsync(ct))
                names[p.Id] = Text.PersonName.Full(p.LastName, p.FirstName, p.MiddleName);
        }
        var programIds = stalled.Select(s => s.ProgramId).Distinct().ToList();
        var schoolIds = stalled.Select(s => s.SchoolId).Distinct().ToList();
        var curatorsOf = await CuratorAccounts.OfProgramsAsync(db, programIds, schoolIds, ct);

        var due = new List<NewNotification>();
        foreach (var s in stalled)
        {
            var to = curatorsOf(s.ProgramId, s.SchoolId);
            var text = $"Пара {names.GetValueOrDefault(s.MentorId, "—")} — {names.GetValueOrDefault(s.MenteeId, "—")}: {StalledPairs.Why(s, utcNow)}.";
            var key = KeyPrefix + s.PairId.ToString(CultureInfo.InvariantCulture) + ":"
                + (s.LastHeldAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none");
            due.AddRange(to.Select(user => new NewNotification(s.SchoolId, user, Kind, "Пара остановилась", text,
                $"/Pairs/{s.PairId}", DedupKey: key)));
        }
        return due;
    }
}
