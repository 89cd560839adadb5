using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Notifications;

namespace Nastavnik.Web.Features.Account;

/// <summary>
/// One-time codes and reset links, written once: a code is 10 characters of an alphabet without look-alikes (no 0/O, 1/I/L),
/// shown in two groups of five («K7M2P-XR4TW»), typed in any case with or without the hyphen; only its SHA-256 hash is stored.
/// Issuing a code for an account revokes every older unused one.
/// </summary>
public static class SignInCodes
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 10;
    public static readonly TimeSpan OneTimeCodeLife = TimeSpan.FromDays(14);
    public static readonly TimeSpan ResetLinkLife = TimeSpan.FromHours(1);

    /// <summary>A new random code, grouped for reading.</summary>
    public static string NewCode()
    {
        var chars = new char[Length];
        for (var i = 0; i < Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars, 0, 5) + "-" + new string(chars, 5, 5);
    }

    /// <summary>The code as typed, reduced to its characters: upper case, spaces and hyphens dropped.</summary>
    public static string Normalize(string? code) =>
        new((code ?? "").ToUpperInvariant().Where(c => c is not (' ' or '-' or '\u2010' or '\u2013' or '\u2014')).ToArray());

    public static string Hash(string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(code)))).ToLowerInvariant();

    /// <summary>
    /// Adds a new code of <paramref name="kind"/> for the account to the context (saved by the caller, in its transaction) and
    /// revokes the account's older unused codes; returns the plaintext, which exists only in this request.
    /// </summary>
    public static async Task<string> IssueAsync(AppDbContext db, AppUser user, SignInCodeKind kind, string issuedBy, CancellationToken ct)
    {
        var now = db.Clock.UtcTime();
        foreach (var old in await db.SignInCodes.Where(c => c.UserId == user.Id && c.UsedAt == null && c.RevokedAt == null).ToListAsync(ct))
            old.RevokedAt = now;
        return Add(db, user.Id, user.SchoolId, kind, issuedBy, now);
    }

    /// <summary>A code for an account that has none yet (bulk creation): nothing to revoke, no query.</summary>
    public static string Add(AppDbContext db, string userId, int schoolId, SignInCodeKind kind, string issuedBy, DateTime now)
    {
        var code = NewCode();
        db.SignInCodes.Add(new SignInCode
        {
            UserId = userId, SchoolId = schoolId, Kind = kind, Hash = Hash(code), CreatedAt = now, IssuedBy = issuedBy,
            ExpiresAt = now + (kind == SignInCodeKind.ResetLink ? ResetLinkLife : OneTimeCodeLife),
        });
        return code;
    }

    /// <summary>The address that opens the code page with both fields filled in (the QR code of a slip, the link of a letter).</summary>
    public static string Link(string baseUrl, string login, string code) =>
        $"{baseUrl.TrimEnd('/')}/Account/Code?login={Uri.EscapeDataString(login)}&code={Uri.EscapeDataString(code)}";
}

/// <summary>The address printed on slips and put in letters: <c>Nastavnik:PublicUrl</c> when set, else the request's own scheme and host.</summary>
public static class PublicAddress
{
    public static string For(HttpRequest request, PublicUrlOptions options) =>
        string.IsNullOrWhiteSpace(options.PublicUrl) ? $"{request.Scheme}://{request.Host}{request.PathBase}" : options.PublicUrl.TrimEnd('/');
}
