using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Pairs;
using Nastavnik.Web.Files;
using Nastavnik.Web.Files.Documents;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Practices;

using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

/// <summary>
/// The collection (сборник) of selected materials as one .docx (issue 14, item 9): a title page (the school, the title, the year) built
/// by <see cref="OfficialDocxBuilder"/>, a contents page listing the materials numbered with their pages (PAGEREF fields to bookmarks
/// on the headings, filled by LibreOffice and Word as they lay the file out; the file asks Word to update fields on opening), and each
/// material from a new page as a «Заголовок 1» heading (outline level 1, so Word's navigation and its own TOC find them) with its
/// author, kind, topic, description, links and the names of its files.
/// </summary>
public sealed class PracticeCollection(AppDbContext db, PracticeQueries queries)
{
    public const string DefaultTitle = "Сборник методических материалов и успешных практик наставничества";

    public async Task<CommandResult<DocumentFile>> BuildAsync(IReadOnlyList<int> ids, string? title, CancellationToken ct = default)
    {
        if (!db.School.IsSchoolManager) return CommandError.Forbidden("Сборник составляют куратор и администрация школы.");
        var selected = ids.Distinct().ToList();
        if (selected.Count == 0) return CommandError.Invalid("Отметьте материалы, которые войдут в сборник.");
        var materials = await queries.ViewsAsync(selected, [], ct);
        if (materials.Count < selected.Count) return CommandError.NotFound("Некоторые из отмеченных материалов не найдены в банке практик: обновите страницу.");
        var school = await db.Organizations.AsNoTracking().Where(o => o.Id == db.School.SchoolId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";
        var heading = RussianText.Clean(title) ?? DefaultTitle;
        var year = db.Clock.Today().Year;

        var cover = new OfficialDocxBuilder().Centered(school, bold: true, after: 240);
        for (var i = 0; i < 8; i++) cover.Blank();
        cover.Title(heading);
        for (var i = 0; i < 14; i++) cover.Blank();
        cover.Centered(year.ToString(RussianText.Culture));
        var bytes = Compose(cover.Build(), materials);
        return new DocumentFile(bytes, DocxWriter.ContentType, $"Сборник практик {RussianText.Date(db.Clock.Today())}.docx");
    }

    private static byte[] Compose(byte[] cover, List<PracticeView> materials)
    {
        using var stream = new MemoryStream();
        stream.Write(cover);
        stream.Position = 0;
        using (var doc = WordprocessingDocument.Open(stream, true))
        {
            var main = doc.MainDocumentPart!;
            AddHeadingStyle(main.StyleDefinitionsPart!.Styles!);
            var settings = main.DocumentSettingsPart ?? main.AddNewPart<DocumentSettingsPart>();
            settings.Settings = new Settings(new UpdateFieldsOnOpen { Val = true });
            var body = main.Document.Body!;
            var section = body.Elements<SectionProperties>().Last();
            void Add(OpenXmlElement e) => body.InsertBefore(e, section);

            Add(PageBreak());
            Add(Para("Содержание", bold: true, center: true, after: 240));
            foreach (var p in Contents(materials)) Add(p);
            for (var i = 0; i < materials.Count; i++)
            {
                var m = materials[i];
                Add(PageBreak());
                Add(Heading(i, Number(i, m)));
                Add(Para("Автор: " + m.AuthorName + (m.SchoolName is null ? "" : $" ({m.SchoolName})")));
                Add(Para("Вид: " + m.KindName));
                Add(Para("Тема: " + (m.TopicName ?? "не указана")));
                if (m.Tags.Count > 0) Add(Para("Теги: " + string.Join(", ", m.Tags)));
                if (!string.IsNullOrWhiteSpace(m.Description))
                {
                    Add(Para("Описание", bold: true, before: 120));
                    foreach (var line in m.Description.Split('\n').Where(l => l.Trim().Length > 0)) Add(Para(line.Trim(), indent: true));
                }
                if (m.Links.Count > 0)
                {
                    Add(Para("Ссылки", bold: true, before: 120));
                    foreach (var link in m.Links) Add(Para(link));
                }
                if (m.Files.Count > 0)
                {
                    Add(Para("Файлы", bold: true, before: 120));
                    foreach (var f in m.Files) Add(Para(f.FileName + " (" + Portfolio.PortfolioFiles.Size(f.Length) + ")"));
                }
            }
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static string Number(int i, PracticeView m) => $"{i + 1}. {m.Title}";

    /// <summary>The contents: each material's number and title, a dotted tab and its page by a PAGEREF field to the heading's bookmark.</summary>
    private static IEnumerable<Paragraph> Contents(List<PracticeView> materials)
    {
        for (var i = 0; i < materials.Count; i++)
        {
            var p = Para(Number(i, materials[i]));
            // The page of the heading by its bookmark: LibreOffice (and so the PDF) and Word compute a PAGEREF when they lay the
            // document out; a TOC field's result would stay without numbers in LibreOffice until someone updates the index by hand.
            p.ParagraphProperties!.PrependChild(new Tabs(new TabStop { Val = TabStopValues.Right, Leader = TabStopLeaderCharValues.Dot, Position = OfficialDocxBuilder.TextWidth }));
            p.Append(new Run(new TabChar()), new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run(new FieldCode($" PAGEREF {Bookmark(i)} \\h ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }), new Run(new Text("")),
                new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
            yield return p;
        }
    }

    private static string Bookmark(int i) => $"Material{i + 1}";

    private static Paragraph Heading(int i, string text)
    {
        var p = Para(text, bold: true, after: 240);
        p.ParagraphProperties!.PrependChild(new ParagraphStyleId { Val = "Heading1" });
        p.InsertBefore(new BookmarkStart { Id = (i + 1).ToString(RussianText.Culture), Name = Bookmark(i) }, p.Elements<Run>().First());
        p.Append(new BookmarkEnd { Id = (i + 1).ToString(RussianText.Culture) });
        return p;
    }

    private static void AddHeadingStyle(Styles styles) => styles.Append(new Style(
        new StyleName { Val = "heading 1" }, new PrimaryStyle(),
        new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = 0 }),
        new StyleRunProperties(new Bold(), new FontSize { Val = "28" }))
    { Type = StyleValues.Paragraph, StyleId = "Heading1" });

    private static Paragraph PageBreak() => new(new Run(new Break { Type = BreakValues.Page }));

    private static Paragraph Para(string text, bool bold = false, bool center = false, bool indent = false, int before = 0, int after = 0)
    {
        var rp = new RunProperties();
        if (bold) rp.Append(new Bold());
        return new Paragraph(
            new ParagraphProperties(
                new SpacingBetweenLines { Before = before.ToString(RussianText.Culture), After = after.ToString(RussianText.Culture) },
                new Indentation { FirstLine = indent ? "709" : "0" },
                new Justification { Val = center ? JustificationValues.Center : indent ? JustificationValues.Both : JustificationValues.Left }),
            new Run(rp, new Text(XmlText.Safe(text)) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
