using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Notifications;

/// <summary>
/// Sends the outbox (<see cref="OutboxLetter"/>). A node claims a batch with a conditional update (ClaimedBy, ClaimedUntil: a
/// lease of <see cref="ClaimFor"/>), so two nodes never hold the same letter; it sends each and marks it sent. A node that dies
/// leaves claims that expire, and another node (or this one after a restart) sends those letters. Between the server's
/// acceptance of a letter and the mark there is a moment in which a death makes the letter go twice: delivery is at least once.
/// An unreachable server or a refusal delays a letter with a growing pause; only a permanent refusal of the address (5xx) or
/// <see cref="MaxAttempts"/> refusals of the letter give it up (FailedAt), and the administrator may send it again.
/// </summary>
public sealed class OutboxDispatcher(
    AppDbContext db, IMailTransport transport, IOptions<SmtpOptions> smtp, UnsubscribeTokens unsubscribe, NodeIdentity node,
    ILogger<OutboxDispatcher> log) : IScheduledJob
{
    public const int BatchSize = 20;
    public const int MaxAttempts = 10;
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan SafetyMargin = TimeSpan.FromSeconds(15);

    public string Name => "outbox";
    public TimeSpan Interval => TimeSpan.FromSeconds(10);

    public async Task RunAsync(CancellationToken ct)
    {
        if (!smtp.Value.IsConfigured) return; // letters wait; the administrator's page says e-mail is not configured
        for (var batch = 0; batch < 500; batch++)
        {
            var (candidates, claimed, claim, until) = await ClaimAsync(ct);
            if (candidates == 0) return;
            if (claimed.Count == 0) continue; // another node took these first; look for the next ones
            if (!await SendAsync(claimed, claim, until, ct)) return;
        }
    }

    private async Task<(int Candidates, List<OutboxLetter> Claimed, string Claim, DateTime Until)> ClaimAsync(CancellationToken ct)
    {
        var now = db.Clock.UtcTime();
        var ids = await db.OutboxLetters.IgnoreQueryFilters()
            .Where(l => l.SentAt == null && l.FailedAt == null && l.NotBefore <= now && (l.ClaimedUntil == null || l.ClaimedUntil < now))
            .OrderBy(l => l.NotBefore).ThenBy(l => l.Id).Select(l => l.Id).Take(BatchSize).ToListAsync(ct);
        if (ids.Count == 0) return (0, [], "", now);
        var claim = node.Id + "/" + Guid.NewGuid().ToString("N")[..8];
        var until = now + ClaimFor;
        // The condition is evaluated again on each row as it is updated, so of two nodes racing for a row one gets it.
        await db.OutboxLetters.IgnoreQueryFilters()
            .Where(l => ids.Contains(l.Id) && l.SentAt == null && l.FailedAt == null && (l.ClaimedUntil == null || l.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ClaimedBy, claim).SetProperty(l => l.ClaimedUntil, until), ct);
        var claimed = await db.OutboxLetters.IgnoreQueryFilters().AsNoTracking()
            .Where(l => l.ClaimedBy == claim).OrderBy(l => l.Id).ToListAsync(ct);
        return (ids.Count, claimed, claim, until);
    }

    /// <summary>Sends a claimed batch; false when the server could not be reached (the run stops until the next interval).</summary>
    private async Task<bool> SendAsync(List<OutboxLetter> letters, string claim, DateTime until, CancellationToken ct)
    {
        var options = smtp.Value;
        IMailConnection connection;
        try
        {
            connection = await transport.ConnectAsync(options, ct);
        }
        catch (Exception e) when (IsTransportFailure(e) && !ct.IsCancellationRequested)
        {
            LetterLog.ServerUnreachable(log, e, options.Host ?? "");
            foreach (var l in letters) await DelayAsync(l, claim, "Почтовый сервер недоступен: " + e.Message, Outcome.ServerDown);
            return false;
        }
        await using (connection)
        {
            foreach (var letter in letters)
            {
                // A claim near its end may be taken by another node: leave the rest to the next run.
                if (db.Clock.UtcTime() > until - SafetyMargin) break;
                MimeMessage message;
                try { message = Compose(letter, options); }
                catch (ParseException e)
                {
                    await DelayAsync(letter, claim, "Адрес не принят: " + e.Message, Outcome.Permanent);
                    continue;
                }
                try
                {
                    await connection.SendAsync(message, ct);
                }
                catch (SmtpCommandException e) when (!ct.IsCancellationRequested)
                {
                    var permanent = (int)e.StatusCode >= 500 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted;
                    await DelayAsync(letter, claim, $"Сервер отказал ({(int)e.StatusCode}): {e.Message}", permanent ? Outcome.Permanent : Outcome.Refused);
                    continue;
                }
                catch (Exception e) when (IsTransportFailure(e) && !ct.IsCancellationRequested)
                {
                    LetterLog.ServerUnreachable(log, e, options.Host ?? "");
                    await DelayAsync(letter, claim, "Связь с почтовым сервером прервалась: " + e.Message, Outcome.ServerDown);
                    await ReleaseAsync(letters.Where(l => l.Id > letter.Id), claim);
                    return false;
                }
                // Marked whatever happens to the run from here: the server has the letter.
                var now = db.Clock.UtcTime();
                await db.OutboxLetters.IgnoreQueryFilters().Where(l => l.Id == letter.Id && l.ClaimedBy == claim)
                    .ExecuteUpdateAsync(s => s.SetProperty(l => l.SentAt, now).SetProperty(l => l.ClaimedBy, (string?)null)
                        .SetProperty(l => l.ClaimedUntil, (DateTime?)null).SetProperty(l => l.LastError, (string?)null), CancellationToken.None);
            }
        }
        await ReleaseAsync(letters, claim);
        return true;
    }

    /// <summary>The letter as it goes out: sender, subject, plain text and HTML, its own Message-Id and, for notification letters, the one-click unsubscribe (RFC 8058).</summary>
    public MimeMessage Compose(OutboxLetter letter, SmtpOptions options)
    {
        var from = MailboxAddress.Parse(options.From ?? "");
        var message = new MimeMessage { Subject = letter.Subject };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(letter.ToAddress));
        var domain = from.Domain.Length > 0 ? from.Domain : "nastavnik.local";
        message.MessageId = $"letter-{letter.Id}@{domain}";
        message.Date = new DateTimeOffset(DateTime.SpecifyKind(letter.CreatedAt, DateTimeKind.Utc));
        if (letter.UserId is not null && LetterComposer.IsUnsubscribable(letter.Kind))
        {
            var link = unsubscribe.Link(new Unsubscription(letter.SchoolId, letter.UserId, LetterComposer.UnsubscribeKindOf(letter.Kind)));
            message.Headers.Add("List-Unsubscribe", $"<{link}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        var body = new BodyBuilder { TextBody = letter.TextBody, HtmlBody = letter.HtmlBody };
        message.Body = body.ToMessageBody();
        return message;
    }

    private static bool IsTransportFailure(Exception e) =>
        e is SocketException or IOException or TimeoutException or SmtpProtocolException or ServiceNotConnectedException
            or AuthenticationException or SslHandshakeException or SmtpCommandException or OperationCanceledException;

    /// <summary>After a failure: one more attempt counted, the error kept, the next try after a pause that doubles up to an hour.</summary>
    private enum Outcome { ServerDown, Refused, Permanent }

    private async Task DelayAsync(OutboxLetter letter, string claim, string error, Outcome outcome)
    {
        var now = db.Clock.UtcTime();
        var attempts = letter.Attempts + 1;
        var pause = TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Min(attempts - 1, 6))));
        // Only refusals of the letter itself count toward giving up; an unreachable server never loses a letter.
        DateTime? failed = outcome == Outcome.Permanent || (outcome == Outcome.Refused && attempts >= MaxAttempts) ? now : null;
        var text = error.Length > 1000 ? error[..1000] : error;
        await db.OutboxLetters.IgnoreQueryFilters().Where(l => l.Id == letter.Id && l.ClaimedBy == claim)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Attempts, attempts).SetProperty(l => l.LastError, text)
                .SetProperty(l => l.NotBefore, now + pause).SetProperty(l => l.FailedAt, failed)
                .SetProperty(l => l.ClaimedBy, (string?)null).SetProperty(l => l.ClaimedUntil, (DateTime?)null), CancellationToken.None);
        if (failed is not null) LetterLog.GivenUp(log, letter.Id, LetterLog.WithoutAddresses(text));
    }

    private async Task ReleaseAsync(IEnumerable<OutboxLetter> letters, string claim)
    {
        var ids = letters.Select(l => l.Id).ToList();
        if (ids.Count == 0) return;
        await db.OutboxLetters.IgnoreQueryFilters().Where(l => ids.Contains(l.Id) && l.ClaimedBy == claim)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ClaimedBy, (string?)null).SetProperty(l => l.ClaimedUntil, (DateTime?)null), CancellationToken.None);
    }
}

internal static partial class LetterLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "The SMTP server {Host} could not be reached; letters wait and are tried again")]
    public static partial void ServerUnreachable(ILogger logger, Exception e, string host);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Letter {Id} given up: {Error}")]
    public static partial void GivenUp(ILogger logger, long id, string error);

    /// <summary>A server's refusal often quotes the recipient: the log gets it without e-mail addresses (the outbox page shows it whole).</summary>
    public static string WithoutAddresses(string error) => Address().Replace(error, "<адрес>");

    [System.Text.RegularExpressions.GeneratedRegex(@"[^\s<>()\[\]:;,""']+@[^\s<>()\[\]:;,""']+")]
    private static partial System.Text.RegularExpressions.Regex Address();
}
