using Nastavnik.Web.Files.Documents;
using SkiaSharp;

namespace Nastavnik.Web.Files.Charts;

/// <summary>A bar of a chart: its label, value, the text printed at its end and its colour (a <see cref="ChartPainter"/> tone).</summary>
public sealed record ChartBar(string Label, double Value, string Text, ChartTone Tone = ChartTone.Primary);

public enum ChartTone { Primary, Good, Near, Bad, Muted }

/// <summary>
/// Charts of the reports drawn as PNG pictures by SkiaSharp, with the DejaVu Sans font embedded in the assembly (Cyrillic on a server
/// without fonts): horizontal bars with an optional reference line (indicators against their targets) and columns (months, outcomes).
/// White background, dark text, colours told apart by lightness too, and every value printed as text beside its bar.
/// </summary>
public static class ChartPainter
{
    private const int Width = 1600, Pad = 40, TitleSize = 34, TextSize = 26;

    private static readonly Lazy<SKTypeface> Face = new(() =>
    {
        using var s = typeof(ChartPainter).Assembly.GetManifestResourceStream("fonts/DejaVuSans.ttf")!;
        return SKTypeface.FromStream(s) ?? SKTypeface.Default;
    });

    private static SKColor Color(ChartTone t) => t switch
    {
        ChartTone.Good => new SKColor(0x19, 0x87, 0x54),
        ChartTone.Near => new SKColor(0xE0, 0x9F, 0x1F),
        ChartTone.Bad => new SKColor(0xB0, 0x2A, 0x37),
        ChartTone.Muted => new SKColor(0x9A, 0xA0, 0xA6),
        _ => new SKColor(0x0D, 0x6E, 0xFD),
    };

    /// <summary>
    /// One horizontal bar per row, labels at the left; <paramref name="reference"/> draws a dashed line at that value (100 % of the
    /// target) named <paramref name="referenceText"/>. Bars longer than <paramref name="max"/> are cut at it.
    /// </summary>
    public static DocumentImage HorizontalBars(string title, IReadOnlyList<ChartBar> bars, double max, double? reference, string? referenceText)
    {
        const int row = 56, labelWidth = 620, valueWidth = 170;
        var height = Pad * 2 + TitleSize + 30 + Math.Max(1, bars.Count) * row + (reference is null ? 0 : 40);
        return Draw(title, height, (c, font, ink) =>
        {
            var x0 = Pad + labelWidth;
            var plot = Width - Pad - valueWidth - x0;
            var top = Pad + TitleSize + 30f;
            var scale = max <= 0 ? 0 : plot / max;
            using var grid = new SKPaint { Color = new SKColor(0xDE, 0xE2, 0xE6), StrokeWidth = 2, IsAntialias = true };
            c.DrawLine(x0, top - 10, x0, top + bars.Count * row, grid);
            // The reference line first, so the values written over it stay readable on their white ground.
            if (reference is { } r && max > 0)
            {
                var x = x0 + (float)(Math.Min(r, max) * scale);
                using var dash = new SKPaint { Color = new SKColor(0x21, 0x25, 0x29), StrokeWidth = 3, PathEffect = SKPathEffect.CreateDash([12, 8], 0) };
                c.DrawLine(x, top - 10, x, top + bars.Count * row + 8, dash);
                if (referenceText is not null) c.DrawText(referenceText, x, top + bars.Count * row + 40, SKTextAlign.Center, font, ink);
            }
            using var ground = new SKPaint { Color = SKColors.White };
            for (var i = 0; i < bars.Count; i++)
            {
                var b = bars[i];
                var y = top + i * row;
                c.DrawText(Fit(b.Label, labelWidth - 20, font), x0 - 16, y + row / 2f + 9, SKTextAlign.Right, font, ink);
                var len = (float)(Math.Clamp(b.Value, 0, max) * scale);
                using var fill = new SKPaint { Color = Color(b.Tone), IsAntialias = true };
                c.DrawRect(x0, y + 10, Math.Max(len, 2), row - 20, fill);
                c.DrawRect(x0 + len + 6, y + 12, font.MeasureText(b.Text) + 12, row - 24, ground);
                c.DrawText(b.Text, x0 + len + 12, y + row / 2f + 9, SKTextAlign.Left, font, ink);
            }
        });
    }

    /// <summary>Vertical columns with their labels under them and their values above them; the axis starts at zero.</summary>
    public static DocumentImage Columns(string title, IReadOnlyList<ChartBar> bars)
    {
        const int plotHeight = 420, labelHeight = 70;
        var height = Pad * 2 + TitleSize + 30 + plotHeight + labelHeight;
        return Draw(title, height, (c, font, ink) =>
        {
            var top = Pad + TitleSize + 70f;
            var baseY = Pad + TitleSize + 30f + plotHeight;
            var n = Math.Max(1, bars.Count);
            var slot = (Width - 2f * Pad) / n;
            var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
            using var axis = new SKPaint { Color = new SKColor(0x6C, 0x75, 0x7D), StrokeWidth = 2 };
            c.DrawLine(Pad, baseY, Width - Pad, baseY, axis);
            using var small = new SKFont(Face.Value, n > 8 ? 20 : TextSize);
            for (var i = 0; i < bars.Count; i++)
            {
                var b = bars[i];
                var h = (float)(b.Value / max * (baseY - top));
                var x = Pad + i * slot;
                using var fill = new SKPaint { Color = Color(b.Tone), IsAntialias = true };
                c.DrawRect(x + slot * 0.18f, baseY - h, slot * 0.64f, h, fill);
                c.DrawText(b.Text, x + slot / 2, baseY - h - 10, SKTextAlign.Center, small, ink);
                c.DrawText(Fit(b.Label, slot - 6, small), x + slot / 2, baseY + 36, SKTextAlign.Center, small, ink);
            }
        });
    }

    private static DocumentImage Draw(string title, int height, Action<SKCanvas, SKFont, SKPaint> body)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var c = surface.Canvas;
        c.Clear(SKColors.White);
        using var ink = new SKPaint { Color = new SKColor(0x21, 0x25, 0x29), IsAntialias = true };
        using var titleFont = new SKFont(Face.Value, TitleSize) { Embolden = true };
        using var font = new SKFont(Face.Value, TextSize);
        c.DrawText(Fit(title, Width - 2 * Pad, titleFont), Pad, Pad + TitleSize, SKTextAlign.Left, titleFont, ink);
        body(c, font, ink);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return new DocumentImage(png.ToArray(), Width, height, title);
    }

    /// <summary>The text cut with «…» to fit <paramref name="width"/> pixels.</summary>
    private static string Fit(string text, float width, SKFont font)
    {
        if (font.MeasureText(text) <= width) return text;
        var cut = text;
        while (cut.Length > 1 && font.MeasureText(cut + "…") > width) cut = cut[..^1];
        return cut.TrimEnd() + "…";
    }
}
