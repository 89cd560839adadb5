namespace Nastavnik.Web.Data;

/// <summary>One change of a pair's status, kept for its history: who, when, from what to what, and why.</summary>
public class PairChange : ISchoolOwned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int PairId { get; set; }
    public DateTime At { get; set; }
    public required string By { get; set; }
    public PairStatus? From { get; set; }
    public PairStatus To { get; set; }
    public PairEndReason? Reason { get; set; }
    public string? Comment { get; set; }
}

/// <summary>
/// The agreement on mentoring (договор о наставничестве) of one pair: its terms, edited by the curator or the mentor, and accepted
/// in the app by both sides. Changing the terms after an acceptance clears both acceptances.
/// </summary>
public class PairAgreement : ISchoolOwned, IAudited, IVersioned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int PairId { get; set; }
    /// <summary>The school's own number of the agreement, e.g. «12-Н».</summary>
    public string? Number { get; set; }
    public DateOnly ConcludedOn { get; set; }
    public DateOnly ValidUntil { get; set; }
    /// <summary>Предмет договора: what the mentoring is for (the pair's topic and goals).</summary>
    public required string Subject { get; set; }
    /// <summary>Форма наставничества, e.g. «педагог — педагог (реверсивное)».</summary>
    public required string Form { get; set; }
    public required string MentorDuties { get; set; }
    public required string MenteeDuties { get; set; }
    /// <summary>How often and how the pair meets, e.g. «не реже двух раз в месяц, очно».</summary>
    public required string MeetingTerms { get; set; }
    public string? ExtraTerms { get; set; }
    public DateTime? MentorAcceptedAt { get; set; }
    public string? MentorAcceptedBy { get; set; }
    public DateTime? MenteeAcceptedAt { get; set; }
    public string? MenteeAcceptedBy { get; set; }
    public int Version { get; set; }

    public bool IsAccepted => MentorAcceptedAt is not null && MenteeAcceptedAt is not null;
}

/// <summary>A pair's quarterly self-report (квартальный отчёт о достижениях): what was done and what changed, with the plan's progress.</summary>
public class PairReport : ISchoolOwned, IAudited, IVersioned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int PairId { get; set; }
    public int Year { get; set; }
    /// <summary>1–4, calendar quarters.</summary>
    public int Quarter { get; set; }
    public required string Done { get; set; }
    public required string Changed { get; set; }
    /// <summary>The plan's progress when the report was submitted: tasks of the pair done and in total.</summary>
    public int TasksDone { get; set; }
    public int TasksTotal { get; set; }
    public DateTime SubmittedAt { get; set; }
    public required string SubmittedBy { get; set; }
    public int Version { get; set; }
}

public enum ConsultationStatus { Requested, Accepted, Declined, Held, Cancelled }

/// <summary>
/// A one-off consultation (флеш-наставничество): a teacher asks a colleague (or the psychologist) for one consultation on a topic; the
/// colleague accepts or declines; once held it is logged with its date and duration and counts in the consultant's record.
/// </summary>
public class Consultation : ISchoolOwned, IAudited, IVersioned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int RequesterId { get; set; }
    public Person? Requester { get; set; }
    public int ConsultantId { get; set; }
    public Person? Consultant { get; set; }
    public int? TopicId { get; set; }
    public Topic? Topic { get; set; }
    public required string Question { get; set; }
    public DateTime RequestedAt { get; set; }
    public ConsultationStatus Status { get; set; }
    public DateTime? RespondedAt { get; set; }
    public string? Answer { get; set; }
    public DateOnly? HeldOn { get; set; }
    public int? DurationMinutes { get; set; }
    public int Version { get; set; }
}

/// <summary>A person's private calendar feed: the secret token in its URL (renewing it makes the old URL stop working).</summary>
public class CalendarFeed : ISchoolOwned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int PersonId { get; set; }
    /// <summary>43 characters of base64url (32 random bytes).</summary>
    public required string Token { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A person invited to a program-wide event of the roadmap (kick-off, round table, final meeting), and whether they came.</summary>
public class EventParticipant : ISchoolOwned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int EventId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public DateTime InvitedAt { get; set; }
    /// <summary>Null until the curator marks attendance.</summary>
    public bool? Attended { get; set; }
}
