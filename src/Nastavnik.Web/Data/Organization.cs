namespace Nastavnik.Web.Data;

public enum OrganizationKind { Region, District, School }

/// <summary>A node of the region → district → school hierarchy. Users and school-owned records belong to a school.</summary>
public class Organization : IVersioned
{
    public int Id { get; set; }
    public OrganizationKind Kind { get; set; }
    /// <summary>The full name, as in the charter (a school's orders print it at the top).</summary>
    public required string Name { get; set; }
    public string? ShortName { get; set; }
    // The school's details (реквизиты) its documents print, edited by its administrator (Features/Admin/School).
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    /// <summary>ИНН: 10 digits for an organization.</summary>
    public string? Inn { get; set; }
    /// <summary>ОГРН: 13 digits.</summary>
    public string? Ogrn { get; set; }
    /// <summary>«Фамилия Имя Отчество» of the director (typed, or copied from the card picked in the registry on save).</summary>
    public string? DirectorName { get; set; }
    public string? DirectorPosition { get; set; }
    public int Version { get; set; }
    public int? ParentId { get; set; }
    public bool IsDemo { get; set; }
    public Organization? Parent { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>Marks records that belong to one school; the tenant filter and tenant stamping (Tenancy) key on it.</summary>
public interface ISchoolOwned
{
    int SchoolId { get; set; }
}

/// <summary>Records whose changes are written to the audit trail (personal data and the catalog).</summary>
public interface IAudited
{
    int Id { get; }
}

/// <summary>Has an optimistic concurrency token that the save bumps on every update (RowStamps).</summary>
public interface IVersioned
{
    int Version { get; set; }
}
