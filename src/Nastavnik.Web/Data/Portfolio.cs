namespace Nastavnik.Web.Data;

/// <summary>One piece of a teacher's experience in the portfolio bank «Супервизор»: by topic, with achievements, links and files.</summary>
public class PortfolioItem : ISchoolOwned, IAudited, IVersioned, ISearchIndexed
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public int? TopicId { get; set; }
    public Topic? Topic { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public string? Achievements { get; set; }
    /// <summary>Links (a video, a lesson plan online), one per line.</summary>
    public string? Links { get; set; }
    /// <summary>Folded, stemmed words of the title, description, achievements and topic: the search column on SQLite.</summary>
    public string SearchText { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
    public List<PortfolioFile> Files { get; set; } = [];

    /// <summary>Separates the fields in <see cref="SearchText"/>: title, achievements, description (the order of their weight in ranking).</summary>
    /// <summary>The PostgreSQL-only shadow column with the weighted Russian tsvector (see PortfolioItemConfiguration).</summary>
    public const string SearchVectorColumn = "SearchVector";

    public const string FieldSeparator = " | ";

    /// <summary>Called on every save: « title stems | achievements stems | description stems », each word preceded by a space for prefix LIKE.</summary>
    public void RefreshSearchText() =>
        SearchText = " " + string.Join(FieldSeparator, new[] { Title, Achievements, Description }.Select(Text.RussianStemmer.StemText)) + " ";
}

/// <summary>A file attached to a portfolio item (a lesson plan, a presentation), stored in the database so every web node serves it.</summary>
public class PortfolioFile : ISchoolOwned
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int ItemId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required byte[] Content { get; set; }
    public DateTime UploadedAt { get; set; }
}

public enum ContactKind { Email, Phone, Messenger, Room, Other }

/// <summary>Who may see a contact: everyone of the school, or only the curators and administration.</summary>
public enum ContactVisibility { School, Administration }

/// <summary>A way to reach a teacher, with the teacher's choice of who may see it; enforced by the privacy filter in AppDbContext.PrivacyFilters.cs.</summary>
public class PortfolioContact : ISchoolOwned, IAudited
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int PersonId { get; set; }
    public ContactKind Kind { get; set; }
    public required string Value { get; set; }
    public ContactVisibility Visibility { get; set; }
    public int SortOrder { get; set; }
}
