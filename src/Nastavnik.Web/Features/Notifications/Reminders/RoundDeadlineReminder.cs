using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Diagnostics;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Notifications.Reminders;

/// <summary>
/// Three days before a round's deadline (and until it passes), those asked in it who have not sent their answers
/// (<see cref="Participation"/>: a saved draft is not an answer) are reminded once.
/// </summary>
public sealed class RoundDeadlineReminder : IReminder
{
    public const string KeyPrefix = "round-deadline:";
    public const int DaysBefore = 3;
    public NotificationKind Kind => NotificationKinds.RoundDeadline;

    public async Task<IReadOnlyList<NewNotification>> DueAsync(AppDbContext db, DateTime utcNow, CancellationToken ct)
    {
        var today = ReminderSetup.Today(db, utcNow);
        var soon = today.AddDays(DaysBefore);
        var asked = db.People.Where(Participation.IsAsked);
        var rows = await (
                from r in db.DiagnosticsRounds
                where r.ClosedAt == null && r.Deadline >= today && r.Deadline <= soon
                    && db.Programs.Any(g => g.Id == r.ProgramId && g.Status == ProgramStatus.Active)
                from p in asked
                where p.SchoolId == r.SchoolId && !db.RoundResponses.Any(s => s.RoundId == r.Id && s.PersonId == p.Id && s.SubmittedAt != null)
                from u in db.Users
                where u.PersonId == p.Id && u.SchoolId == r.SchoolId
                    && !db.Notifications.Any(n => n.UserId == u.Id && n.DedupKey == KeyPrefix + r.Id.ToString())
                select new { r.SchoolId, r.Id, r.Title, r.Deadline, UserId = u.Id })
            .ToListAsync(ct);
        return rows.Select(x => new NewNotification(x.SchoolId, x.UserId, Kind, "Скоро срок самооценки",
            $"Тур {RussianText.Quote(x.Title)} закрывается {RussianText.Date(x.Deadline)}, а ваши ответы ещё не отправлены.",
            "/Diagnostics/Answer", DedupKey: KeyPrefix + x.Id)).ToList();
    }
}
