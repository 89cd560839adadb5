using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Announcements;

/// <summary>
/// What the pages and the API show of announcements. A manager (curator, administrator) sees every announcement of the school with
/// how many of its recipients have read it; anyone else sees only the announcements addressed to them, without read status.
/// </summary>
public static class AnnouncementQueries
{
    public sealed record Item(int Id, string Title, string Audience, string AuthorName, DateTime CreatedAt, int? Read, int? Recipients, bool? ReadByMe);

    public sealed record ReadStatus(int Read, int Recipients, IReadOnlyList<string> NotRead);

    public sealed record Details(int Id, string Title, string Text, string Audience, string AuthorName, DateTime CreatedAt, ReadStatus? Status);

    public static async Task<List<Item>> ListAsync(AppDbContext db, bool manager, string userId, CancellationToken ct)
    {
        if (manager)
            return await db.Announcements.AsNoTracking().OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
                .Select(a => new Item(a.Id, a.Title, a.Audience, a.AuthorName, a.CreatedAt,
                    db.Notifications.Count(n => n.AnnouncementId == a.Id && n.ReadAt != null), db.Notifications.Count(n => n.AnnouncementId == a.Id),
                    db.Notifications.Where(n => n.AnnouncementId == a.Id && n.UserId == userId).Select(n => (bool?)(n.ReadAt != null)).FirstOrDefault()))
                .ToListAsync(ct);
        return await db.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.AnnouncementId != null)
            .Join(db.Announcements, n => n.AnnouncementId, a => a.Id, (n, a) => new { a, n.ReadAt })
            .OrderByDescending(x => x.a.CreatedAt).ThenByDescending(x => x.a.Id)
            .Select(x => new Item(x.a.Id, x.a.Title, x.a.Audience, x.a.AuthorName, x.a.CreatedAt, null, null, x.ReadAt != null))
            .ToListAsync(ct);
    }

    /// <summary>The announcement for a manager (with its read status) or for one of its recipients; null for anyone else.</summary>
    public static async Task<Details?> FindAsync(AppDbContext db, int id, bool manager, string userId, CancellationToken ct)
    {
        var a = await db.Announcements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return null;
        if (!manager)
            return await db.Notifications.AnyAsync(n => n.AnnouncementId == id && n.UserId == userId, ct)
                ? new Details(a.Id, a.Title, a.Text, a.Audience, a.AuthorName, a.CreatedAt, null) : null;
        var readers = await db.Notifications.AsNoTracking().Where(n => n.AnnouncementId == id)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { u.DisplayName, Read = n.ReadAt != null }).ToListAsync(ct);
        var order = StringComparer.Create(RussianText.Culture, ignoreCase: true);
        var status = new ReadStatus(readers.Count(r => r.Read), readers.Count, readers.Where(r => !r.Read).Select(r => r.DisplayName).Order(order).ToList());
        return new Details(a.Id, a.Title, a.Text, a.Audience, a.AuthorName, a.CreatedAt, status);
    }
}
