using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Notifications;

/// <summary>A notification as its owner sees it under the bell and in the API.</summary>
public sealed record NotificationView(long Id, string Kind, string Title, string Text, string? Link, bool Urgent, DateTime CreatedAt, DateTime? ReadAt);

/// <summary>A kind of letters and whether the person receives it by e-mail.</summary>
public sealed record EmailSetting(string Kind, string Title, bool EmailOn);

/// <summary>The page of settings: the kinds, and what stands in the way of e-mail at all.</summary>
public sealed record EmailSettings(IReadOnlyList<EmailSetting> Kinds, bool HasAddress, bool SmtpConfigured, bool AllOff);

/// <summary>
/// The signed-in person's own notifications (a manager, who may see the school's, still gets only their own here) and their
/// choice of letters; and the unsubscribe of a letter's link, which needs no sign-in.
/// </summary>
public sealed class NotificationCommands(AppDbContext db, UnsubscribeTokens tokens, IOptions<SmtpOptions> smtp)
{
    public const string NotFoundMessage = "Уведомление не найдено.";
    public const int PageSize = 50;

    private string Me => db.School.UserId;
    private IQueryable<Notification> Mine => db.Notifications.Where(n => n.UserId == Me);

    /// <summary>The unread count under the bell: one indexed COUNT (UserId, ReadAt).</summary>
    public Task<int> UnreadCountAsync(CancellationToken ct) =>
        Me.Length == 0 ? Task.FromResult(0) : db.Notifications.CountAsync(n => n.UserId == Me && n.ReadAt == null, ct);

    public Task<List<NotificationView>> ListAsync(int skip, int take, CancellationToken ct) =>
        Mine.AsNoTracking().OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 200))
            .Select(n => new NotificationView(n.Id, n.Kind, n.Title, n.Text, n.Link, n.Urgent, n.CreatedAt, n.ReadAt)).ToListAsync(ct);

    public Task<int> CountAsync(CancellationToken ct) => Mine.CountAsync(ct);

    /// <summary>Marks one of the person's notifications read; another person's is not found. Returns where it leads.</summary>
    public async Task<CommandResult<string>> MarkReadAsync(long id, CancellationToken ct)
    {
        var n = await Mine.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return CommandError.NotFound(NotFoundMessage);
        if (n.ReadAt is null)
        {
            n.ReadAt = db.Clock.UtcTime();
            await db.SaveChangesAsync(ct);
        }
        return SafeLink(n.Link);
    }

    public async Task<int> MarkAllReadAsync(CancellationToken ct)
    {
        var now = db.Clock.UtcTime();
        return await Mine.Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    public async Task<EmailSettings> SettingsAsync(CancellationToken ct)
    {
        var off = await db.NotificationSettings.Where(s => s.UserId == Me && s.EmailOff).Select(s => s.Kind).ToListAsync(ct);
        var account = await db.Users.Where(u => u.Id == Me).Select(u => new { u.Email, PersonEmail = u.Person != null ? u.Person.Email : null }).FirstOrDefaultAsync(ct);
        var hasAddress = !string.IsNullOrWhiteSpace(account?.Email ?? account?.PersonEmail);
        return new EmailSettings(NotificationKinds.All.Select(k => new EmailSetting(k.Code, k.Title, !off.Contains(k.Code))).ToList(),
            hasAddress, smtp.Value.IsConfigured, off.Contains(Unsubscription.AllKinds));
    }

    /// <summary>Saves the person's choice: the kinds they receive by e-mail (the rest are off; all letters back on).</summary>
    public async Task<CommandResult> SaveSettingsAsync(IReadOnlyCollection<string> emailOn, CancellationToken ct)
    {
        if (Me.Length == 0 || db.School.SchoolId is not > 0) return CommandError.Forbidden("Войдите, чтобы настроить уведомления.");
        var unknown = emailOn.Where(k => NotificationKinds.Find(k) is null).ToList();
        if (unknown.Count > 0) return CommandError.Invalid("Неизвестный вид уведомлений.");
        var offKinds = NotificationKinds.All.Select(k => k.Code).Where(k => !emailOn.Contains(k)).ToList();
        await SetOffAsync(db.School.SchoolId.Value, Me, offKinds, [.. emailOn, Unsubscription.AllKinds], ct);
        return CommandResult.Success;
    }

    /// <summary>The unsubscribe of a letter's link: turns off the kind the token names (or every letter), without signing in.</summary>
    public async Task<CommandResult<string>> UnsubscribeAsync(string? token, CancellationToken ct)
    {
        if (tokens.Read(token) is not { } u) return CommandError.Invalid("Ссылка для отписки повреждена или устарела. Войдите и откройте настройки уведомлений.");
        // The link's bearer is the account: this unit of work is limited to its school.
        db.School.Use(u.SchoolId);
        if (!await db.Users.AnyAsync(x => x.Id == u.UserId && x.SchoolId == u.SchoolId, ct)) return CommandError.NotFound("Учётная запись не найдена.");
        await SetOffAsync(u.SchoolId, u.UserId, [u.Kind], [], ct);
        return Describe(u.Kind);
    }

    /// <summary>What an unsubscribe link turns off, as the page names it.</summary>
    public string? Preview(string? token) => tokens.Read(token) is { } u ? Describe(u.Kind) : null;

    private static string Describe(string kind) =>
        kind == Unsubscription.AllKinds ? "все письма системы «Наставник»" : $"письма «{NotificationKinds.Find(kind)?.Title ?? kind}»";

    private async Task SetOffAsync(int schoolId, string userId, IReadOnlyList<string> off, IReadOnlyList<string> on, CancellationToken ct)
    {
        var rows = await db.NotificationSettings.Where(s => s.UserId == userId).ToListAsync(ct);
        foreach (var kind in off)
        {
            var row = rows.FirstOrDefault(r => r.Kind == kind);
            if (row is null) db.NotificationSettings.Add(new NotificationSetting { SchoolId = schoolId, UserId = userId, Kind = kind, EmailOff = true });
            else row.EmailOff = true;
        }
        foreach (var row in rows.Where(r => on.Contains(r.Kind))) row.EmailOff = false;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); } // the same choice saved twice at once (a double click): the first one stands
    }

    /// <summary>Only a path inside the app is followed (never another site).</summary>
    public static string SafeLink(string? link) =>
        link is { Length: > 1 } && link[0] == '/' && link[1] != '/' && link[1] != '\\' ? link : "/Notifications";
}
