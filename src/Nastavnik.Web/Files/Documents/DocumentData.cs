namespace Nastavnik.Web.Files.Documents;

/// <summary>
/// What a document template is filled with: single values by placeholder name («Школа.Наименование») and collections by name
/// («Пары»), each item a set of fields named without the collection («Наставник» for «{{Пары.Наставник}}»).
/// </summary>
public sealed class DocumentData
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<IReadOnlyDictionary<string, string?>>> _collections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DocumentImage> _images = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string?> Values => _values;
    public IReadOnlyDictionary<string, List<IReadOnlyDictionary<string, string?>>> Collections => _collections;
    public IReadOnlyDictionary<string, DocumentImage> Images => _images;

    /// <summary>A value; a null or empty one prints as a blank line to fill by hand (<see cref="Blank"/>).</summary>
    public DocumentData Set(string name, string? value)
    {
        _values[name] = value;
        return this;
    }

    /// <summary>A collection, repeated row by row in the template's table (an empty one leaves no row).</summary>
    public DocumentData SetItems(string name, IEnumerable<IReadOnlyDictionary<string, string?>> items)
    {
        _collections[name] = items.ToList();
        return this;
    }

    /// <summary>
    /// A picture («Диаграмма.Показатели»): its placeholder, alone in a paragraph of the document's text, becomes the picture at the
    /// text's width (<see cref="DocxTemplate"/>).
    /// </summary>
    public DocumentData SetImage(string name, DocumentImage image)
    {
        _images[name] = image;
        return this;
    }

    /// <summary>What an empty value prints as: a line to fill in by hand.</summary>
    public const string Blank = "__________";
}

/// <summary>A PNG picture with its size in pixels (for the aspect ratio) and its text alternative.</summary>
public sealed record DocumentImage(byte[] Png, int Width, int Height, string Description);

/// <summary>A placeholder a template may use, with what it means (issue 14 lists these next to a school's own template).</summary>
public sealed record DocumentField(string Name, string Description);

/// <summary>
/// A kind of document: its code (a school's own .docx replaces the default by this code), its title, the placeholders it fills
/// (collections as «#Пары» with their item fields as «Пары.Поле») and the builder of its default template.
/// </summary>
public sealed record DocumentTemplate(string Code, string Title, IReadOnlyList<DocumentField> Fields, Func<byte[]> BuildDefault);

/// <summary>A template that cannot be filled (not a .docx, an unknown or unclosed placeholder, a collection outside a table row).</summary>
public sealed class DocumentTemplateException(string message) : Exception(message);
