using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using Dw = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Nastavnik.Web.Files;

/// <summary>
/// Sign-in slips as a .docx: A4 portrait, a table of 2 × 4 cards a page with dashed borders to cut along; each card holds the
/// name, login, code, address and the QR code (a PNG image) of the link. Text goes through <see cref="XmlText.Safe"/>.
/// </summary>
public static class SlipDocx
{
    private const int A4Width = 11906, A4Height = 16838, Margin = 567; // twentieths of a point; 1 cm margins
    private const long QrEmu = 28 * 36000; // 2.8 cm in EMU

    public static byte[] Write(IReadOnlyList<SlipCard> cards)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            var cellWidth = (A4Width - 2 * Margin) / SlipCards.Columns;
            var rowHeight = (A4Height - 2 * Margin - 400) / SlipCards.Rows;
            var table = new Table(new TableProperties(
                new TableWidth { Width = (cellWidth * SlipCards.Columns).ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Dashed, Size = 4 }, new BottomBorder { Val = BorderValues.Dashed, Size = 4 },
                    new LeftBorder { Val = BorderValues.Dashed, Size = 4 }, new RightBorder { Val = BorderValues.Dashed, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Dashed, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Dashed, Size = 4 })));
            table.Append(new TableGrid(Enumerable.Range(0, SlipCards.Columns).Select(_ => new GridColumn { Width = cellWidth.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
            uint imageId = 1;
            for (var i = 0; i < cards.Count; i += SlipCards.Columns)
            {
                var row = new DocumentFormat.OpenXml.Wordprocessing.TableRow(new TableRowProperties(new CantSplit(), new TableRowHeight { Val = (uint)rowHeight, HeightType = HeightRuleValues.Exact }));
                for (var c = 0; c < SlipCards.Columns; c++)
                {
                    var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = cellWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
                    if (i + c < cards.Count) Card(main, cell, cards[i + c], imageId++);
                    else cell.Append(new Paragraph());
                    row.Append(cell);
                }
                table.Append(row);
            }
            body.Append(table);
            body.Append(new Paragraph());
            body.Append(new SectionProperties(
                new PageSize { Width = (UInt32Value)(uint)A4Width, Height = (UInt32Value)(uint)A4Height, Orient = PageOrientationValues.Portrait },
                new PageMargin { Top = Margin, Bottom = Margin, Left = (UInt32Value)(uint)Margin, Right = (UInt32Value)(uint)Margin, Header = 0, Footer = 0, Gutter = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static void Card(MainDocumentPart main, TableCell cell, SlipCard card, uint imageId)
    {
        cell.Append(Line(SlipCards.Heading, size: 18, bold: false));
        cell.Append(Line(card.Name, size: 24, bold: true));
        cell.Append(Line("Логин: " + card.Login, size: 22, bold: false, mono: true));
        cell.Append(Line("Код: " + card.Code, size: 26, bold: true, mono: true));
        cell.Append(Line("Адрес: " + card.Address, size: 18, bold: false));
        var image = main.AddImagePart(ImagePartType.Png);
        using (var png = new MemoryStream(SlipCards.QrPng(card.Link))) image.FeedData(png);
        cell.Append(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "40", After = "0" }), new Run(Picture(main.GetIdOfPart(image), imageId))));
        cell.Append(Line(SlipCards.Instruction, size: 14, bold: false));
    }

    private static Paragraph Line(string text, int size, bool bold, bool mono = false)
    {
        var props = new RunProperties(new RunFonts { Ascii = mono ? "Consolas" : "Arial", HighAnsi = mono ? "Consolas" : "Arial", ComplexScript = "Arial" }, new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold) props.Append(new Bold());
        return new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "20" }),
            new Run(props, new DocumentFormat.OpenXml.Wordprocessing.Text(XmlText.Safe(text)) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Drawing Picture(string relationshipId, uint id) => new(
        new Dw.Inline(
            new Dw.Extent { Cx = QrEmu, Cy = QrEmu },
            new Dw.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new Dw.DocProperties { Id = id, Name = $"QR {id}" },
            new Dw.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new Pic.Picture(
                    new Pic.NonVisualPictureProperties(new Pic.NonVisualDrawingProperties { Id = 0, Name = $"qr{id}.png" }, new Pic.NonVisualPictureDrawingProperties()),
                    new Pic.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                    new Pic.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = QrEmu, Cy = QrEmu }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 });
}
