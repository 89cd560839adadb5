using System.Net;
using System.Net.Http.Headers;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Documents;
using Nastavnik.Web.Files.Documents;

namespace Nastavnik.Tests.Documents;

using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

/// <summary>
/// Templates a school can change (issue 14, item 7): a school's own .docx, typed in Word (a placeholder split across runs), uploaded
/// on the page and used by the next order of that school only; every broken template refused with the problem named and nothing
/// stored; a stored template that no longer fills gives a Russian refusal; back to the default; teachers kept out.
/// </summary>
public abstract class SchoolTemplateTests(AppFixture app)
{
    /// <summary>A .docx as Word writes one: paragraphs of runs (each string a run) and an optional table of one row of cells.</summary>
    private static byte[] Docx(string[][] paragraphs, string[]? row = null)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var body = new Body(paragraphs.Select(runs => new Paragraph(runs.Select(r => new Run(new Text(r) { Space = SpaceProcessingModeValues.Preserve })))));
            if (row is not null) body.Append(new Table(new TableRow(row.Select(cell => new TableCell(new Paragraph(new Run(new Text(cell))))))));
            doc.AddMainDocumentPart().Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static readonly byte[] Good = Docx(
        [["ПРИКАЗ ПО ШКОЛЕ (СВОЙ БЛАНК)"], ["№ ", "{{При", "каз.Но", "мер}}", " от {{Приказ.Дата}}"], ["Поощрить: {{Кураторы.Кому}}"]],
        ["{{#Педагоги}}{{Педагоги.Кому}}", "{{Педагоги.Наставляемые}}{{/Педагоги}}"]);

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string code, byte[] bytes, string fileName, int? version = null)
    {
        var page = await client.GetStringAsync("/Documents/Templates");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(code), "code" }, { new StringContent(Html.Token(page)), "__RequestVerificationToken" },
        };
        if (version is not null) form.Add(new StringContent(version.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), "version");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/Documents/Templates?handler=Upload", form);
    }

    [Fact]
    public async Task A_schools_own_template_uploaded_on_the_page_prints_its_next_order_and_another_school_keeps_the_default()
    {
        var c = await DocumentCase.SeedAsync(app);
        var curator = await c.School.CuratorAsync();
        var upload = await UploadAsync(curator, "order-reward", Good, "Мой приказ.docx");
        upload.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = Html.Parse(await curator.GetStringAsync("/Documents/Templates"));
        page.QuerySelector("[data-testid=template-order-reward] [data-testid=own]")!.TextContent.ShouldContain("Мой приказ.docx");
        page.QuerySelector("[data-testid=template-order-mentors] [data-testid=default]").ShouldNotBeNull();
        page.QuerySelector("[data-testid=template-order-reward]")!.TextContent.ShouldContain("{{Педагоги.Кому}}", Case.Sensitive, "the placeholders listed");

        var order = await curator.GetAsync($"/Documents/{c.ProgramId}?handler=Order&programId={c.ProgramId}&code=order-reward&number=15-о&date=2026-11-25");
        var text = DocumentCase.Paragraphs(await order.Content.ReadAsByteArrayAsync());
        text.ShouldContain("ПРИКАЗ ПО ШКОЛЕ (СВОЙ БЛАНК)");
        text.ShouldContain($"№ 15-о от {DocumentCase.DayText}", "the placeholder Word split across runs is filled");
        text.ShouldContain("Ёлкиной Анне Сергеевне");
        text.ShouldContain("Иванову Ивану Петровичу");
        (await curator.GetByteArrayAsync("/Documents/Templates?handler=Current&code=order-reward")).ShouldBe(Good);

        var other = await DocumentCase.SeedAsync(app);
        var otherOrder = await (await other.School.CuratorAsync()).GetAsync($"/Documents/{other.ProgramId}?handler=Order&programId={other.ProgramId}&code=order-reward&date=2026-11-25");
        DocumentCase.Paragraphs(await otherOrder.Content.ReadAsByteArrayAsync()).ShouldNotContain("ПРИКАЗ ПО ШКОЛЕ (СВОЙ БЛАНК)");

        var version = await app.WithDb(db => db.SchoolTemplates.Where(t => t.SchoolId == c.School.Id).Select(t => t.Version).SingleAsync());
        (await UploadAsync(curator, "order-reward", Good, "Второй.docx", version + 1)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await curator.GetStringAsync("/Documents/Templates")).ShouldContain("только что изменил другой пользователь", Case.Sensitive, "a stale version is not overwritten");
        var reset = await curator.PostFormAsync("/Documents/Templates", "/Documents/Templates?handler=Reset",
            new() { ["code"] = "order-reward", ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var audited = await app.WithDb(db => db.AuditEntries.Where(a => a.SchoolId == c.School.Id && a.EntityType == "SchoolTemplate").Select(a => a.Action + " " + a.Changes).ToListAsync());
        audited.ShouldContain(a => a.StartsWith("upload", StringComparison.Ordinal) && a.Contains("Мой приказ.docx", StringComparison.Ordinal));
        audited.ShouldContain(a => a.StartsWith("reset", StringComparison.Ordinal) && a.Contains("order-reward", StringComparison.Ordinal));
        var back = await curator.GetAsync($"/Documents/{c.ProgramId}?handler=Order&programId={c.ProgramId}&code=order-reward&date=2026-11-25");
        DocumentCase.Paragraphs(await back.Content.ReadAsByteArrayAsync()).ShouldContain("ПРИКАЗЫВАЮ:", "the default again");

        var teacher = await c.School.TeacherAsync(0);
        (await teacher.GetAsync("/Documents/Templates")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        (await UploadAsync(curator, "order-reward", Good, "x.docx")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var teacherUpload = await teacher.PostAsync("/Documents/Templates?handler=Upload", new MultipartFormDataContent());
        teacherUpload.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Each_broken_template_is_refused_with_its_problem_named_and_nothing_stored()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        async Task<string> Refusal(byte[] bytes, string name = "шаблон.docx")
        {
            await using var s = SignedInScope.Curator(school);
            var result = await s.Get<TemplateStore>().UploadAsync("order-reward", name, bytes, null, "curator");
            result.Error!.Kind.ShouldBe(ErrorKind.Invalid);
            return result.Error.FullText;
        }
        (await Refusal(Good, "шаблон.doc")).ShouldBe("Файл «шаблон.doc» не является документом Word (.docx): сохраните шаблон в Word как «Документ Word (.docx)» и загрузите снова.");
        (await Refusal("это не документ"u8.ToArray())).ShouldContain("Шаблон не является документом Word (.docx)");
        (await Refusal(Docx([["Адрес: {{Школа.", "Адрес}}"]]))).ShouldStartWith("Шаблон не принят: В шаблоне неизвестное поле {{Школа.Адрес}}.");
        (await Refusal(Docx([["№ {{Приказ.Номер"]]))).ShouldContain("незакрытое или лишнее «{{» или «}}» в абзаце «№ {{Приказ.Номер»");
        (await Refusal(Docx([["{{#Педагоги}}{{Педагоги.ФИО}}{{/Педагоги}}"]]))).ShouldContain("Список {{#Педагоги}} стоит вне строки таблицы");
        (await Refusal(Docx([["{{Педагоги.ФИО}}"]]))).ShouldContain("Поле {{Педагоги.ФИО}} стоит вне строки таблицы с {{#Педагоги}}");
        (await app.WithDb(db => db.SchoolTemplates.CountAsync(t => t.SchoolId == school.Id))).ShouldBe(0);

        foreach (var t in DocumentTemplates.All)
            Should.NotThrow(() => DocxTemplate.Fill(t.BuildDefault(), DocumentTemplates.Sample(t)), $"the default of {t.Code} uses only its listed fields");
        DocumentTemplates.All.Select(t => t.Code).ShouldBeUnique();
    }

    [Fact]
    public async Task A_stored_template_that_no_longer_fills_gives_a_Russian_refusal_and_never_a_broken_file()
    {
        var c = await DocumentCase.SeedAsync(app);
        // Stored before a generator stopped giving a field (here: written straight to the database, past the upload's check).
        await app.WithDb(db =>
        {
            db.SchoolTemplates.Add(new SchoolTemplate
            {
                SchoolId = c.School.Id, Code = "thanks-letter", Content = Docx([["{{Наставник.Стаж}}"]]), FileName = "старый.docx", UploadedBy = "curator",
            });
            return db.SaveChangesAsync();
        });
        var curator = await c.School.CuratorAsync();
        var api = await curator.GetAsync($"/api/v1/programs/{c.ProgramId}/thanks-letters.docx");
        api.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await api.Content.ReadAsStringAsync()).ShouldContain("Шаблон школы «Благодарственные письма наставникам» не заполняется: В шаблоне неизвестное поле {{Наставник.Стаж}}.");
        var page = await curator.GetAsync($"/Documents/{c.ProgramId}?handler=Thanks&programId={c.ProgramId}");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await curator.GetStringAsync(page.Headers.Location!.OriginalString)).ShouldContain("верните стандартный на странице «Шаблоны документов»");
    }
}

[Collection("sqlite")] public sealed class SchoolTemplateTests_Sqlite(SqliteApp app) : SchoolTemplateTests(app);
[Collection("postgres")] public sealed class SchoolTemplateTests_Postgres(PostgresApp app) : SchoolTemplateTests(app);
