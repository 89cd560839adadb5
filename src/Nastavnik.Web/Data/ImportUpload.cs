namespace Nastavnik.Web.Data;

/// <summary>A file uploaded for import, kept between its preview and its commit (in the database, so any web node can finish it).</summary>
public class ImportUpload : ISchoolOwned
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public required string Kind { get; set; }
    public required string UserName { get; set; }
    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
    public DateTime CreatedAt { get; set; }
}
