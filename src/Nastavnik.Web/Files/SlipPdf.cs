using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Nastavnik.Web.Files;

/// <summary>
/// Sign-in slips as a PDF (PDFsharp): the same 2 × 4 cards a page as <see cref="SlipDocx"/>, dashed lines to cut along. The font
/// is DejaVu Sans embedded in the assembly (<see cref="EmbeddedFonts"/>), so a server without fonts writes Cyrillic all the same.
/// </summary>
public static class SlipPdf
{
    private const double Mm = 72 / 25.4;

    public static byte[] Write(IReadOnlyList<SlipCard> cards, string title)
    {
        EmbeddedFonts.Install();
        using var doc = new PdfDocument();
        doc.Info.Title = title;
        doc.Info.Creator = "Наставник";
        var regular = new XFont(EmbeddedFonts.Family, 8.5);
        var small = new XFont(EmbeddedFonts.Family, 7);
        var name = new XFont(EmbeddedFonts.Family, 11);
        var code = new XFont(EmbeddedFonts.Family, 13);
        var pen = new XPen(XColors.Gray, 0.5) { DashStyle = XDashStyle.Dash };
        for (var start = 0; start < Math.Max(cards.Count, 1); start += SlipCards.PerPage)
        {
            var page = doc.AddPage();
            page.Width = XUnit.FromMillimeter(210);
            page.Height = XUnit.FromMillimeter(297);
            using var g = XGraphics.FromPdfPage(page);
            var (w, h) = ((210 - 20) * Mm / SlipCards.Columns, (297 - 20) * Mm / SlipCards.Rows);
            for (var i = start; i < Math.Min(start + SlipCards.PerPage, cards.Count); i++)
            {
                var (col, row) = ((i - start) % SlipCards.Columns, (i - start) / SlipCards.Columns);
                var (x, y) = (10 * Mm + col * w, 10 * Mm + row * h);
                g.DrawRectangle(pen, x, y, w, h);
                var card = cards[i];
                var tf = new XTextFormatter(g);
                var text = x + 4 * Mm;
                g.DrawString(SlipCards.Heading, small, XBrushes.DimGray, text, y + 7 * Mm);
                tf.DrawString(card.Name, name, XBrushes.Black, new XRect(text, y + 9 * Mm, w - 8 * Mm, 12 * Mm), XStringFormats.TopLeft);
                g.DrawString("Логин: " + card.Login, regular, XBrushes.Black, text, y + 24 * Mm);
                g.DrawString("Код: " + card.Code, code, XBrushes.Black, text, y + 31 * Mm);
                tf.DrawString("Адрес: " + card.Address, small, XBrushes.Black, new XRect(text, y + 34 * Mm, w - 40 * Mm, 10 * Mm), XStringFormats.TopLeft);
                Qr(g, SlipCards.QrModules(card.Link), x + w - 34 * Mm, y + 20 * Mm, 30 * Mm);
                tf.DrawString(SlipCards.Instruction, small, XBrushes.DimGray, new XRect(text, y + 52 * Mm, w - 8 * Mm, 14 * Mm), XStringFormats.TopLeft);
            }
        }
        using var stream = new MemoryStream();
        doc.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>The QR code drawn as black squares (vector: sharp at any print size).</summary>
    private static void Qr(XGraphics g, bool[][] modules, double left, double top, double size)
    {
        var cell = size / modules.Length;
        for (var r = 0; r < modules.Length; r++)
            for (var c = 0; c < modules[r].Length; c++)
                if (modules[r][c]) g.DrawRectangle(XBrushes.Black, left + c * cell, top + r * cell, cell + 0.05, cell + 0.05);
    }
}

/// <summary>The one font the PDF writers use, DejaVu Sans, read from the assembly's resources (fonts/DejaVuSans.ttf).</summary>
public sealed class EmbeddedFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private static readonly Lazy<byte[]> Regular = new(() =>
    {
        using var s = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream("fonts/DejaVuSans.ttf")!;
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    });
    private static readonly Lock Gate = new();

    /// <summary>Sets this resolver as PDFsharp's (a process-wide setting, set once).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not EmbeddedFonts) GlobalFontSettings.FontResolver = new EmbeddedFonts();
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new("DejaVuSans");

    public byte[] GetFont(string faceName) => Regular.Value;
}
