using System.Buffers.Binary;
using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using Nastavnik.Web.Features.Admin.Users;
using Nastavnik.Web.Files;
using PdfSharp.Pdf.IO;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Nastavnik.Tests.Accounts;

/// <summary>The printed slips: the .docx opened back with the Open XML SDK and every QR code decoded to its sign-in link; the PDF's pages counted.</summary>
public sealed class SlipTests
{
    private static readonly List<SlipCard> Cards = BulkAccountCommands.Cards(Enumerable.Range(1, 10).Select(i =>
        new IssuedAccount($"u{i}", i, $"Ёлкина Анна Петровна {i}", $"elkina.ap{(i == 1 ? "" : i)}", $"K7M2P-XR4T{(char)('A' + i)}", DateTime.UtcNow)), "https://nastavnik.school.example");

    [Fact]
    public void The_docx_has_a_card_per_person_with_a_QR_code_that_opens_the_code_page_with_both_fields()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(SlipDocx.Write(Cards)), false);
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        foreach (var c in Cards)
        {
            text.ShouldContain(c.Name);
            text.ShouldContain("Логин: " + c.Login);
            text.ShouldContain("Код: " + c.Code);
        }
        text.ShouldContain("Адрес: https://nastavnik.school.example");

        var blips = doc.MainDocumentPart.Document.Descendants<DocumentFormat.OpenXml.Drawing.Blip>().Select(b => b.Embed!.Value!).ToList();
        blips.Count.ShouldBe(Cards.Count);
        var decoded = blips.Select(id => Decode(doc.MainDocumentPart.GetPartById(id).GetStream())).ToList();
        decoded.ShouldBe(Cards.Select(c => $"https://nastavnik.school.example/Account/Code?login={c.Login}&code={c.Code}"));
    }

    [Fact]
    public void The_pdf_has_eight_cards_a_page()
    {
        var pdf = SlipPdf.Write(Cards, "Листки входа");
        var doc = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        doc.PageCount.ShouldBe(2);
        doc.Info.Title.ShouldBe("Листки входа");
        pdf.Length.ShouldBeGreaterThan(20_000); // the font is embedded: a fresh machine without fonts prints Cyrillic
    }

    /// <summary>Reads the PNG (8-bit or 1-bit, grey or palette, as QR writers make them) into grey pixels and lets ZXing find the QR code.</summary>
    private static string Decode(Stream png)
    {
        using var ms = new MemoryStream();
        png.CopyTo(ms);
        var bytes = ms.ToArray();
        int width = 0, height = 0, depth = 0, type = 0;
        byte[]? palette = null;
        using var idat = new MemoryStream();
        for (var pos = 8; pos < bytes.Length;)
        {
            var len = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(pos));
            var kind = System.Text.Encoding.ASCII.GetString(bytes, pos + 4, 4);
            var data = bytes.AsSpan(pos + 8, len);
            if (kind == "IHDR") (width, height, depth, type) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]), data[8], data[9]);
            else if (kind == "PLTE") palette = data.ToArray();
            else if (kind == "IDAT") idat.Write(data);
            pos += 12 + len;
        }
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        var rows = raw.ToArray();
        var channels = type switch { 0 or 3 => 1, 2 => 3, 4 => 2, 6 => 4, _ => throw new NotSupportedException() };
        var stride = (width * channels * depth + 7) / 8;
        var bpp = Math.Max(1, channels * depth / 8);
        var grey = new byte[width * height];
        var prev = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var filter = rows[y * (stride + 1)];
            var line = rows.AsSpan(y * (stride + 1) + 1, stride).ToArray();
            for (var i = 0; i < stride; i++)
            {
                int a = i >= bpp ? line[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
                line[i] = (byte)(line[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    _ => Math.Abs(b - c) <= Math.Abs(a - c) && Math.Abs(b - c) <= Math.Abs(a + b - 2 * c) ? (Math.Abs(a - c) <= Math.Abs(a + b - 2 * c) ? a : b) : (Math.Abs(a - c) <= Math.Abs(a + b - 2 * c) ? a : c),
                });
            }
            for (var x = 0; x < width; x++)
            {
                int v = depth == 8 ? line[x * channels] : (line[x * depth / 8] >> (8 - depth - x * depth % 8)) & ((1 << depth) - 1);
                if (type == 3) v = palette![v * 3];
                else if (depth == 1) v *= 255;
                grey[y * width + x] = (byte)v;
            }
            prev = line;
        }
        var source = new RGBLuminanceSource(grey, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
        result.ShouldNotBeNull("no QR code found in the slip's image");
        return result.Text;
    }
}
