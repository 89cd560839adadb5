using Nastavnik.Web.Files.Charts;
using Nastavnik.Web.Files.Documents;

namespace Nastavnik.Tests.Documents;

/// <summary>
/// A picture placeholder of <see cref="DocxTemplate"/>: alone in a paragraph it becomes a PNG image part drawn at the text's width;
/// anywhere else it is refused with a Russian message; the charts are PNG pictures of the size drawn.
/// </summary>
public sealed class DocxImageTests
{
    private static readonly DocumentImage Chart = ChartPainter.Columns("Проведённые встречи по месяцам",
        [new ChartBar("09.2026", 3, "3"), new ChartBar("10.2026", 7, "7", ChartTone.Good), new ChartBar("11.2026", 0, "0")]);

    [Fact]
    public void A_picture_placeholder_alone_in_a_paragraph_becomes_a_png_picture_and_the_rest_is_filled_as_usual()
    {
        var template = new OfficialDocxBuilder().Paragraph("Встречи: {{Итог}}").Paragraph("{{Диаграмма.Встречи}}").Paragraph("{{Диаграмма.Встречи}}").Build();
        var filled = DocxTemplate.Fill(template, new DocumentData().Set("Итог", "10").SetImage("Диаграмма.Встречи", Chart));

        var doc = ReportDoc.Read(filled);
        doc.Paragraphs.ShouldBe(["Встречи: 10", "", ""]);
        doc.Pictures.Count.ShouldBe(2, "each paragraph with the placeholder gets the picture");
        foreach (var (type, bytes, description) in doc.Pictures)
        {
            type.ShouldBe("image/png");
            bytes.ShouldBe(Chart.Png);
            description.ShouldBe("Проведённые встречи по месяцам");
        }
        DocxTemplate.Placeholders(template).ShouldContain("Диаграмма.Встречи");
    }

    [Fact]
    public void A_picture_placeholder_inside_a_sentence_or_a_repeated_row_is_refused_in_Russian()
    {
        var inSentence = new OfficialDocxBuilder().Paragraph("См. {{Диаграмма.Встречи}} ниже").Build();
        Should.Throw<DocumentTemplateException>(() => DocxTemplate.Fill(inSentence, new DocumentData().SetImage("Диаграмма.Встречи", Chart)))
            .Message.ShouldBe("Рисунок {{Диаграмма.Встречи}} должен стоять один в отдельном абзаце основного текста (не в колонтитуле и не в строке списка).");
        var inRow = new OfficialDocxBuilder().Table(["Пара", "Рисунок"], ["{{#Пары}}{{Пары.Имя}}", "{{Диаграмма.Встречи}}"], [50, 50]).Build();
        var data = new DocumentData().SetImage("Диаграмма.Встречи", Chart)
            .SetItems("Пары", [new Dictionary<string, string?> { ["Имя"] = "А" }]);
        Should.Throw<DocumentTemplateException>(() => DocxTemplate.Fill(inRow, data)).Message.ShouldStartWith("Рисунок {{Диаграмма.Встречи}}");
    }

    [Fact]
    public void Charts_are_png_pictures_of_their_drawn_size_with_room_for_every_bar()
    {
        var (png, width, height) = ReportDoc.Png(Chart.Png);
        png.ShouldBeTrue();
        (width, height).ShouldBe((Chart.Width, Chart.Height));
        var bars = ChartPainter.HorizontalBars("Достижение целевых показателей, % от цели",
            [new ChartBar("Охват педагогов наставничеством", 120, "120 %", ChartTone.Good), new ChartBar("Удовлетворённость", 0, "нет данных", ChartTone.Muted)], 150, 100, "цель — 100 %");
        ReportDoc.Png(bars.Png).Png.ShouldBeTrue();
        var taller = ChartPainter.HorizontalBars("t", [.. Enumerable.Range(0, 6).Select(i => new ChartBar($"Показатель {i}", i * 20, $"{i * 20} %"))], 150, 100, null);
        taller.Height.ShouldBeGreaterThan(bars.Height, "each bar has its row");
    }
}
