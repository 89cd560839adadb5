namespace Nastavnik.Web.Data;

/// <summary>
/// A value of an indicator measured outside the system (student results, attestation categories, ИКУ, contests, retained young
/// teachers, digital literacy…), entered by the curator with its date, source and a proof file.
/// </summary>
public class IndicatorValue : ISchoolOwned, IAudited, IVersioned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int IndicatorId { get; set; }
    public decimal Value { get; set; }
    public DateOnly Date { get; set; }
    public required string Source { get; set; }
    public string? Comment { get; set; }
    public string? ProofFileName { get; set; }
    public string? ProofContentType { get; set; }
    public byte[]? ProofContent { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public int Version { get; set; }
}

/// <summary>A program's indicators frozen when it completes (JSON of the computed values against the targets), for the next year's comparison.</summary>
public class IndicatorSnapshot : ISchoolOwned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int ProgramId { get; set; }
    public DateTime TakenAt { get; set; }
    public required string TakenBy { get; set; }
    public required string ValuesJson { get; set; }
}

public enum SwotQuadrant { Strength, Weakness, Opportunity, Threat }

/// <summary>An item of a program's SWOT analysis, gathered by the curator from the SWOT survey's answers, with how many answers said it.</summary>
public class SwotItem : ISchoolOwned, IAudited, IVersioned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int ProgramId { get; set; }
    public SwotQuadrant Quadrant { get; set; }
    public required string Text { get; set; }
    public int Count { get; set; }
    public int SortOrder { get; set; }
    public int Version { get; set; }
}
