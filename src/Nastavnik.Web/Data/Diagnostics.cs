namespace Nastavnik.Web.Data;

/// <summary>A self-assessment round of a program: teachers mark offers and needs until the deadline or until the curator closes it.</summary>
public class DiagnosticsRound : ISchoolOwned, IAudited, IVersioned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int ProgramId { get; set; }
    public MentoringProgram? Program { get; set; }
    public required string Title { get; set; }
    public DateTime OpenedAt { get; set; }
    public DateOnly Deadline { get; set; }
    public DateTime? ClosedAt { get; set; }
    public int Version { get; set; }

    public bool IsOpen => ClosedAt is null;
}

public enum AnswerSource { Self, Curator, Import }

/// <summary>One teacher's answer sheet in a round: whether it is submitted, when and by whom it was last changed.</summary>
public class RoundResponse : ISchoolOwned, IAudited, IVersioned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int RoundId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
    public AnswerSource Source { get; set; }
    public int Version { get; set; }
}

/// <summary>A resource competency: a topic a teacher can mentor in, level 1–3, with a line on their experience. Visible to the school's staff.</summary>
public class Offer : ISchoolOwned, IAudited
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int RoundId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public int TopicId { get; set; }
    public Topic? Topic { get; set; }
    public int Level { get; set; }
    public string? Experience { get; set; }
    public AnswerSource Source { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// A professional deficit: a topic a teacher needs help with, priority 1–3, with a comment. Personal data: the query filter in
/// privacy filter (AppDbContext.PrivacyFilters.cs) shows a need only to its teacher and to the school's curators and administrators.
/// </summary>
public class Need : ISchoolOwned, IAudited
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int RoundId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public int TopicId { get; set; }
    public Topic? Topic { get; set; }
    public int Priority { get; set; }
    public string? Comment { get; set; }
    public AnswerSource Source { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A column mapping of a Google/Yandex Forms export, saved so the next file with the same headers maps itself.</summary>
public class FormsImportMapping : ISchoolOwned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    /// <summary>The folded, sorted column headers of the file: files with the same questions share a mapping.</summary>
    public required string HeaderKey { get; set; }
    public required string MappingJson { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
}
