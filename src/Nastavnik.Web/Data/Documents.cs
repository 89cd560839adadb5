namespace Nastavnik.Web.Data;

public enum RegisteredOrderStatus { Draft, Signed }

/// <summary>
/// An order of the school's register (реестр приказов): a generated order given the school's own number, date and signer, its .docx
/// frozen at registration (later data changes do not alter it), and, once signed, the scan. The people it concerns acknowledge it.
/// </summary>
public class RegisteredOrder : ISchoolOwned, IAudited, IVersioned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int ProgramId { get; set; }
    /// <summary>The template's code (ProgramOrders.All).</summary>
    public required string Code { get; set; }
    public required string Title { get; set; }
    public required string Number { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>The calendar year of <see cref="Date"/>: a number is unique within a school's year.</summary>
    public int Year { get; set; }
    public required string SignerName { get; set; }
    public string? SignerPosition { get; set; }
    public RegisteredOrderStatus Status { get; set; }
    public DateTime RegisteredAt { get; set; }
    public string? RegisteredBy { get; set; }
    public DateTime? SignedAt { get; set; }
    public int Version { get; set; }
}

public enum OrderFileKind { Docx, Scan }

/// <summary>A file of a registered order: the frozen .docx or the signed scan (PDF, JPEG, PNG), kept in the database like other uploads.</summary>
public class RegisteredOrderFile : ISchoolOwned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int OrderId { get; set; }
    public OrderFileKind Kind { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required byte[] Content { get; set; }
    public DateTime UploadedAt { get; set; }
}

/// <summary>A person an order concerns (its «Ознакомлены» list) and when they confirmed in the app that they have read it.</summary>
public class OrderAcknowledgement : ISchoolOwned, IAudited
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int OrderId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public DateTime? ConfirmedAt { get; set; }
}

/// <summary>
/// A version of the school's regulation on mentoring (положение о наставничестве): its sections' texts as JSON, numbered from 1; every
/// save is a new version, kept and downloadable.
/// </summary>
public class RegulationVersion : ISchoolOwned, IAudited
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int Number { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string Author { get; set; }
    /// <summary>The order approving this version, e.g. «12-о от 01.09.2026» (optional).</summary>
    public string? ApprovingOrder { get; set; }
    /// <summary>The sections as a JSON array of {"Title","Text"}.</summary>
    public required string Sections { get; set; }
}

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
