using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Notifications.Reminders;

/// <summary>
/// A roadmap event of an active program is overdue (planned, its due date passed, within <see cref="ReminderSetup.CatchUpDays"/>):
/// the person responsible (when their card has an account) and the program's curators are told once per due date (an event
/// postponed and overdue again is told again). A program whose curators have no account falls back to the school's curators.
/// </summary>
public sealed class RoadmapOverdueReminder : IReminder
{
    public const string KeyPrefix = "roadmap-overdue:";
    public NotificationKind Kind => NotificationKinds.RoadmapOverdue;

    public async Task<IReadOnlyList<NewNotification>> DueAsync(AppDbContext db, DateTime utcNow, CancellationToken ct)
    {
        var today = ReminderSetup.Today(db, utcNow);
        var since = today.AddDays(-ReminderSetup.CatchUpDays);
        var events = await db.RoadmapEvents
            .Where(e => e.Status == EventStatus.Planned && e.DueDate != null && e.DueDate < today && e.DueDate >= since)
            .Join(db.Programs.Where(g => g.Status == ProgramStatus.Active), e => e.ProgramId, g => g.Id,
                (e, g) => new { e.Id, e.SchoolId, e.ProgramId, Program = g.Name, e.Title, Due = e.DueDate!.Value, e.ResponsiblePersonId })
            .ToListAsync(ct);
        if (events.Count == 0) return [];

        var programIds = events.Select(e => e.ProgramId).Distinct().ToList();
        var responsibleIds = events.Select(e => e.ResponsiblePersonId).OfType<int>().Distinct().ToList();
        var responsible = (await db.Users.Where(u => u.PersonId != null && responsibleIds.Contains(u.PersonId.Value))
            .Select(u => new { u.Id, u.SchoolId, PersonId = u.PersonId!.Value }).ToListAsync(ct)).ToLookup(u => u.PersonId);
        var schoolIds = events.Select(e => e.SchoolId).Distinct().ToList();
        var curatorsOf = await CuratorAccounts.OfProgramsAsync(db, programIds, schoolIds, ct);

        var due = new List<NewNotification>();
        foreach (var e in events)
        {
            var to = responsible[e.ResponsiblePersonId ?? 0].Where(u => u.SchoolId == e.SchoolId).Select(u => u.Id)
                .Concat(curatorsOf(e.ProgramId, e.SchoolId)).Distinct();
            var text = $"{RussianText.Quote(e.Title)}: срок {RussianText.Date(e.Due)}, мероприятие не отмечено выполненным. Программа {RussianText.Quote(e.Program)}.";
            var key = KeyPrefix + e.Id.ToString(CultureInfo.InvariantCulture) + ":" + e.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            due.AddRange(to.Select(user => new NewNotification(e.SchoolId, user, Kind, "Просрочено мероприятие дорожной карты", text,
                $"/Programs/Roadmap?id={e.ProgramId}", DedupKey: key)));
        }
        return due;
    }
}
