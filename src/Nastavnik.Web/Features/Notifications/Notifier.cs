using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Notifications;

/// <summary>
/// A notification to create: to whom (an account of a school), of which kind, what it says, where it leads. With a
/// <paramref name="DedupKey"/> ("round-opened:12") it is created at most once per account.
/// </summary>
public sealed record NewNotification(
    int SchoolId, string UserId, NotificationKind Kind, string Title, string Text, string? Link = null,
    bool Urgent = false, string? DedupKey = null, int? AnnouncementId = null);

/// <summary>
/// The one way notifications are created (reminders, announcements, notices of decisions). It skips those whose dedup key
/// the account already has, so a reminder job may run again, or on two nodes under a lease, without repeating itself.
/// E-mail is not sent here: the digest job turns unmailed notifications into letters (at once when urgent).
/// </summary>
public sealed class Notifier(AppDbContext db)
{
    public const int TitleMax = 200;
    public const int TextMax = 2000;

    /// <summary>Adds the notifications not yet created and saves; returns how many were added.</summary>
    public async Task<int> NotifyAsync(IEnumerable<NewNotification> items, CancellationToken ct)
    {
        var list = items.ToList();
        if (list.Count == 0) return 0;
        var keyed = list.Where(n => n.DedupKey is not null).ToList();
        var existing = new HashSet<(string, string)>();
        foreach (var chunk in keyed.Select(n => n.DedupKey!).Distinct().Chunk(500))
        {
            var found = await db.Notifications.IgnoreQueryFilters()
                .Where(n => n.DedupKey != null && chunk.Contains(n.DedupKey))
                .Select(n => new { n.UserId, n.DedupKey }).ToListAsync(ct);
            foreach (var f in found) existing.Add((f.UserId, f.DedupKey!));
        }
        var added = 0;
        foreach (var n in list)
        {
            if (n.DedupKey is not null && !existing.Add((n.UserId, n.DedupKey))) continue;
            db.Notifications.Add(new Notification
            {
                SchoolId = n.SchoolId, UserId = n.UserId, Kind = n.Kind.Code, Title = Cut(n.Title, TitleMax), Text = Cut(n.Text, TextMax),
                Link = n.Link, Urgent = n.Urgent, DedupKey = n.DedupKey, AnnouncementId = n.AnnouncementId,
            });
            added++;
        }
        if (added > 0) await db.SaveChangesAsync(ct);
        return added;
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
