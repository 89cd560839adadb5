using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Nastavnik.Tests.Documents;

using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using Text = DocumentFormat.OpenXml.Wordprocessing.Text;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

/// <summary>
/// A generated .docx read back as a curator reads it: the body's paragraphs, the tables as rows of cell texts, the pictures (their
/// content type, bytes and text alternative, in the order they stand).
/// </summary>
public sealed record ReportDoc(List<string> Paragraphs, List<List<List<string>>> Tables, List<(string ContentType, byte[] Bytes, string Description)> Pictures)
{
    /// <summary>The table whose header row starts with <paramref name="firstHeader"/> and has <paramref name="secondHeader"/> second.</summary>
    public List<List<string>> Table(string firstHeader, string secondHeader) =>
        Tables.Single(t => t[0][0] == firstHeader && t[0].Count > 1 && t[0][1] == secondHeader);

    public string All => string.Join("\n", Paragraphs.Concat(Tables.SelectMany(t => t.SelectMany(r => r))));

    public static ReportDoc Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var doc = WordprocessingDocument.Open(stream, false);
        var main = doc.MainDocumentPart!;
        var body = main.Document.Body!;
        var pictures = body.Descendants<Drawing>().Select(d =>
        {
            var rel = d.Descendants<DocumentFormat.OpenXml.Drawing.Blip>().Single().Embed!.Value!;
            var part = (ImagePart)main.GetPartById(rel);
            using var s = part.GetStream();
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            return (part.ContentType, ms.ToArray(), d.Descendants<DW.DocProperties>().Single().Description?.Value ?? "");
        }).ToList();
        return new ReportDoc(body.Elements<Paragraph>().Select(p => p.InnerText).ToList(),
            body.Elements<Table>().Select(t => t.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(Cell).ToList()).ToList()).ToList(), pictures);
    }

    private static string Cell(TableCell cell) => string.Join("\n", cell.Elements<Paragraph>().Select(p =>
        string.Concat(p.Descendants().Select(e => e switch { Text t => t.Text, Break => "\n", _ => "" }))));

    /// <summary>Whether the bytes are a PNG picture (its signature), and its width and height from the IHDR chunk.</summary>
    public static (bool Png, int Width, int Height) Png(byte[] b) =>
        b.Length > 24 && b[0] == 0x89 && b[1] == (byte)'P' && b[2] == (byte)'N' && b[3] == (byte)'G'
            ? (true, (b[16] << 24) | (b[17] << 16) | (b[18] << 8) | b[19], (b[20] << 24) | (b[21] << 16) | (b[22] << 8) | b[23]) : (false, 0, 0);
}
