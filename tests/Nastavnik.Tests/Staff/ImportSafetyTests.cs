using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Staff;
using Nastavnik.Web.Files;

namespace Nastavnik.Tests.Staff;

/// <summary>What a first real school hit with the staff import (issue 10): double commits, consent round trips, odd files, limits, leftovers.</summary>
public abstract class ImportSafetyTests(AppFixture app)
{
    static ImportSafetyTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>A surname no other test uses: Cyrillic letters only, so it passes the name rules.</summary>
    private static string Unique(string stem) => stem + new string(Guid.NewGuid().ToByteArray()[..6].Select(b => (char)('а' + b % 32)).ToArray());

    private static byte[] Xlsx(string[] headers, params object?[][] rows) =>
        XlsxWriter.Write(new XlsxWriter.Sheet("Лист1", headers, rows.Select(r => (IReadOnlyList<object?>)r)));

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content)
    {
        var page = await client.GetStringAsync("/Staff/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Html.Token(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "file", fileName },
        };
        return await client.PostAsync("/Staff/Import?handler=Upload", form);
    }

    /// <summary>Uploads the file and returns the preview page and its commit form's fields (none when the preview refuses).</summary>
    private static async Task<(string Preview, string? Action, Dictionary<string, string> Fields)> PreviewAsync(HttpClient client, string fileName, byte[] content)
    {
        var upload = await UploadAsync(client, fileName, content);
        if (upload.StatusCode != HttpStatusCode.Redirect) return (WebUtility.HtmlDecode(await upload.Content.ReadAsStringAsync()), null, []);
        var preview = await client.GetStringAsync(upload.Headers.Location!.ToString());
        var form = Html.Parse(preview).QuerySelector("form[action*='handler=Commit']");
        var fields = form?.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!) ?? [];
        return (WebUtility.HtmlDecode(preview), form?.GetAttribute("action"), fields);
    }

    private Task<int> CountAsync(string lastName) => app.WithDb(db => db.People.IgnoreQueryFilters().CountAsync(p => p.LastName == lastName));

    private Task<int> UploadsAsync() => app.WithDb(db => db.ImportUploads.IgnoreQueryFilters().CountAsync(u => u.SchoolId == app.SchoolA));

    [Fact]
    public async Task Two_commits_of_one_preview_import_each_person_once_and_the_second_is_told_why()
    {
        var curator = await app.CuratorAsync();
        var (a, b) = (Unique("Дублева"), Unique("Дублев"));
        var (preview, action, fields) = await PreviewAsync(curator, "twice.xlsx", Xlsx(["ФИО", "Должность"], [$"{a} Анна Ивановна", "Учитель"], [$"{b} Борис Ильич", "Учитель"]));
        preview.ShouldContain("Новых педагогов: <strong>2</strong>");

        // Two clicks that reach the server together: one import, and the other answer is a page that says why, not an error 500.
        var both = await Task.WhenAll(curator.PostAsync(action, new FormUrlEncodedContent(fields)), curator.PostAsync(action, new FormUrlEncodedContent(fields)));
        both.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(1);
        var other = both.Single(r => r.StatusCode != HttpStatusCode.Redirect);
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await other.Content.ReadAsStringAsync()).ShouldContain("Этот список уже загруж"); // «…загружается» while the first runs, «…загружен» once it is done
        (await CountAsync(a)).ShouldBe(1);
        (await CountAsync(b)).ShouldBe(1);

        // A third click later: the preview was consumed with the rows.
        var late = await curator.PostAsync(action, new FormUrlEncodedContent(fields));
        late.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()).ShouldContain("Этот список уже загружен");
        (await CountAsync(a)).ShouldBe(1);
    }

    [Fact]
    public async Task The_api_commits_a_preview_once_and_answers_409_to_the_second_request()
    {
        var curator = await app.CuratorAsync();
        var name = Unique("Апишева");
        using var body = new ByteArrayContent(Encoding.UTF8.GetBytes($"ФИО;Стаж\r\n{name} Вера Павловна;5\r\n"));
        body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var upload = await curator.PostAsync("/api/v1/staff/imports?fileName=staff.csv", body);
        upload.StatusCode.ShouldBe(HttpStatusCode.Created);
        var preview = await upload.Content.ReadFromJsonAsync<JsonElement>();
        preview.GetProperty("newCount").GetInt32().ShouldBe(1);
        var id = preview.GetProperty("id").GetString();

        // Another school's curator cannot commit it: the upload is not found there.
        var other = await app.CuratorOfBAsync();
        (await other.PostAsJsonAsync($"/api/v1/staff/imports/{id}/commit", new { duplicates = "Skip" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await CountAsync(name)).ShouldBe(0);

        var first = await curator.PostAsJsonAsync($"/api/v1/staff/imports/{id}/commit", new { duplicates = "Skip" });
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetInt32().ShouldBe(1);
        var second = await curator.PostAsJsonAsync($"/api/v1/staff/imports/{id}/commit", new { duplicates = "Skip" });
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().ShouldBe("Этот список уже загружен.");
        (await CountAsync(name)).ShouldBe(1);
    }

    [Fact]
    public async Task Export_then_import_with_update_keeps_every_consent_the_file_does_not_change()
    {
        var school = await app.NewSchoolAsync(teachers: 3);
        var (withdrawn, given, changed) = (school.Teachers[0].PersonId, school.Teachers[1].PersonId, school.Teachers[2].PersonId);
        await app.WithDb(async db =>
        {
            var people = await db.People.IgnoreQueryFilters().Where(p => p.SchoolId == school.Id).ToListAsync();
            var w = people.Single(p => p.Id == withdrawn);
            (w.Consent, w.ConsentDate, w.ConsentRecordedBy) = (ConsentStatus.Withdrawn, new DateOnly(2025, 10, 5), "секретарь");
            var g = people.Single(p => p.Id == given);
            (g.ConsentDate, g.ConsentRecordedBy) = (new DateOnly(2025, 9, 1), "секретарь");
            people.Single(p => p.Id == changed).ConsentRecordedBy = "секретарь";
            return await db.SaveChangesAsync();
        });
        var curator = await school.CuratorAsync();
        var export = TableFileReader.Read("export.xlsx", await curator.GetByteArrayAsync("/Staff/Export"));
        var consent = export.Headers.ToList().IndexOf("Согласие на обработку ПДн");
        // The curator edits one consent in the file: the third teacher withdrew.
        var rows = export.Rows.Select(r => r.Cells.Select((c, i) => (object?)(i == consent && r.Cells[0] + " " + r.Cells[1] + " " + r.Cells[2] == school.Teachers[2].FullName ? "отозвано" : c)).ToArray()).ToArray();

        var (preview, action, fields) = await PreviewAsync(curator, "export.xlsx", Xlsx([.. export.Headers], rows));
        preview.ShouldContain("Уже есть в школе: <strong>3</strong>");
        fields["Duplicates"] = "Update";
        (await curator.PostAsync(action, new FormUrlEncodedContent(fields))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var after = await app.WithDb(db => db.People.IgnoreQueryFilters().Where(p => p.SchoolId == school.Id).ToDictionaryAsync(p => p.Id));
        (after[withdrawn].Consent, after[withdrawn].ConsentDate, after[withdrawn].ConsentRecordedBy).ShouldBe((ConsentStatus.Withdrawn, (DateOnly?)new DateOnly(2025, 10, 5), "секретарь"));
        (after[given].Consent, after[given].ConsentDate, after[given].ConsentRecordedBy).ShouldBe((ConsentStatus.Given, (DateOnly?)new DateOnly(2025, 9, 1), "секретарь"));
        (after[changed].Consent, after[changed].ConsentRecordedBy).ShouldBe((ConsentStatus.Withdrawn, school.Curator));
    }

    [Fact]
    public async Task A_file_over_20_mb_gets_the_russian_message_on_the_page()
    {
        var curator = await app.CuratorAsync();
        var response = await UploadAsync(curator, "big.csv", new byte[21 * 1024 * 1024]);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).ShouldContain("Файл больше 20 МБ");
    }

    [Fact]
    public async Task An_xlsx_that_unpacks_to_hundreds_of_megabytes_is_refused_with_a_short_page()
    {
        var curator = await app.CuratorAsync();
        var before = await UploadsAsync();
        var response = await UploadAsync(curator, "bomb.xlsx", TestXlsx.Bomb(150L * 1024 * 1024));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        page.ShouldContain("в распакованном виде больше");
        page.Length.ShouldBeLessThan(100_000);
        (await UploadsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_problem_list_shows_the_first_200_with_the_count_and_long_cells_shortened()
    {
        var curator = await app.CuratorAsync();
        var stem = Unique("Длиннов");
        var junk = new string('ж', 5000);
        var csv = new StringBuilder("ФИО;Стаж\r\n");
        for (var i = 0; i < 300; i++) csv.Append($"{stem}{(char)('а' + i / 32 % 32)}{(char)('а' + i % 32)} Иван Петрович;{junk}\r\n");
        var (preview, action, _) = await PreviewAsync(curator, "long.csv", Encoding.UTF8.GetBytes(csv.ToString()));
        action.ShouldBeNull();
        var items = Html.Parse(preview).QuerySelectorAll("[data-testid=problems] li");
        items.Length.ShouldBe(200);
        items.ShouldAllBe(li => li.TextContent.Length < 300);
        preview.ShouldContain("Найдены ошибки: 300");
        preview.ShouldContain("Показаны первые 200");
        preview.Length.ShouldBeLessThan(200_000);
    }

    [Fact]
    public async Task A_refused_upload_is_deleted_at_once_and_an_abandoned_one_within_an_hour()
    {
        var curator = await app.CuratorAsync();
        var abandoned = await app.WithDb(async db =>
        {
            var old = new ImportUpload { Id = Guid.NewGuid(), SchoolId = app.SchoolA, Kind = "staff", UserName = "curator", FileName = "old.csv", Content = [1, 2, 3], CreatedAt = DateTime.UtcNow.AddMinutes(-61) };
            db.ImportUploads.Add(old);
            await db.SaveChangesAsync();
            return old.Id;
        });
        var before = await UploadsAsync();
        var (preview, action, _) = await PreviewAsync(curator, "bad.csv", Encoding.UTF8.GetBytes($"ФИО;Стаж\r\n{Unique("Отказов")} Иван Петрович;много\r\n"));
        action.ShouldBeNull();
        preview.ShouldContain("ожидается число лет");
        (await app.WithDb(db => db.ImportUploads.IgnoreQueryFilters().AnyAsync(u => u.Id == abandoned))).ShouldBeFalse();
        (await UploadsAsync()).ShouldBe(before - 1);
    }

    [Fact]
    public async Task A_csv_in_two_encodings_is_refused_with_a_message_about_the_encoding()
    {
        var curator = await app.CuratorAsync();
        var before = await UploadsAsync();
        byte[] content = [.. Encoding.UTF8.GetBytes($"ФИО;Должность\r\n{Unique("Юникодова")} Анна Ивановна;Учитель\r\n"),
            .. Encoding.GetEncoding(1251).GetBytes($"{Unique("Виндоусова")} Анна Ивановна;Учитель\r\n")];
        var (preview, action, _) = await PreviewAsync(curator, "mixed.csv", content);
        action.ShouldBeNull();
        preview.ShouldContain("разных кодировках");
        preview.ShouldNotContain("Укажите, где в файле ФИО");
        (await UploadsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_title_row_above_the_header_is_recognised_and_named()
    {
        var curator = await app.CuratorAsync();
        var name = Unique("Заглавнова");
        var file = Xlsx(["Список педагогических работников МБОУ «СОШ № 5» на 01.09.2026", "", ""],
            [null, null, null],
            ["ФИО", "Должность", "Стаж"],
            [$"{name} Ольга Сергеевна", "Учитель химии", 7]);
        var (preview, action, fields) = await PreviewAsync(curator, "school.xlsx", file);
        preview.ShouldContain("Новых педагогов: <strong>1</strong>");
        preview.ShouldContain("заголовок в строке 3");
        (await curator.PostAsync(action, new FormUrlEncodedContent(fields))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDb(db => db.People.IgnoreQueryFilters().SingleAsync(p => p.LastName == name))).ExperienceYears.ShouldBe(7);
    }

    [Fact]
    public async Task The_page_asks_how_far_a_running_commit_is()
    {
        var curator = await app.CuratorAsync();
        var progress = app.Services.GetRequiredService<StaffImportProgress>();
        var id = Guid.NewGuid();
        progress.TryBegin(id).ShouldBeTrue();
        progress.TryBegin(id).ShouldBeFalse();
        progress.Report(id, 500, 1200);
        var running = await curator.GetFromJsonAsync<JsonElement>($"/Staff/Import?handler=Progress&upload={id}");
        (running.GetProperty("running").GetBoolean(), running.GetProperty("done").GetInt32(), running.GetProperty("total").GetInt32()).ShouldBe((true, 500, 1200));
        progress.End(id);
        (await curator.GetFromJsonAsync<JsonElement>($"/Staff/Import?handler=Progress&upload={id}")).GetProperty("running").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task The_sweeper_deletes_abandoned_uploads_of_every_school_and_keeps_fresh_ones()
    {
        var (old, fresh) = await app.WithDb(async db =>
        {
            ImportUpload Upload(int minutesAgo) => new() { Id = Guid.NewGuid(), SchoolId = app.SchoolB, Kind = "forms", UserName = AppFixture.CuratorB, FileName = "f.csv", Content = [1], CreatedAt = DateTime.UtcNow.AddMinutes(-minutesAgo) };
            var (o, f) = (Upload(50), Upload(5));
            db.ImportUploads.AddRange(o, f);
            await db.SaveChangesAsync();
            return (o.Id, f.Id);
        });
        var sweeper = app.Services.GetServices<IHostedService>().OfType<ImportUploadSweeper>().Single();
        (await sweeper.SweepOnceAsync(CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(1);
        var left = await app.WithDb(db => db.ImportUploads.IgnoreQueryFilters().Where(u => u.Id == old || u.Id == fresh).Select(u => u.Id).ToListAsync());
        left.ShouldBe([fresh]);
    }

    [Fact]
    public async Task The_commit_command_refuses_an_unknown_upload_and_a_consumed_one()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        await using (var scope = SignedInScope.Curator(school))
        {
            var importer = scope.Get<StaffImporter>();
            (await importer.CommitAsync(Guid.NewGuid(), null, DuplicateAction.Skip, new Dictionary<int, DuplicateAction>(), CancellationToken.None)).Error
                .ShouldBeRefusal(ErrorKind.NotFound, StaffImporter.UploadNotFoundMessage);
            var csv = Encoding.UTF8.GetBytes($"ФИО\r\n{Unique("Командова")} Анна Ивановна\r\n");
            var id = (await importer.UploadAsync("s.csv", () => new MemoryStream(csv), csv.Length, CancellationToken.None)).Value;
            var first = await importer.CommitAsync(id, null, DuplicateAction.Skip, new Dictionary<int, DuplicateAction>(), CancellationToken.None);
            (first.Value!.Created, first.Value.Summary).ShouldBe((1, "Загрузка завершена: добавлено 1 педагог, обновлено 0, пропущено 0."));
            (await importer.CommitAsync(id, null, DuplicateAction.Skip, new Dictionary<int, DuplicateAction>(), CancellationToken.None)).Error
                .ShouldBeRefusal(ErrorKind.Conflict, StaffImporter.CommittedMessage);
        }
        (await app.WithDb(db => db.People.IgnoreQueryFilters().CountAsync(p => p.SchoolId == school.Id))).ShouldBe(2);
    }
}

[Collection("sqlite")] public sealed class ImportSafetyTests_Sqlite(SqliteApp app) : ImportSafetyTests(app);
[Collection("postgres")] public sealed class ImportSafetyTests_Postgres(PostgresApp app) : ImportSafetyTests(app);

/// <summary>Hand-made .xlsx packages: the smallest workbook ExcelDataReader opens, with a sheet of our choosing.</summary>
public static class TestXlsx
{
    /// <summary>A workbook whose sheet unpacks to <paramref name="unpackedBytes"/> of spaces: about a thousandth of that on disk.</summary>
    public static byte[] Bomb(long unpackedBytes) => Build(sheet =>
    {
        sheet.Write(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"));
        var spaces = new byte[1024 * 1024];
        Array.Fill(spaces, (byte)' ');
        for (long written = 0; written < unpackedBytes; written += spaces.Length) sheet.Write(spaces);
        sheet.Write(Encoding.UTF8.GetBytes("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>ФИО</t></is></c></row></sheetData></worksheet>"));
    });

    /// <summary>A workbook of <paramref name="rows"/> rows, each with a cell in column A and one in column XFD (the last Excel has).</summary>
    public static byte[] Wide(int rows) => Build(sheet =>
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (var r = 1; r <= rows; r++)
            xml.Append($"<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t>Ф{r}</t></is></c><c r=\"XFD{r}\"><v>{r}</v></c></row>");
        sheet.Write(Encoding.UTF8.GetBytes(xml.Append("</sheetData></worksheet>").ToString()));
    });

    private static byte[] Build(Action<Stream> writeSheet)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, true))
        {
            void Text(string path, string text)
            {
                using var s = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
                s.Write(Encoding.UTF8.GetBytes(text));
            }
            Text("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            Text("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Text("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Лист1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Text("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
            writeSheet(sheet);
        }
        return ms.ToArray();
    }
}
