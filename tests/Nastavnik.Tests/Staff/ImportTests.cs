using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;

namespace Nastavnik.Tests.Staff;

public abstract class ImportTests(AppFixture app)
{
    static ImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private async Task<(string Preview, HttpResponseMessage? Commit)> Import(HttpClient client, string fileName, byte[] content, Dictionary<string, string>? choices = null, bool commit = true)
    {
        var page = await client.GetStringAsync("/Staff/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Html.Token(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "file", fileName },
        };
        var upload = await client.PostAsync("/Staff/Import?handler=Upload", form);

        if (upload.StatusCode != HttpStatusCode.Redirect) return (await upload.Content.ReadAsStringAsync(), null);
        var preview = await client.GetStringAsync(upload.Headers.Location!.ToString());

        var doc = Html.Parse(preview);
        var commitForm = doc.QuerySelector("form[action*='handler=Commit']");
        if (!commit || commitForm is null) return (preview, null);
        var fields = commitForm.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!);
        foreach (var (k, v) in choices ?? []) fields[k] = v;
        return (preview, await client.PostAsync(commitForm.GetAttribute("action"), new FormUrlEncodedContent(fields)));
    }

    private Task<int> CountAsync(string lastName) => app.WithDb(db => db.People.IgnoreQueryFilters().CountAsync(p => p.SchoolId == app.SchoolA && p.LastName == lastName));

    private static byte[] Xlsx(string[] headers, params object?[][] rows) =>
        XlsxWriter.Write(new XlsxWriter.Sheet("Лист1", headers, rows.Select(r => (IReadOnlyList<object?>)r)));

    [Fact]
    public async Task A_good_xlsx_with_full_names_in_one_column_imports_every_row()
    {
        var curator = await app.CuratorAsync();
        var file = Xlsx(["№", "ФИО педагога", "Должность", "МО", "Стаж", "Дата рождения", "Категория", "E-mail", "Согласие на обработку ПДн"],
            [1, "Ёлкина Дарья Семёновна", "Учитель физики", "МО естественных наук", "12 лет", "14.02.1988", "первая", "yolkina@school.example", "да"],
            [2, "Импортов Пётр Ильич", "Учитель истории", "МО истории и обществознания", 25, 1972, "высшая", null, "01.09.2025"],
            [3, "Безотчествова Анна", "Учитель музыки", "МО искусства", "3", null, "без категории", null, "нет"]);
        var (preview, commit) = await Import(curator, "Список педагогов.xlsx", file);
        preview.ShouldContain("Новых педагогов: <strong>3</strong>");
        commit!.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var people = await app.WithDb(db => db.People.IgnoreQueryFilters().Where(p => p.SchoolId == app.SchoolA).Where(p => p.LastName == "Ёлкина" || p.LastName == "Импортов" || p.LastName == "Безотчествова").OrderBy(p => p.LastName).ToListAsync());
        people.Count.ShouldBe(3);
        var yolkina = people.Single(p => p.LastName == "Ёлкина");
        (yolkina.FirstName, yolkina.MiddleName, yolkina.ExperienceYears, yolkina.BirthYear, yolkina.Category, yolkina.Consent).ShouldBe(("Дарья", "Семёновна", (int?)12, (int?)1988, QualificationCategory.First, ConsentStatus.Given));
        var importov = people.Single(p => p.LastName == "Импортов");
        (importov.ConsentDate, importov.Category, importov.SchoolId).ShouldBe((new DateOnly(2025, 9, 1), QualificationCategory.Highest, app.SchoolA));
        people.Single(p => p.LastName == "Безотчествова").MiddleName.ShouldBeNull();
        (await curator.GetStringAsync("/Staff?q=елкина")).ShouldContain("Ёлкина Дарья Семёновна");
    }

    [Fact]
    public async Task A_file_with_errors_writes_nothing_and_names_row_column_and_problem()
    {
        var curator = await app.CuratorAsync();
        var before = await app.WithDb(db => db.People.IgnoreQueryFilters().CountAsync());
        var csv = "Фамилия;Имя;Отчество;Стаж;Год рождения;Категория\r\n" +
                  "Ошибкова;Нина;Петровна;10;1980;первая\r\n" +
                  "Ошибкова;Вера;Петровна;много;1981;первая\r\n" +
                  ";Ольга;Ивановна;5;1990;высшая\r\n" +
                  "Ошибкова;Инна;Петровна;7;1879;вторая\r\n";
        var (preview, commit) = await Import(curator, "staff.csv", Encoding.UTF8.GetBytes(csv));
        commit.ShouldBeNull();
        var text = WebUtility.HtmlDecode(preview);
        text.ShouldContain("Строка 3, столбец «Стаж»: ожидается число лет, получено «много».");
        text.ShouldContain("Строка 4, столбец «Фамилия»: фамилия не заполнена.");
        text.ShouldContain("Строка 5, столбец «Категория»: ожидается «высшая», «первая»");
        text.ShouldContain("Строка 5, столбец «Год рождения»");
        (await app.WithDb(db => db.People.IgnoreQueryFilters().CountAsync())).ShouldBe(before);
        (await CountAsync("Ошибкова")).ShouldBe(0);

        // The refused file was deleted with its preview: a crafted commit of that upload finds nothing to write.
        var upload = Html.Parse(preview).QuerySelector("input[name=upload]")?.GetAttribute("value");
        upload.ShouldBeNullOrEmpty();
        (await app.WithDb(db => db.ImportUploads.IgnoreQueryFilters().CountAsync(u => u.SchoolId == app.SchoolA && u.FileName == "staff.csv" && u.Kind == "staff"))).ShouldBe(0);
        (await CountAsync("Ошибкова")).ShouldBe(0);
    }

    [Theory]
    [InlineData("utf8bom", ';')]
    [InlineData("utf8", ',')]
    [InlineData("cp1251", ';')]
    [InlineData("cp1251", ',')]
    [InlineData("utf8", '\t')]
    public async Task Csv_in_either_encoding_with_any_delimiter_imports(string encoding, char delimiter)
    {
        var curator = await app.CuratorAsync();
        var surname = $"Кодировкин-{encoding}-{(int)delimiter}";
        var d = delimiter.ToString();
        var csv = $"ФИО{d}Должность{d}Предметы{d}Стаж\r\n" +
                  $"{surname} Семён Ёжиков{d}Учитель информатики{d}\"Информатика{(delimiter == ',' ? ", " : "; ")}ИКТ\"{d}8\r\n";
        var bytes = encoding switch
        {
            "utf8bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)],
            "cp1251" => Encoding.GetEncoding(1251).GetBytes(csv),
            _ => Encoding.UTF8.GetBytes(csv),
        };
        var (preview, commit) = await Import(curator, "staff.csv", bytes);
        preview.ShouldContain(encoding == "cp1251" ? "Windows-1251" : "UTF-8");
        commit!.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var person = await app.WithDb(db => db.People.IgnoreQueryFilters().SingleAsync(p => p.LastName == surname));
        (person.FirstName, person.MiddleName, person.ExperienceYears).ShouldBe(("Семён", "Ёжиков", (int?)8));
        person.Subjects.ShouldStartWith("Информатика");
    }

    [Fact]
    public async Task People_already_in_the_school_are_skipped_or_updated_as_chosen()
    {
        var curator = await app.CuratorAsync();
        var existing = await app.WithDb(db => db.People.IgnoreQueryFilters().Where(p => p.SchoolId == app.SchoolA && p.Department == "МО иностранных языков").OrderBy(p => p.Id).Take(2).ToListAsync());
        byte[] File(string position) => Xlsx(["Фамилия", "Имя", "Отчество", "Должность"],
            [existing[0].LastName.ToUpperInvariant(), existing[0].FirstName, existing[0].MiddleName, position],
            [existing[1].LastName, existing[1].FirstName.Replace('ё', 'е'), existing[1].MiddleName, position],
            ["Новенькая", "Ирина", "Олеговна", position]);

        var (preview, skip) = await Import(curator, "again.xlsx", File("Переводчик"));
        preview.ShouldContain("Уже есть в школе: <strong>2</strong>");
        skip!.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDb(db => db.People.IgnoreQueryFilters().SingleAsync(p => p.Id == existing[0].Id))).Position.ShouldBe(existing[0].Position);
        (await CountAsync("Новенькая")).ShouldBe(1);

        // The same file again, now updating: nobody is created twice and the first person is updated, the second kept by a per-row choice.
        var secondRow = Html.Parse((await Import(curator, "again.xlsx", File("Учитель-переводчик"), commit: false)).Preview)
            .QuerySelectorAll("select[name^='RowAction']").Select(s => s.GetAttribute("name")!).ToList();
        secondRow.Count.ShouldBe(3); // both old ones and yesterday's «Новенькая» are known now
        var (_, update) = await Import(curator, "again.xlsx", File("Учитель-переводчик"), new() { ["Duplicates"] = "Update", [secondRow[1]] = "Skip" });
        update!.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDb(db => db.People.IgnoreQueryFilters().SingleAsync(p => p.Id == existing[0].Id))).Position.ShouldBe("Учитель-переводчик");
        (await app.WithDb(db => db.People.IgnoreQueryFilters().SingleAsync(p => p.Id == existing[1].Id))).Position.ShouldBe(existing[1].Position);
        (await CountAsync("Новенькая")).ShouldBe(1);
        // Columns not in the file keep their values.
        (await app.WithDb(db => db.People.IgnoreQueryFilters().SingleAsync(p => p.Id == existing[0].Id))).ExperienceYears.ShouldBe(existing[0].ExperienceYears);
    }

    [Fact]
    public async Task The_same_person_twice_in_one_file_is_a_problem()
    {
        var curator = await app.CuratorAsync();
        var file = Xlsx(["ФИО"], ["Двойнова Ада Львовна"], ["двойнова  ада львовна"]);
        var (preview, commit) = await Import(curator, "dup.xlsx", file);
        commit.ShouldBeNull();
        WebUtility.HtmlDecode(preview).ShouldContain("Строка 3, столбец «ФИО»: этот педагог уже есть в строке 2 файла.");
        (await CountAsync("Двойнова")).ShouldBe(0);
    }

    [Fact]
    public async Task Export_opens_as_xlsx_and_round_trips_through_the_import()
    {
        var curator = await app.CuratorAsync();
        var response = await curator.GetAsync("/Staff/Export?dept=" + Uri.EscapeDataString("МО искусства"));
        response.Content.Headers.ContentType!.MediaType.ShouldBe(XlsxWriter.ContentType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using (var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false))
            doc.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single().Name!.Value.ShouldBe("Педагоги");
        var table = TableFileReader.Read("export.xlsx", bytes);
        var expected = await app.WithDb(db => db.People.IgnoreQueryFilters().CountAsync(p => p.SchoolId == app.SchoolA && p.Department == "МО искусства" && !p.IsArchived));
        table.Rows.Count.ShouldBe(expected);
        table.Headers.ShouldContain("Фамилия");

        var before = await app.WithDb(db => db.People.IgnoreQueryFilters().CountAsync());
        var (preview, commit) = await Import(curator, "export.xlsx", bytes);
        preview.ShouldContain($"Уже есть в школе: <strong>{expected}</strong>");
        commit!.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDb(db => db.People.IgnoreQueryFilters().CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task An_unreadable_file_gets_a_clear_message()
    {
        var curator = await app.CuratorAsync();
        var (page, _) = await Import(curator, "old.xls", [0xD0, 0xCF, 0x11, 0xE0, 1, 2, 3]);
        WebUtility.HtmlDecode(page).ShouldContain("Старый формат .xls не поддерживается");
        var (broken, _) = await Import(curator, "broken.xlsx", [(byte)'P', (byte)'K', 3, 4, 5, 6, 7]);
        WebUtility.HtmlDecode(broken).ShouldContain("Не удалось прочитать файл Excel");
    }
}

[Collection("sqlite")] public sealed class ImportTests_Sqlite(SqliteApp app) : ImportTests(app);
[Collection("postgres")] public sealed class ImportTests_Postgres(PostgresApp app) : ImportTests(app);
