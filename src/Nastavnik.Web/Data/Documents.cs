namespace Nastavnik.Web.Data;

/// <summary>
/// A school's own .docx template of a kind of document (issue 14, item 7), replacing the default one built by code for that school
/// only: the kind's code (<c>DocumentTemplate.Code</c>), the file as uploaded, who uploaded it and when. One per school and code.
/// </summary>
public class SchoolTemplate : ISchoolOwned, IVersioned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public required string Code { get; set; }
    public required byte[] Content { get; set; }
    public required string FileName { get; set; }
    public required string UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A social partner of a program (социальный партнёр): an organization that helped, its head (named in the letter of thanks,
/// «Уважаемый Иван Петрович!»), the head's position and what the organization did. Kept by the program's curators.
/// </summary>
public class ProgramPartner : ISchoolOwned, IAudited, IVersioned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int ProgramId { get; set; }
    public required string Organization { get; set; }
    public required string HeadLastName { get; set; }
    public required string HeadFirstName { get; set; }
    public string? HeadMiddleName { get; set; }
    public string? HeadPosition { get; set; }
    /// <summary>What the partner did for the program, e.g. «провели стажировку наставников на базе вуза».</summary>
    public required string Contribution { get; set; }
    public int Version { get; set; }
}
