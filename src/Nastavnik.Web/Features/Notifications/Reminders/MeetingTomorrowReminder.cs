using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Meetings;

namespace Nastavnik.Web.Features.Notifications.Reminders;

/// <summary>
/// A planned meeting tomorrow (on the school's clock, <see cref="SchoolTime"/>): each participant with an account is told once per
/// meeting and start, so a meeting moved to another day reminds again. The text names the kind, the time and the place, never the
/// pair's topic (the mentee's need).
/// </summary>
public sealed class MeetingTomorrowReminder : IReminder
{
    public const string KeyPrefix = "meeting-tomorrow:";
    public NotificationKind Kind => NotificationKinds.MeetingTomorrow;

    public async Task<IReadOnlyList<NewNotification>> DueAsync(AppDbContext db, DateTime utcNow, CancellationToken ct)
    {
        var tomorrow = DateOnly.FromDateTime(SchoolTime.Local(utcNow)).AddDays(1);
        var start = SchoolTime.Utc(tomorrow, TimeOnly.MinValue);
        var end = SchoolTime.Utc(tomorrow.AddDays(1), TimeOnly.MinValue);
        var rows = await (
                from m in db.Meetings
                where m.Status == MeetingStatus.Planned && m.StartsAt >= start && m.StartsAt < end
                from p in db.MeetingParticipants
                where p.MeetingId == m.Id
                from u in db.Users
                where u.PersonId == p.PersonId && u.SchoolId == m.SchoolId
                select new { m.Id, m.SchoolId, m.Kind, m.StartsAt, m.Place, m.OnlineLink, UserId = u.Id })
            .ToListAsync(ct);
        if (rows.Count == 0) return [];
        var users = rows.Select(r => r.UserId).Distinct().ToList();
        var sent = (await db.Notifications.Where(n => users.Contains(n.UserId) && n.DedupKey != null && n.DedupKey.StartsWith(KeyPrefix))
            .Select(n => new { n.UserId, n.DedupKey }).ToListAsync(ct)).Select(n => (n.UserId, n.DedupKey)).ToHashSet();
        return rows.Select(r => (r, Key: Key(r.Id, r.StartsAt))).Where(x => !sent.Contains((x.r.UserId, x.Key))).Select(x =>
        {
            var where = x.r.Place ?? (x.r.OnlineLink is null ? null : "онлайн");
            var text = $"Завтра, {MeetingLabels.When(x.r.StartsAt)}: {MeetingLabels.Kind(x.r.Kind).ToLower(Text.RussianText.Culture)}{(where is null ? "" : ", " + where)}.";
            return new NewNotification(x.r.SchoolId, x.r.UserId, Kind, "Завтра встреча наставничества", text, $"/Meetings/{x.r.Id}", DedupKey: x.Key);
        }).ToList();
    }

    public static string Key(int meetingId, DateTime startsAt) =>
        KeyPrefix + meetingId.ToString(CultureInfo.InvariantCulture) + ":" + startsAt.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
}
