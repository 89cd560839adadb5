namespace Nastavnik.Web.Features.Notifications;

/// <summary>
/// The SMTP server letters go through (<c>Nastavnik:Smtp</c>; from the environment <c>Nastavnik__Smtp__Host</c>, …). Without a
/// host, nothing is sent by e-mail: the bell still works, and pages that would send a letter say to ask the administrator.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Nastavnik:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>The sender, as «Наставник &lt;nastavnik@school.ru&gt;» or a bare address.</summary>
    public string? From { get; set; }
    /// <summary>None, StartTls, StartTlsWhenAvailable (default) or SslOnConnect.</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}

/// <summary>The installation's public address (<c>Nastavnik:PublicUrl</c>, e.g. https://nastavnik.school.ru), for links in letters and on slips.</summary>
public sealed class PublicUrlOptions
{
    public string? PublicUrl { get; set; }
}
