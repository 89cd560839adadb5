using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Account;
using Nastavnik.Web.Features.Notifications;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Admin.Users;

/// <summary>An account that has not signed in yet: it has no password of its own (none set from a code, or a temporary one never changed).</summary>
public sealed record NotSignedIn(string UserId, string Login, string Name, string? Email, DateTime? CodeExpiresAt, DateTime? InvitedAt);

public sealed record InvitationResult(int Sent, IReadOnlyList<string> WithoutEmail);

/// <summary>
/// A new one-time code for one account (with its slip), the list «Ещё не вошли», and invitations by e-mail: each invitation
/// issues a new code (revoking older ones, so a printed slip stops working) and enqueues the letter in the same transaction.
/// </summary>
public sealed class InvitationCommands(AppDbContext db, SlipStore slips, IOptions<SmtpOptions> smtp)
{
    public const string NoMail = "Письма не отправляются: почта (Nastavnik:Smtp) не настроена. Раздайте листки с кодами.";

    public bool MailConfigured => smtp.Value.IsConfigured;

    /// <summary>A new one-time code for an account of the school, older codes revoked; the slip batch is kept for the administrator.</summary>
    public async Task<CommandResult<(IssuedAccount Account, Guid SlipsId)>> IssueCodeAsync(int schoolId, string userId, string issuedBy, string baseUrl, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.SchoolId == schoolId, ct);
        if (user is null) return CommandError.NotFound("Учётная запись не найдена.");
        var code = await SignInCodes.IssueAsync(db, user, SignInCodeKind.OneTimeCode, issuedBy, ct);
        user.LockoutEnd = null;
        await db.SaveChangesAsync(ct);
        var issued = new IssuedAccount(user.Id, user.PersonId, user.DisplayName, user.UserName!, code, db.Clock.UtcTime() + SignInCodes.OneTimeCodeLife);
        var batch = new SlipBatch($"Листок входа: {user.DisplayName}", BulkAccountCommands.Cards([issued], baseUrl), [], 0);
        return (issued, await slips.SaveAsync(schoolId, issuedBy, batch, ct));
    }

    public async Task<List<NotSignedIn>> NotSignedInAsync(int schoolId, CancellationToken ct)
    {
        var rows = await db.Users.AsNoTracking().Where(u => u.SchoolId == schoolId && (u.PasswordHash == null || u.MustChangePassword))
            .OrderBy(u => NameOrder.Key(u.DisplayName)).Select(u => new { u.Id, u.UserName, u.DisplayName, u.Email }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var codes = await db.SignInCodes.AsNoTracking().Where(c => ids.Contains(c.UserId) && c.Kind == SignInCodeKind.OneTimeCode && c.UsedAt == null && c.RevokedAt == null)
            .Select(c => new { c.UserId, c.ExpiresAt }).ToListAsync(ct);
        var letters = await db.OutboxLetters.AsNoTracking().Where(l => l.UserId != null && ids.Contains(l.UserId) && l.Kind == AccountLetters.InvitationKind)
            .Select(l => new { l.UserId, l.CreatedAt }).ToListAsync(ct);
        return rows.Select(r => new NotSignedIn(r.Id, r.UserName!, r.DisplayName, r.Email,
            codes.Where(c => c.UserId == r.Id).Select(c => (DateTime?)c.ExpiresAt).Max(),
            letters.Where(l => l.UserId == r.Id).Select(l => (DateTime?)l.CreatedAt).Max())).ToList();
    }

    /// <summary>Invitations to the given accounts of the school (null: everyone who has not signed in yet) that have an e-mail.</summary>
    public async Task<CommandResult<InvitationResult>> InviteAsync(int schoolId, IReadOnlyList<string>? userIds, string issuedBy, string baseUrl, CancellationToken ct)
    {
        if (!MailConfigured) return CommandError.Invalid(NoMail);
        var query = db.Users.Where(u => u.SchoolId == schoolId);
        query = userIds is null ? query.Where(u => u.PasswordHash == null || u.MustChangePassword) : query.Where(u => userIds.Contains(u.Id));
        var users = await query.OrderBy(u => NameOrder.Key(u.DisplayName)).ToListAsync(ct);
        if (userIds is not null && users.Count != userIds.Distinct().Count()) return CommandError.NotFound("Учётная запись не найдена.");
        var ids = users.Select(u => u.Id).ToList();
        var now = db.Clock.UtcTime();
        foreach (var old in await db.SignInCodes.Where(c => ids.Contains(c.UserId) && c.UsedAt == null && c.RevokedAt == null).ToListAsync(ct))
            if (users.First(u => u.Id == old.UserId).Email is { Length: > 0 }) old.RevokedAt = now;
        var sent = 0;
        foreach (var user in users.Where(u => !string.IsNullOrWhiteSpace(u.Email)))
        {
            var code = SignInCodes.Add(db, user.Id, schoolId, SignInCodeKind.OneTimeCode, issuedBy, now);
            db.OutboxLetters.Add(AccountLetters.Invitation(user, SignInCodes.Link(baseUrl, user.UserName!, code), now, now + SignInCodes.OneTimeCodeLife));
            sent++;
        }
        await db.SaveChangesAsync(ct);
        return new InvitationResult(sent, users.Where(u => string.IsNullOrWhiteSpace(u.Email)).Select(u => u.DisplayName).ToList());
    }
}
