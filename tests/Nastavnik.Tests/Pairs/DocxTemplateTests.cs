using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Nastavnik.Web.Features.Pairs;
using Nastavnik.Web.Files.Documents;

namespace Nastavnik.Tests.Pairs;

using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

/// <summary>The document generator: a school's own .docx (Word splits typed text into runs) and the default templates are filled alike.</summary>
public sealed class DocxTemplateTests
{
    /// <summary>A .docx as Word may save it: each paragraph is given as its runs, so a placeholder can be split across them.</summary>
    private static byte[] Word(params string[][] paragraphs) => WordWithTable(paragraphs, null);

    private static byte[] WordWithTable(string[][] paragraphs, string[][]? row)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var body = new Body();
            foreach (var runs in paragraphs)
                body.Append(new Paragraph(runs.Select((r, i) => new Run(i % 2 == 1 ? new RunProperties(new Bold()) : new RunProperties(),
                    new Text(r) { Space = SpaceProcessingModeValues.Preserve }))));
            if (row is not null)
                body.Append(new Table(new TableRow(new TableCell(new Paragraph(new Run(new Text("Имя"))))),
                    new TableRow(row.Select(cell => new TableCell(new Paragraph(cell.Select(r => new Run(new Text(r) { Space = SpaceProcessingModeValues.Preserve }))))))));
            doc.AddMainDocumentPart().Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static List<string> Paragraphs(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var doc = WordprocessingDocument.Open(stream, false);
        return doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => string.Concat(p.Descendants().Select(e => e switch
        {
            Text t => t.Text,
            Break => "\n",
            TabChar => "\t",
            _ => "",
        }))).ToList();
    }

    [Fact]
    public void A_placeholder_split_across_runs_is_filled_and_keeps_the_first_runs_formatting()
    {
        var template = Word(["Школа: {{Шко", "ла.Наим", "енование}}, директор {{Школа.Директор}}."], ["{", "{Приказ.Номер}", "}"]);
        var data = new DocumentData().Set("Школа.Наименование", "МБОУ «СОШ № 1»").Set("Школа.Директор", "А. Б. Иванова").Set("Приказ.Номер", null);
        DocxTemplate.Placeholders(template).ShouldBe(["Школа.Наименование", "Школа.Директор", "Приказ.Номер"]);

        var filled = DocxTemplate.Fill(template, data);
        Paragraphs(filled).ShouldBe(["Школа: МБОУ «СОШ № 1», директор А. Б. Иванова.", DocumentData.Blank]);
    }

    [Fact]
    public void A_table_row_with_a_collection_is_repeated_per_item_and_an_empty_collection_leaves_no_row()
    {
        var template = WordWithTable([["Список"]], [["{{#Пары}}{{Пары.", "Наставник}}"], ["{{Пары.Наставляемые}}{{/Пары}}"]]);
        var data = new DocumentData().SetItems("Пары", [
            new Dictionary<string, string?> { ["Наставник"] = "Петров Пётр Ильич", ["Наставляемые"] = "Ёлкина Анна\nИванов Иван" },
            new Dictionary<string, string?> { ["Наставник"] = "Соловьёва Мария", ["Наставляемые"] = "Кузнецова Ольга" },
        ]);
        var text = Paragraphs(DocxTemplate.Fill(template, data));
        text.ShouldBe(["Список", "Имя", "Петров Пётр Ильич", "Ёлкина Анна\nИванов Иван", "Соловьёва Мария", "Кузнецова Ольга"]);

        Paragraphs(DocxTemplate.Fill(template, new DocumentData().SetItems("Пары", []))).ShouldBe(["Список", "Имя"]);
    }

    [Theory]
    [InlineData("Номер {{Приказ.Номр}}", "В шаблоне неизвестное поле {{Приказ.Номр}}. Доступные поля: {{Приказ.Номер}}, {{#Пары}}.")]
    [InlineData("Номер {{Приказ.Номер", "В шаблоне незакрытое или лишнее «{{» или «}}» в абзаце «Номер {{Приказ.Номер»: каждое поле пишется как {{Имя}}.")]
    [InlineData("{{Пары.Наставник}}", "Поле {{Пары.Наставник}} стоит вне строки таблицы с {{#Пары}}: поля списка заполняются только в его строке.")]
    [InlineData("{{#Пары}}", "Список {{#Пары}} стоит вне строки таблицы: поставьте его в ячейку строки, которая повторяется для каждого элемента.")]
    public void A_broken_template_is_refused_in_Russian_and_no_file_is_made(string paragraph, string message)
    {
        var data = new DocumentData().Set("Приказ.Номер", "1").SetItems("Пары", []);
        Should.Throw<DocumentTemplateException>(() => DocxTemplate.Fill(Word([paragraph]), data)).Message.ShouldBe(message);
    }

    [Fact]
    public void A_file_that_is_not_a_docx_is_refused_in_Russian()
    {
        Should.Throw<DocumentTemplateException>(() => DocxTemplate.Fill("not a document"u8.ToArray(), new DocumentData()))
            .Message.ShouldStartWith("Шаблон не является документом Word (.docx)");
        Should.Throw<DocumentTemplateException>(() => DocxTemplate.Placeholders([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]));
    }

    [Fact]
    public void The_default_templates_use_only_their_declared_fields_in_the_official_style()
    {
        foreach (var t in PairDocumentTemplates.All)
        {
            var bytes = t.BuildDefault();
            DocxTemplate.Placeholders(bytes).Where(p => !p.StartsWith('/')).ShouldBeSubsetOf(t.Fields.Select(f => f.Name));
            using var stream = new MemoryStream(bytes);
            using var doc = WordprocessingDocument.Open(stream, false);
            var defaults = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
            defaults.RunFonts!.Ascii!.Value.ShouldBe("Times New Roman");
            defaults.FontSize!.Val!.Value.ShouldBe("28");
        }
    }
}
