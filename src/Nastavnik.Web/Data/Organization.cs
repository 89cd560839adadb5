namespace Nastavnik.Web.Data;

public enum OrganizationKind { Region, District, School }

/// <summary>A node of the region → district → school hierarchy. Users and school-owned records belong to a school.</summary>
public class Organization
{
    public int Id { get; set; }
    public OrganizationKind Kind { get; set; }
    public required string Name { get; set; }
    public string? ShortName { get; set; }
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
