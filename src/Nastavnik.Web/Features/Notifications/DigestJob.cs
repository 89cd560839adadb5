using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Notifications;

/// <summary>The digest's settings (<c>Nastavnik:Digest</c>).</summary>
public sealed class DigestOptions
{
    public const string Section = "Nastavnik:Digest";
    /// <summary>The day's digest is not sent before this hour (server time); urgent notices go at any hour.</summary>
    public int EarliestHour { get; set; } = 7;
}

/// <summary>
/// Turns notifications not yet mailed (<see cref="Notification.MailedAt"/> null) into letters in the outbox: an urgent one at once
/// in its own letter, the rest in at most one digest a day per person (<c>digest:yyyy-MM-dd</c>, unique per account); what
/// arrives after the day's digest waits for the next day's. Skipped (marked mailed, no letter): kinds the person turned off, and
/// accounts without an e-mail address. Without SMTP nothing is mailed at all: notifications are marked so they do not pile up
/// into a flood of old news on the day e-mail is configured; the bell shows them.
/// </summary>
public sealed class DigestJob(AppDbContext db, LetterComposer letters, IOptions<SmtpOptions> smtp, IOptions<DigestOptions> options) : IScheduledJob
{
    public string Name => "digest";
    public TimeSpan Interval => TimeSpan.FromMinutes(5);

    private sealed record Pending(long Id, int SchoolId, string UserId, string Kind, string Title, string? Link, bool Urgent);

    public async Task RunAsync(CancellationToken ct)
    {
        var now = db.Clock.UtcTime();
        var unmailed = db.Notifications.IgnoreQueryFilters().Where(n => n.MailedAt == null);
        if (!smtp.Value.IsConfigured)
        {
            await unmailed.ExecuteUpdateAsync(s => s.SetProperty(n => n.MailedAt, now), ct);
            return;
        }
        var local = db.Clock.GetLocalNow();
        var today = DateOnly.FromDateTime(local.DateTime);
        var digestKey = "digest:" + today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var digestTime = local.Hour >= options.Value.EarliestHour;
        var pending = await unmailed.OrderBy(n => n.Id)
            .Select(n => new Pending(n.Id, n.SchoolId, n.UserId, n.Kind, n.Title, n.Link, n.Urgent)).ToListAsync(ct);
        foreach (var chunk in pending.GroupBy(p => p.UserId).Chunk(200))
            await MailAsync(chunk, now, today, digestKey, digestTime, ct);
    }

    private async Task MailAsync(IGrouping<string, Pending>[] people, DateTime now, DateOnly today, string digestKey, bool digestTime, CancellationToken ct)
    {
        var userIds = people.Select(g => g.Key).ToList();
        var accounts = await db.Users.Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, PersonEmail = u.Person != null ? u.Person.Email : null, u.DisplayName, u.SchoolId })
            .ToDictionaryAsync(u => u.Id, ct);
        var off = (await db.NotificationSettings.IgnoreQueryFilters().Where(s => s.EmailOff && userIds.Contains(s.UserId))
            .Select(s => new { s.UserId, s.Kind }).ToListAsync(ct)).Select(s => (s.UserId, s.Kind)).ToHashSet();
        var digested = (await db.OutboxLetters.IgnoreQueryFilters().Where(l => l.DedupKey == digestKey && userIds.Contains(l.UserId!))
            .Select(l => l.UserId!).ToListAsync(ct)).ToHashSet();
        var schoolIds = accounts.Values.Select(a => a.SchoolId).Distinct().ToList();
        var schools = await db.Organizations.Where(o => schoolIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

        var mailed = new List<long>();
        foreach (var person in people)
        {
            var address = accounts.TryGetValue(person.Key, out var a) ? (a.Email ?? a.PersonEmail)?.Trim() : null;
            if (a is null || string.IsNullOrEmpty(address) || off.Contains((person.Key, Unsubscription.AllKinds)))
            {
                mailed.AddRange(person.Select(p => p.Id));
                continue;
            }
            var school = schools.GetValueOrDefault(a.SchoolId, "");
            var wanted = new List<Pending>();
            foreach (var p in person)
            {
                if (off.Contains((person.Key, p.Kind))) { mailed.Add(p.Id); continue; }
                if (!p.Urgent) { wanted.Add(p); continue; }
                var urgent = letters.Urgent(a.SchoolId, a.Id, school, a.DisplayName, p.Kind, new LetterItem(p.Title, p.Link));
                Enqueue(a.SchoolId, a.Id, p.Kind, address, urgent, "urgent:" + p.Id.ToString(CultureInfo.InvariantCulture), now);
                mailed.Add(p.Id);
            }
            if (wanted.Count == 0 || !digestTime || digested.Contains(person.Key)) continue;
            var digest = letters.Digest(a.SchoolId, a.Id, school, a.DisplayName, today, wanted.Select(p => new LetterItem(p.Title, p.Link)).ToList());
            Enqueue(a.SchoolId, a.Id, LetterComposer.DigestKind, address, digest, digestKey, now);
            mailed.AddRange(wanted.Select(p => p.Id));
        }
        // The letters and the marks in one transaction: a notification is in exactly one letter, or still waiting.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        foreach (var ids in mailed.Chunk(500))
            await db.Notifications.IgnoreQueryFilters().Where(n => ids.Contains(n.Id) && n.MailedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.MailedAt, now), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    private void Enqueue(int schoolId, string userId, string kind, string address, ComposedLetter letter, string dedupKey, DateTime now) =>
        db.OutboxLetters.Add(new OutboxLetter
        {
            SchoolId = schoolId, UserId = userId, Kind = kind, ToAddress = address, Subject = letter.Subject, TextBody = letter.TextBody,
            HtmlBody = letter.HtmlBody, DedupKey = dedupKey, CreatedAt = now, NotBefore = now,
        });
}
