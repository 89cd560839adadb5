using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Nastavnik.Web.Files.Documents;

/// <summary>Several documents filled from one template as one file, each from a new page (letters of thanks, one per mentor).</summary>
public static class DocxPages
{
    /// <summary>
    /// The first document with the bodies of the others appended, a page break before each. All come from one template, so their
    /// styles and the relationship ids in their bodies (images, links) are the same as the first's and stay valid.
    /// </summary>
    public static byte[] Join(IReadOnlyList<byte[]> filled)
    {
        using var output = new MemoryStream();
        output.Write(filled[0]);
        output.Position = 0;
        using (var doc = WordprocessingDocument.Open(output, true))
        {
            var body = doc.MainDocumentPart!.Document.Body!;
            var section = body.Elements<SectionProperties>().LastOrDefault();
            void Add(DocumentFormat.OpenXml.OpenXmlElement e)
            {
                if (section is null) body.Append(e);
                else body.InsertBefore(e, section);
            }
            foreach (var next in filled.Skip(1))
            {
                using var stream = new MemoryStream(next, writable: false);
                using var other = WordprocessingDocument.Open(stream, false);
                Add(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
                foreach (var e in other.MainDocumentPart!.Document.Body!.Elements().Where(e => e is not SectionProperties)) Add(e.CloneNode(true));
            }
            doc.MainDocumentPart.Document.Save();
        }
        return output.ToArray();
    }
}
