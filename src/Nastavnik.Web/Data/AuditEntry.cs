namespace Nastavnik.Web.Data;

/// <summary>One change to an audited record: who, when, what, old and new values (JSON).</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public int? SchoolId { get; set; }
    public DateTime At { get; set; }
    public required string UserName { get; set; }
    public required string EntityType { get; set; }
    public int EntityId { get; set; }
    public required string Action { get; set; }
    public required string Changes { get; set; }
}
