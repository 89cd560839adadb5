using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Nastavnik.Web.Features.Notifications;

/// <summary>What an unsubscribe link turns off: one kind of letters of one account, or all its letters (<see cref="AllKinds"/>).</summary>
public sealed record Unsubscription(int SchoolId, string UserId, string Kind)
{
    public const string AllKinds = "*";
}

/// <summary>
/// The token of a letter's one-click unsubscribe link: the account, its school and the kind, signed and encrypted by ASP.NET
/// Data Protection for this purpose only, so it opens no other door and works without signing in. It does not expire: a
/// letter read months later must still unsubscribe (RFC 8058).
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider protection, IOptions<PublicUrlOptions> publicUrl)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Nastavnik.Notifications.Unsubscribe.v1");

    public string Create(Unsubscription u) =>
        _protector.Protect(string.Join('\n', u.SchoolId.ToString(CultureInfo.InvariantCulture), u.UserId, u.Kind));

    public Unsubscription? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000) return null;
        try
        {
            var parts = _protector.Unprotect(token).Split('\n');
            return parts.Length == 3 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var school) ? new(school, parts[1], parts[2]) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// A letter's unsubscribe address (its link and its List-Unsubscribe header): a GET leads a person to the confirmation page, a
    /// mail program's one-click POST unsubscribes at once (NotificationsApi.MapUnsubscribe).
    /// </summary>
    public string Link(Unsubscription u) => PublicLinks.Absolute(publicUrl.Value, NotificationsApi.UnsubscribePath + "?t=" + Uri.EscapeDataString(Create(u)));
}

/// <summary>Absolute addresses for letters, from <c>Nastavnik:PublicUrl</c>.</summary>
public static class PublicLinks
{
    /// <summary>Used when <c>Nastavnik:PublicUrl</c> is not set: the address the app answers on by default.</summary>
    public const string Fallback = "http://localhost:5080";

    public static string Absolute(PublicUrlOptions options, string path)
    {
        var root = string.IsNullOrWhiteSpace(options.PublicUrl) ? Fallback : options.PublicUrl.TrimEnd('/');
        return root + (path.StartsWith('/') ? path : "/" + path);
    }
}
