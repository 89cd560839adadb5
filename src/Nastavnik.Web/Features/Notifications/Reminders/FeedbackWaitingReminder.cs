using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Meetings;

namespace Nastavnik.Web.Features.Notifications.Reminders;

/// <summary>
/// Feedback waiting: a day after a held meeting began, each participant who attended and gave no feedback is asked once (within
/// <see cref="ReminderSetup.CatchUpDays"/>, so a first start does not ask about last year's meetings).
/// </summary>
public sealed class FeedbackWaitingReminder : IReminder
{
    public const string KeyPrefix = "feedback-waiting:";
    public NotificationKind Kind => NotificationKinds.FeedbackWaiting;

    public async Task<IReadOnlyList<NewNotification>> DueAsync(AppDbContext db, DateTime utcNow, CancellationToken ct)
    {
        var until = utcNow.AddDays(-1);
        var since = utcNow.AddDays(-ReminderSetup.CatchUpDays);
        var rows = await (
                from m in db.Meetings
                where m.Status == MeetingStatus.Held && m.StartsAt <= until && m.StartsAt >= since
                from p in db.MeetingParticipants
                where p.MeetingId == m.Id && p.Attended != false
                    && !db.MeetingFeedback.Any(f => f.MeetingId == m.Id && f.AuthorId == p.PersonId)
                from u in db.Users
                where u.PersonId == p.PersonId && u.SchoolId == m.SchoolId
                let key = KeyPrefix + m.Id.ToString()
                where !db.Notifications.Any(n => n.UserId == u.Id && n.DedupKey == key)
                select new { m.Id, m.SchoolId, m.Kind, m.StartsAt, UserId = u.Id, Key = key })
            .ToListAsync(ct);
        return rows.Select(r => new NewNotification(r.SchoolId, r.UserId, Kind, "Оцените встречу",
            $"{MeetingLabels.Kind(r.Kind)} {MeetingLabels.When(r.StartsAt)} состоялась: поставьте оценку от 1 до 5 и, если хотите, напишите комментарий.",
            $"/Meetings/{r.Id}", DedupKey: r.Key)).ToList();
    }

    public static string Key(int meetingId) => KeyPrefix + meetingId.ToString(CultureInfo.InvariantCulture);
}
