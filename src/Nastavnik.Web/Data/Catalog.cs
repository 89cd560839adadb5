namespace Nastavnik.Web.Data;

/// <summary>A group of topics (методическое, предметное, ИКТ, …), per school.</summary>
public class Direction : ISchoolOwned, IAudited
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
    public bool IsRetired { get; set; }
    public List<Topic> Topics { get; set; } = [];
}

/// <summary>What is mentored. Retired topics stay in the database so their history keeps its meaning.</summary>
public class Topic : ISchoolOwned, IAudited, IVersioned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int DirectionId { get; set; }
    public Direction? Direction { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
    public bool IsDigital { get; set; }
    public bool IsRetired { get; set; }
    public int Version { get; set; }
}
