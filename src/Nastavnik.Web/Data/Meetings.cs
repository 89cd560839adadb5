namespace Nastavnik.Web.Data;

/// <summary>The five kinds of meetings of a pair or group (seed 002): the organizational first, the final last.</summary>
public enum MeetingKind { Organizational, Trial, Planning, Regular, Final }

public enum MeetingStatus { Planned, Held, NotHeld }

/// <summary>
/// A meeting of a mentor with one mentee (a pair) or several on one topic (a group): when, where or the online link, the agenda,
/// held or not, attendance (<see cref="MeetingParticipant"/>), and notes shared by its participants. Private notes are
/// <see cref="MeetingNote"/>. Its iCalendar UID is stable (<c>meeting-{Id}@{host}</c>) and <see cref="Version"/> is its SEQUENCE.
/// </summary>
public class Meeting : ISchoolOwned, IAudited, IVersioned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int ProgramId { get; set; }
    public int MentorId { get; set; }
    public Person? Mentor { get; set; }
    public MeetingKind Kind { get; set; }
    /// <summary>UTC.</summary>
    public DateTime StartsAt { get; set; }
    public int DurationMinutes { get; set; }
    public string? Place { get; set; }
    public string? OnlineLink { get; set; }
    public string? Agenda { get; set; }
    public MeetingStatus Status { get; set; }
    public string? SharedNotes { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public int Version { get; set; }
}

/// <summary>A person at a meeting: the mentor, or a mentee with the pair the meeting belongs to; attendance once held.</summary>
public class MeetingParticipant : ISchoolOwned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int MeetingId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>The mentee's pair; null for the mentor.</summary>
    public int? PairId { get; set; }
    public bool? Attended { get; set; }
}

/// <summary>A private note on a meeting: seen by its author only (not even the curator).</summary>
public class MeetingNote : ISchoolOwned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int MeetingId { get; set; }
    public int AuthorId { get; set; }
    public required string Text { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>Feedback after a held meeting from one participant: 1–5 and a comment; seen by the pair and the curator, never by other teachers.</summary>
public class MeetingFeedback : ISchoolOwned, IAudited
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int MeetingId { get; set; }
    public int AuthorId { get; set; }
    public int Rating { get; set; }
    public string? Comment { get; set; }
    public DateTime At { get; set; }
}
