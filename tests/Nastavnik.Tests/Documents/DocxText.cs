using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Nastavnik.Tests.Documents;

using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

/// <summary>A .docx read back with the Open XML SDK as a user reads it: its body's paragraphs and its tables as rows of cell texts.</summary>
public sealed record DocxText(List<string> Paragraphs, List<List<List<string>>> Tables)
{
    public static DocxText Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var doc = WordprocessingDocument.Open(stream, false);
        var body = doc.MainDocumentPart!.Document.Body!;
        return new DocxText(body.Elements<Paragraph>().Select(p => p.InnerText).ToList(),
            body.Elements<Table>().Select(t => t.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(Cell).ToList()).ToList()).ToList());
    }

    private static string Cell(TableCell cell) => string.Join("\n", cell.Elements<Paragraph>().Select(p =>
        string.Concat(p.Descendants().Select(e => e switch { Text t => t.Text, Break => "\n", _ => "" }))));
}
