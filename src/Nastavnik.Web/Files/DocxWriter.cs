using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Nastavnik.Web.Files;

/// <summary>
/// Writes a .docx the way Russian school documents look: Times New Roman 12, a centred bold title, a subtitle, and a bordered
/// table with a bold repeated header row; group rows (stages) span all columns. A4, landscape by default.
/// </summary>
public static class DocxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>A table row: cells, or a group heading spanning the whole width when <see cref="Group"/> is set.</summary>
    public sealed record Row(IReadOnlyList<string?> Cells, string? Group = null)
    {
        public static Row Heading(string text) => new([], text);
    }

    /// <param name="Widths">Relative column widths (any units; scaled to the page).</param>
    public sealed record Document(string Title, string? Subtitle, IReadOnlyList<string> Headers, IEnumerable<Row> Rows, IReadOnlyList<int>? Widths = null, bool Landscape = true);

    private const int A4Short = 11906, A4Long = 16838, Margin = 1134; // twentieths of a point: 21 × 29.7 cm, 2 cm margins

    public static byte[] Write(Document d)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new Body();
            body.Append(Paragraph(d.Title, bold: true, center: true, size: 28));
            if (!string.IsNullOrWhiteSpace(d.Subtitle)) body.Append(Paragraph(d.Subtitle, bold: false, center: true, size: 24));
            body.Append(Paragraph("", bold: false, center: false));
            body.Append(Table(d));
            body.Append(Paragraph("", bold: false, center: false));
            var (w, h) = d.Landscape ? (A4Long, A4Short) : (A4Short, A4Long);
            body.Append(new SectionProperties(
                new PageSize { Width = (UInt32Value)(uint)w, Height = (UInt32Value)(uint)h, Orient = d.Landscape ? PageOrientationValues.Landscape : PageOrientationValues.Portrait },
                new PageMargin { Top = Margin, Bottom = Margin, Left = (UInt32Value)(uint)Margin, Right = (UInt32Value)(uint)Margin, Header = 709, Footer = 709, Gutter = 0 }));
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Table Table(Document d)
    {
        var pageWidth = (d.Landscape ? A4Long : A4Short) - 2 * Margin;
        var rel = d.Widths is { Count: > 0 } ws && ws.Count == d.Headers.Count ? ws : d.Headers.Select(_ => 1).ToList();
        var widths = rel.Select(x => pageWidth * x / rel.Sum()).ToList();
        var border = (UInt32Value)4u;
        var table = new Table(new TableProperties(
            new TableWidth { Width = pageWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = border }, new BottomBorder { Val = BorderValues.Single, Size = border },
                new LeftBorder { Val = BorderValues.Single, Size = border }, new RightBorder { Val = BorderValues.Single, Size = border },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = border }, new InsideVerticalBorder { Val = BorderValues.Single, Size = border }),
            new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa }, new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));

        var header = new DocumentFormat.OpenXml.Wordprocessing.TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < d.Headers.Count; i++) header.Append(Cell(d.Headers[i], widths[i], bold: true, center: true, shade: true));
        table.Append(header);
        foreach (var row in d.Rows)
        {
            var tr = new DocumentFormat.OpenXml.Wordprocessing.TableRow(new TableRowProperties(new CantSplit()));
            if (row.Group is not null)
            {
                var cell = Cell(row.Group, pageWidth, bold: true, center: false, shade: true);
                cell.TableCellProperties!.Append(new GridSpan { Val = d.Headers.Count });
                tr.Append(cell);
            }
            else
            {
                for (var i = 0; i < d.Headers.Count; i++) tr.Append(Cell(i < row.Cells.Count ? row.Cells[i] : null, widths[i], bold: false, center: false, shade: false));
            }
            table.Append(tr);
        }
        return table;
    }

    private static TableCell Cell(string? text, int width, bool bold, bool center, bool shade)
    {
        var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (shade) props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "EDEDED" });
        var cell = new TableCell(props);
        var lines = (text ?? "").Split('\n');
        foreach (var line in lines) cell.Append(Paragraph(line, bold, center, spacing: false));
        return cell;
    }

    private static Paragraph Paragraph(string text, bool bold, bool center, int size = 24, bool spacing = true)
    {
        var pp = new ParagraphProperties(new SpacingBetweenLines { After = spacing ? "120" : "0", Line = "240", LineRule = LineSpacingRuleValues.Auto });
        if (center) pp.Append(new Justification { Val = JustificationValues.Center });
        var rp = new RunProperties();
        if (bold) rp.Append(new Bold());
        rp.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Paragraph(pp, new Run(rp, new DocumentFormat.OpenXml.Wordprocessing.Text(XmlText.Safe(text)) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                new FontSize { Val = "24" }, new FontSizeComplexScript { Val = "24" }, new Languages { Val = "ru-RU" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))));
}
