using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Nastavnik.Web.Files.Documents;

using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

/// <summary>
/// The pictures of a filled document (charts of a report): a paragraph whose whole text is one image placeholder of the
/// <see cref="DocumentData"/> keeps its paragraph properties and gets the picture, a PNG image part, inline at the text's width.
/// </summary>
internal static class DocxImages
{
    /// <summary>The width of a picture: 16 cm, inside the official margins (the text is 16.5 cm wide).</summary>
    private const long WidthEmu = 16L * 360000;

    public static void Place(MainDocumentPart main, OpenXmlPartRootElement root, DocumentData data, Regex placeholder)
    {
        if (data.Images.Count == 0) return;
        var next = root.Descendants<DW.DocProperties>().Select(d => d.Id?.Value ?? 0u).DefaultIfEmpty(0u).Max() + 1;
        foreach (var p in root.Descendants<Paragraph>().ToList())
        {
            var text = string.Concat(p.Descendants<Text>().Select(t => t.Text)).Trim();
            var m = placeholder.Match(text);
            if (!m.Success || m.Length != text.Length || m.Groups[1].Value.Length > 0) continue;
            if (!data.Images.TryGetValue(m.Groups[2].Value, out var image)) continue;
            if (p.Ancestors<TableRow>().Any(r => r.InnerText.Contains("{{#", StringComparison.Ordinal))) continue;
            var props = p.Elements<ParagraphProperties>().FirstOrDefault()?.CloneNode(true);
            p.RemoveAllChildren();
            if (props is not null) p.Append(props);
            p.Append(new Run(Drawing(main, image, next++)));
        }
    }

    private static Drawing Drawing(MainDocumentPart main, DocumentImage image, uint id)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var s = new MemoryStream(image.Png, writable: false)) part.FeedData(s);
        var rel = main.GetIdOfPart(part);
        var cx = WidthEmu;
        var cy = image.Width <= 0 ? WidthEmu / 2 : WidthEmu * image.Height / image.Width;
        var name = $"Рисунок {id}";
        return new Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = name, Description = image.Description },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0u, Name = name + ".png", Description = image.Description },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = rel }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0u, DistanceFromBottom = 0u, DistanceFromLeft = 0u, DistanceFromRight = 0u });
    }
}
