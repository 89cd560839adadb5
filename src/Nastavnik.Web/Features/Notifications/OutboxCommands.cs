using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Notifications;

/// <summary>A letter of the outbox as the administrator sees it: to whom, what about, and where it stands (never its text).</summary>
public sealed record LetterRow(long Id, string ToAddress, string Subject, DateTime CreatedAt, DateTime? SentAt, DateTime? FailedAt, int Attempts, string? LastError, DateTime NotBefore)
{
    public string State => SentAt is not null ? "Отправлено" : FailedAt is not null ? "Не доставлено" : Attempts > 0 ? "Ошибка, повтор" : "Ждёт отправки";
}

public sealed record OutboxSummary(int Waiting, int Failing, int Failed, int Sent, bool SmtpConfigured, IReadOnlyList<LetterRow> Letters);

/// <summary>The school's outbox for its administrator: what waits, what was sent, what fails and why; and «send again».</summary>
public sealed class OutboxCommands(AppDbContext db, IOptions<SmtpOptions> smtp)
{
    public enum Filter { Problems, Waiting, Sent, All }

    public async Task<OutboxSummary> SummaryAsync(Filter filter, CancellationToken ct)
    {
        var letters = db.OutboxLetters.AsNoTracking();
        var waiting = await letters.CountAsync(l => l.SentAt == null && l.FailedAt == null && l.Attempts == 0, ct);
        var failing = await letters.CountAsync(l => l.SentAt == null && l.FailedAt == null && l.Attempts > 0, ct);
        var failed = await letters.CountAsync(l => l.SentAt == null && l.FailedAt != null, ct);
        var sent = await letters.CountAsync(l => l.SentAt != null, ct);
        var shown = filter switch
        {
            Filter.Problems => letters.Where(l => l.SentAt == null && (l.Attempts > 0 || l.FailedAt != null)),
            Filter.Waiting => letters.Where(l => l.SentAt == null && l.FailedAt == null),
            Filter.Sent => letters.Where(l => l.SentAt != null),
            _ => letters,
        };
        var rows = await shown.OrderByDescending(l => l.Id).Take(200)
            .Select(l => new LetterRow(l.Id, l.ToAddress, l.Subject, l.CreatedAt, l.SentAt, l.FailedAt, l.Attempts, l.LastError, l.NotBefore))
            .ToListAsync(ct);
        return new OutboxSummary(waiting, failing, failed, sent, smtp.Value.IsConfigured, rows);
    }

    /// <summary>Sends a letter that failed or waits for its next try again at once (the dispatcher takes it within seconds).</summary>
    public async Task<CommandResult> RetryAsync(long id, CancellationToken ct)
    {
        var now = db.Clock.UtcTime();
        var letter = await db.OutboxLetters.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (letter is null) return CommandError.NotFound("Письмо не найдено.");
        if (letter.SentAt is not null) return CommandError.Conflict("Письмо уже отправлено.");
        letter.FailedAt = null;
        letter.NotBefore = now;
        if (letter.Attempts >= OutboxDispatcher.MaxAttempts) letter.Attempts = 0;
        await db.SaveChangesAsync(ct);
        return CommandResult.Success;
    }
}
