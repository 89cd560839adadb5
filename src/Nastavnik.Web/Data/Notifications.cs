namespace Nastavnik.Web.Data;

/// <summary>
/// One message to one account: a reminder of the cycle, an announcement, a notice of a decision. Shown under the bell;
/// sent by e-mail in the day's digest (or at once when <see cref="Urgent"/>) unless the person turned its kind off.
/// Written only through <c>Features/Notifications/Notifier</c>. A reminder carries a <see cref="DedupKey"/>, unique per account,
/// so that it is created once however many times (and on however many nodes) its job runs.
/// Text is what anyone may read in a letter: never deficits or survey answers, only what happened and a link.
/// </summary>
public class Notification : ISchoolOwned
{
    public long Id { get; set; }
    public int SchoolId { get; set; }
    public required string UserId { get; set; }
    /// <summary>The reminder or notice kind (<c>NotificationKinds</c>): what a person turns e-mail off for.</summary>
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    /// <summary>An address inside the app, relative ("/Diagnostics/Answer?round=3"), that the bell and the letter open.</summary>
    public string? Link { get; set; }
    public bool Urgent { get; set; }
    public string? DedupKey { get; set; }
    public int? AnnouncementId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
    /// <summary>When it went into a letter (or was decided not to: no address, e-mail off); null while a letter may still carry it.</summary>
    public DateTime? MailedAt { get; set; }
}

/// <summary>A person's choice not to receive e-mail of one notification kind (the bell still shows it).</summary>
public class NotificationSetting : ISchoolOwned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public required string UserId { get; set; }
    public required string Kind { get; set; }
    public bool EmailOff { get; set; }
}

/// <summary>A message the curator or administrator wrote to a group; each recipient gets a <see cref="Notification"/> pointing to it.</summary>
public class Announcement : ISchoolOwned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public required string AuthorUserName { get; set; }
    public required string AuthorName { get; set; }
    /// <summary>The group as the author chose it, in words («Все педагоги», «Кафедра начальных классов»).</summary>
    public required string Audience { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A letter waiting to be sent (the outbox). It is written in the same transaction as what caused it, and sent by the
/// dispatcher, which claims a batch (<see cref="ClaimedBy"/>, <see cref="ClaimedUntil"/>: a lease another node takes over when
/// it expires), so a letter is neither lost when a node dies nor sent by two nodes.
/// </summary>
public class OutboxLetter : ISchoolOwned
{
    public long Id { get; set; }
    public int SchoolId { get; set; }
    public string? UserId { get; set; }
    public required string Kind { get; set; }
    public required string ToAddress { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public string? HtmlBody { get; set; }
    /// <summary>Unique per account when set ("digest:2026-11-30"): the same letter is never enqueued twice.</summary>
    public string? DedupKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NotBefore { get; set; }
    public int Attempts { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>Set when the dispatcher gave up (the address was refused); the administrator sees it in the list of letters.</summary>
    public DateTime? FailedAt { get; set; }
}

/// <summary>
/// A named background job's lease: a node runs the job only while it holds the row (<see cref="Holder"/> until
/// <see cref="Until"/>), taken by a conditional update, so with several nodes on one database each run happens once.
/// </summary>
public class JobLease
{
    public required string Name { get; set; }
    public string? Holder { get; set; }
    public DateTime Until { get; set; }
    public DateTime? LastRunAt { get; set; }
}
