namespace Nastavnik.Web.Data;

/// <summary>What a record of the practice bank is: a methodical material, a case (a pair's story), or a practice of the school.</summary>
public enum PracticeKind { Material, Case, Practice }

/// <summary>
/// A material of the bank of methodical materials and successful practices (issue 14, item 9): read by every teacher of the school,
/// changed by its author and the managers; marked <see cref="SharedWithDistrict"/>, read (never changed) by the other schools of the
/// school's district too (<see cref="AppDbContext.ReadablePractices"/>).
/// </summary>
public class PracticeMaterial : ISchoolOwned, IAudited, IVersioned, ISearchIndexed
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public PracticeKind Kind { get; set; }
    public required string Title { get; set; }
    public int? TopicId { get; set; }
    public Topic? Topic { get; set; }
    public int AuthorId { get; set; }
    public Person? Author { get; set; }
    public string? Description { get; set; }
    /// <summary>Links, one per line, each a full http(s) address.</summary>
    public string? Links { get; set; }
    /// <summary>Tags as typed, lower-cased, between semicolons: «;адаптация;урок;» (so a tag is matched whole by LIKE).</summary>
    public string Tags { get; set; } = "";
    public bool SharedWithDistrict { get; set; }
    /// <summary>The completed pair whose case this is, when it was published from the pair's page.</summary>
    public int? PairId { get; set; }
    /// <summary>Folded, stemmed words « title | tags | description »: the search column on both providers.</summary>
    public string SearchText { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
    public List<PracticeFile> Files { get; set; } = [];

    public void RefreshSearchText() =>
        SearchText = " " + string.Join(PortfolioItem.FieldSeparator,
            new[] { Title, Tags.Replace(';', ' '), Description }.Select(Text.RussianStemmer.StemText)) + " ";
}

/// <summary>A file of a material, stored in the database like a portfolio's file and checked by the same rules (PortfolioFiles).</summary>
public class PracticeFile : ISchoolOwned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int MaterialId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required byte[] Content { get; set; }
    public DateTime UploadedAt { get; set; }
}
