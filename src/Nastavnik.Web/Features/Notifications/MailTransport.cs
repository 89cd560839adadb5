using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Nastavnik.Web.Features.Notifications;

/// <summary>A connection to the SMTP server for one batch of letters.</summary>
public interface IMailConnection : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>How letters leave the application: by SMTP (<see cref="SmtpMailTransport"/>); tests may put another in its place.</summary>
public interface IMailTransport
{
    Task<IMailConnection> ConnectAsync(SmtpOptions options, CancellationToken ct);
}

/// <summary>MailKit over the SMTP server of <see cref="SmtpOptions"/> (host, port, security, optional sign-in).</summary>
public sealed class SmtpMailTransport : IMailTransport
{
    public async Task<IMailConnection> ConnectAsync(SmtpOptions options, CancellationToken ct)
    {
        var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            await client.ConnectAsync(options.Host ?? "", options.Port, SecurityOf(options.Security), ct);
            if (!string.IsNullOrEmpty(options.UserName))
                await client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
            return new Connection(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public static SecureSocketOptions SecurityOf(string? value) =>
        Enum.TryParse<SecureSocketOptions>(value, ignoreCase: true, out var s) && s != SecureSocketOptions.Auto ? s : SecureSocketOptions.StartTlsWhenAvailable;

    private sealed class Connection(SmtpClient client) : IMailConnection
    {
        public Task SendAsync(MimeMessage message, CancellationToken ct) => client.SendAsync(message, ct);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected) await client.DisconnectAsync(true, CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException or OperationCanceledException) { }
            client.Dispose();
        }
    }
}
