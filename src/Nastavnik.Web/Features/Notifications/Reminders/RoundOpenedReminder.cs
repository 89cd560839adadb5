using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Diagnostics;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Notifications.Reminders;

/// <summary>
/// A diagnostics round of an active program is open: everyone asked in it (<see cref="Participation.IsAsked"/>) who has an account
/// is told once, with the deadline, and led to the self-assessment form.
/// </summary>
public sealed class RoundOpenedReminder : IReminder
{
    public const string KeyPrefix = "round-opened:";
    public NotificationKind Kind => NotificationKinds.RoundOpened;

    public async Task<IReadOnlyList<NewNotification>> DueAsync(AppDbContext db, DateTime utcNow, CancellationToken ct)
    {
        var today = ReminderSetup.Today(db, utcNow);
        var asked = db.People.Where(Participation.IsAsked);
        var rows = await (
                from r in db.DiagnosticsRounds
                where r.ClosedAt == null && r.Deadline >= today && db.Programs.Any(g => g.Id == r.ProgramId && g.Status == ProgramStatus.Active)
                from p in asked
                where p.SchoolId == r.SchoolId
                from u in db.Users
                where u.PersonId == p.Id && u.SchoolId == r.SchoolId
                    && !db.Notifications.Any(n => n.UserId == u.Id && n.DedupKey == KeyPrefix + r.Id.ToString())
                select new { r.SchoolId, r.Id, r.Title, r.Deadline, UserId = u.Id })
            .ToListAsync(ct);
        return rows.Select(x => new NewNotification(x.SchoolId, x.UserId, Kind, "Открыт тур диагностики",
            $"Тур {RussianText.Quote(x.Title)}: заполните самооценку до {RussianText.Date(x.Deadline)}.",
            "/Diagnostics/Answer", DedupKey: KeyPrefix + x.Id)).ToList();
    }
}
