using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Nastavnik.Web.Files.Documents;

using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

/// <summary>
/// Builds a default document template in the official Russian style (ГОСТ Р 7.0.97-2016 in spirit): A4 portrait, margins 30 mm left,
/// 15 mm right, 20 mm top and bottom, Times New Roman 14, single spacing, justified paragraphs with a 1.25 cm first-line indent.
/// Texts may hold placeholders (<see cref="DocxTemplate"/>); the result is a template filled like a school's own.
/// </summary>
public sealed class OfficialDocxBuilder
{
    private const int Width = 11906, Height = 16838, Left = 1701, Right = 850, TopBottom = 1134;
    /// <summary>The text width in twentieths of a point.</summary>
    public const int TextWidth = Width - Left - Right;
    private readonly List<OpenXmlElement> _body = [];

    /// <summary>A centred line (the school's name at the top, a caption).</summary>
    public OfficialDocxBuilder Centered(string text, bool bold = false, int after = 0)
    {
        _body.Add(Para(text, JustificationValues.Center, bold, indent: false, after));
        return this;
    }

    /// <summary>A line at the right margin (the approval stamp «УТВЕРЖДЕНО» of a regulation).</summary>
    public OfficialDocxBuilder AtRight(string text)
    {
        _body.Add(Para(text, JustificationValues.Right, bold: false, indent: false, after: 0));
        return this;
    }

    /// <summary>The document's title: centred, bold, capitals as typed.</summary>
    public OfficialDocxBuilder Title(string text) => Centered(text, bold: true, after: 240);

    /// <summary>The line «date … № number» of an order: the date at the left, the number at the right margin.</summary>
    public OfficialDocxBuilder DateAndNumber(string date, string number)
    {
        var p = Para(date + "\t№ " + number, JustificationValues.Left, bold: false, indent: false, after: 240);
        p.ParagraphProperties!.Append(new Tabs(new TabStop { Val = TabStopValues.Right, Position = TextWidth }));
        _body.Add(p);
        return this;
    }

    /// <summary>A justified paragraph with the first-line indent.</summary>
    public OfficialDocxBuilder Paragraph(string text, bool bold = false)
    {
        _body.Add(Para(text, JustificationValues.Both, bold, indent: true, after: 0));
        return this;
    }

    /// <summary>A word on its own line at the margin, bold: «ПРИКАЗЫВАЮ:».</summary>
    public OfficialDocxBuilder Heading(string text)
    {
        _body.Add(Para(text, JustificationValues.Left, bold: true, indent: false, after: 120, before: 120));
        return this;
    }

    /// <summary>Points numbered «1.», «2.» … as typed text (a school's editor keeps the numbers when it edits the template).</summary>
    public OfficialDocxBuilder Numbered(params string[] points)
    {
        for (var i = 0; i < points.Length; i++) Paragraph($"{i + 1}. {points[i]}");
        return this;
    }

    /// <summary>An empty line.</summary>
    public OfficialDocxBuilder Blank()
    {
        _body.Add(Para("", JustificationValues.Left, bold: false, indent: false, after: 0));
        return this;
    }

    /// <summary>
    /// A bordered table: a bold header row repeated on each page, and one row template whose cells hold placeholders; put
    /// «{{#Список}}» in its first cell to repeat it per item. Font 12 in the table, as usual for annexes and lists.
    /// </summary>
    public OfficialDocxBuilder Table(IReadOnlyList<string> headers, IReadOnlyList<string> row, IReadOnlyList<int> widths)
    {
        var total = widths.Sum();
        var w = widths.Select(x => TextWidth * x / total).ToList();
        var b = (UInt32Value)4u;
        var table = new Table(new TableProperties(
            new TableWidth { Width = Twips(TextWidth), Type = TableWidthUnitValues.Dxa }, new TableLayout { Type = TableLayoutValues.Fixed },
            new TableBorders(new TopBorder { Val = BorderValues.Single, Size = b }, new BottomBorder { Val = BorderValues.Single, Size = b },
                new LeftBorder { Val = BorderValues.Single, Size = b }, new RightBorder { Val = BorderValues.Single, Size = b },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = b }, new InsideVerticalBorder { Val = BorderValues.Single, Size = b })),
            new TableGrid(w.Select(x => new GridColumn { Width = Twips(x) })));
        table.Append(Row(headers, w, bold: true, header: true));
        table.Append(Row(row, w, bold: false, header: false));
        _body.Add(table);
        return this;
    }

    /// <summary>«Директор ____________ И. О. Фамилия»: the position at the margin, a line to sign in the middle, the name at the right.</summary>
    public OfficialDocxBuilder Signature(string position, string name)
    {
        var p = Para(position + "\t____________\t" + name, JustificationValues.Left, bold: false, indent: false, after: 0, before: 480);
        p.ParagraphProperties!.Append(new Tabs(new TabStop { Val = TabStopValues.Center, Position = TextWidth / 2 },
            new TabStop { Val = TabStopValues.Right, Position = TextWidth }));
        _body.Add(p);
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new Body();
            foreach (var e in _body) body.Append(e.CloneNode(true));
            body.Append(new SectionProperties(
                new PageSize { Width = (UInt32Value)(uint)Width, Height = (UInt32Value)(uint)Height },
                new PageMargin { Top = TopBottom, Bottom = TopBottom, Left = (UInt32Value)(uint)Left, Right = (UInt32Value)(uint)Right, Header = 709, Footer = 709, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static TableRow Row(IReadOnlyList<string> cells, List<int> widths, bool bold, bool header)
    {
        var tr = new TableRow(header ? new TableRowProperties(new TableHeader(), new CantSplit()) : new TableRowProperties(new CantSplit()));
        for (var i = 0; i < widths.Count; i++)
        {
            var props = new TableCellProperties(new TableCellWidth { Width = Twips(widths[i]), Type = TableWidthUnitValues.Dxa });
            var p = Para(i < cells.Count ? cells[i] : "", header ? JustificationValues.Center : JustificationValues.Left, bold, indent: false, after: 0, size: 24);
            tr.Append(new TableCell(props, p));
        }
        return tr;
    }

    private static Paragraph Para(string text, JustificationValues align, bool bold, bool indent, int after, int before = 0, int size = 28)
    {
        var pp = new ParagraphProperties(
            new SpacingBetweenLines { Before = Twips(before), After = Twips(after), Line = "240", LineRule = LineSpacingRuleValues.Auto },
            new Indentation { FirstLine = indent ? "709" : "0" }, new Justification { Val = align });
        var rp = new RunProperties();
        if (bold) rp.Append(new Bold());
        rp.Append(new FontSize { Val = Twips(size) }, new FontSizeComplexScript { Val = Twips(size) });
        var run = new Run(rp);
        var parts = text.Split('\t');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0) run.Append(new TabChar());
            run.Append(new Text(XmlText.Safe(parts[i])) { Space = SpaceProcessingModeValues.Preserve });
        }
        return new Paragraph(pp, run);
    }

    private static string Twips(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static Styles Styles() => new(new DocDefaults(
        new RunPropertiesDefault(new RunPropertiesBaseStyle(
            new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
            new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" }, new Languages { Val = "ru-RU" })),
        new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))));
}
