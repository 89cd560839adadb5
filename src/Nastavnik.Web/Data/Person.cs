using Nastavnik.Web.Text;

namespace Nastavnik.Web.Data;

public enum PersonKind { Teacher, Student, ExternalMentor }

public enum QualificationCategory { None, Compliance, First, Highest }

public enum ConsentStatus { NotRecorded, Given, Withdrawn }

/// <summary>A member of a school: a teacher now; students and external mentors later.</summary>
public class Person : ISchoolOwned, IAudited, IVersioned, ISearchIndexed
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public PersonKind Kind { get; set; } = PersonKind.Teacher;
    public required string LastName { get; set; }
    public required string FirstName { get; set; }
    public string? MiddleName { get; set; }
    public string? Position { get; set; }
    public string? Subjects { get; set; }
    public string? Department { get; set; }
    public int? ExperienceYears { get; set; }
    public int? BirthYear { get; set; }
    public QualificationCategory Category { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public bool IsArchived { get; set; }

    /// <summary>When the person's data was erased on request (152-ФЗ): the card is «Удалённый сотрудник», kept for the programs' history.</summary>
    public DateTime? ErasedAt { get; set; }

    // 152-ФЗ consent to personal data processing.
    public ConsentStatus Consent { get; set; }
    public DateOnly? ConsentDate { get; set; }
    public string? ConsentRecordedBy { get; set; }

    /// <summary>Lower-cased name, e-mail and subjects with «ё» folded to «е»: one indexable column for search on both providers.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>Optimistic concurrency token, bumped on every update.</summary>
    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string FullName => PersonName.Full(LastName, FirstName, MiddleName);

    public void RefreshSearchText() =>
        SearchText = RussianText.Fold(string.Join(' ', new[] { LastName, FirstName, MiddleName, Email, Subjects, Position }
            .Where(s => !string.IsNullOrWhiteSpace(s))));
}
