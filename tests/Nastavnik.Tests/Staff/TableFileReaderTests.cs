using System.Text;
using Nastavnik.Web.Files;

namespace Nastavnik.Tests.Staff;

/// <summary>The table reader alone: files no one here wrote (issue 10, items 5 and 6).</summary>
public sealed class TableFileReaderTests
{
    static TableFileReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void An_xlsx_bomb_is_refused_without_unpacking_it_into_memory()
    {
        var bomb = TestXlsx.Bomb(200L * 1024 * 1024);
        bomb.Length.ShouldBeLessThan(5 * 1024 * 1024);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var refusal = Should.Throw<TableFileException>(() => TableFileReader.Read("bomb.xlsx", bomb));
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(64L * 1024 * 1024);
        refusal.Message.ShouldBe("Файл Excel в распакованном виде больше 100 МБ: так много данных в списке педагогов или ответах формы не бывает. Проверьте, тот ли это файл, или сохраните нужный лист отдельно.");
    }

    [Fact]
    public void A_sheet_with_more_than_a_million_cells_is_refused()
    {
        var refusal = Should.Throw<TableFileException>(() => TableFileReader.Read("wide.xlsx", TestXlsx.Wide(70)));
        refusal.Message.ShouldStartWith("В файле больше 1 000 000 ячеек");
    }

    [Fact]
    public void A_csv_whose_lines_are_in_utf8_and_in_windows_1251_is_refused_and_the_lines_are_named()
    {
        byte[] content = [.. Encoding.UTF8.GetBytes("ФИО;Должность\r\nИванова Анна Ивановна;Учитель\r\n"), .. Encoding.GetEncoding(1251).GetBytes("Петрова Анна Ивановна;Учитель\r\nСидорова Анна Ивановна;Учитель\r\n")];
        var refusal = Should.Throw<TableFileException>(() => TableFileReader.Read("mixed.csv", content));
        refusal.Message.ShouldBe("Файл сохранён в разных кодировках: строки 1–2 — в UTF-8, строки 3–4 — в Windows-1251, поэтому часть букв не прочитать. Сохраните весь файл в одной кодировке (в Excel: «CSV UTF-8») и загрузите снова.");
    }

    [Fact]
    public void Title_rows_above_the_header_are_skipped_and_said()
    {
        var csv = "Список педагогических работников МБОУ СОШ № 5;;\r\nна 01.09.2026;;\r\n;;\r\nФИО;Должность;Стаж\r\nИванова Анна Ивановна;Учитель;5\r\n";
        var table = TableFileReader.Read("staff.csv", Encoding.UTF8.GetBytes(csv));
        table.Headers.ShouldBe(["ФИО", "Должность", "Стаж"]);
        table.Rows.Single().Number.ShouldBe(5);
        table.Description.ShouldContain("заголовок в строке 4, строки выше (название списка) пропущены");
    }

    [Fact]
    public void A_sheet_of_one_column_keeps_its_first_row_as_the_header()
    {
        var table = TableFileReader.Read("staff.csv", Encoding.UTF8.GetBytes("ФИО\r\nИванова Анна Ивановна\r\n"));
        table.Headers.ShouldBe(["ФИО"]);
        table.Description.ShouldNotContain("заголовок в строке");
    }

    [Fact]
    public void Long_cells_are_shortened_when_quoted_in_a_message()
    {
        TableFileReader.Excerpt(new string('ж', 5000)).ShouldBe(new string('ж', 59) + "…");
        TableFileReader.Excerpt("коротко").ShouldBe("коротко");
    }
}
