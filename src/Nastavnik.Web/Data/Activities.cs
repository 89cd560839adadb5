namespace Nastavnik.Web.Data;

/// <summary>Joint activities of seeds 000 and 001.</summary>
public enum ActivityKind { LessonVisit, OpenLesson, MasterClass, Seminar, JointProject, DigitalResource }

/// <summary>
/// A joint activity of a program: a lesson visit with analysis (взаимопосещение), an open lesson, a master class, a seminar or
/// training, a joint project, a digital resource; with its date, participants (any staff), topic, result and files. A lesson visit
/// is analysed with an observation card (<see cref="LessonObservation"/>).
/// </summary>
public class JointActivity : ISchoolOwned, IAudited, IVersioned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int ProgramId { get; set; }
    public ActivityKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public required string Title { get; set; }
    public int? TopicId { get; set; }
    /// <summary>The pair it belongs to, when it is a pair's activity.</summary>
    public int? PairId { get; set; }
    public string? Result { get; set; }
    public int OrganizerId { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public int Version { get; set; }
}

public enum ActivityRole { Organizer, Observed, Observer, Participant }

public class ActivityParticipant : ISchoolOwned, IAudited
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int ActivityId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public ActivityRole Role { get; set; }
}

public class ActivityFile : ISchoolOwned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int ActivityId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required byte[] Content { get; set; }
    public DateTime UploadedAt { get; set; }
    /// <summary>Who attached it (a staff card); they may delete it.</summary>
    public int? UploadedById { get; set; }
}

/// <summary>A school's lesson-observation card (карта анализа урока): criteria with a scale; the default one comes from the seeds.</summary>
public class ObservationCard : ISchoolOwned, IAudited, IVersioned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public required string Name { get; set; }
    /// <summary>An earlier version kept for the analyses made with it (a card in use is copied when edited), or a card put aside.</summary>
    public bool IsArchived { get; set; }
    /// <summary>The card a new lesson visit is analysed with; one per school (else the first card that is not archived).</summary>
    public bool IsDefault { get; set; }
    public int Version { get; set; }
}

public class ObservationCriterion : ISchoolOwned, IAudited
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int CardId { get; set; }
    public int Order { get; set; }
    public required string Text { get; set; }
    /// <summary>Scores from ScaleMin to ScaleMax (0–2 in the seeds' card, 1–5 and the like in a school's own).</summary>
    public int ScaleMin { get; set; }
    public int ScaleMax { get; set; }
}

/// <summary>The analysis of one visited lesson: the observer's scores and comments per criterion and a summary; the observed teacher sees it.</summary>
public class LessonObservation : ISchoolOwned, IAudited, IVersioned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int ActivityId { get; set; }
    public int CardId { get; set; }
    public int ObserverId { get; set; }
    public int ObservedId { get; set; }
    public string? ClassName { get; set; }
    public string? Subject { get; set; }
    public string? LessonTopic { get; set; }
    public string? Summary { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public class ObservationScore : ISchoolOwned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int ObservationId { get; set; }
    public int CriterionId { get; set; }
    public int? Score { get; set; }
    public string? Comment { get; set; }
}
