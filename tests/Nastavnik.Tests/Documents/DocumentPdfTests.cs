using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Files;
using Nastavnik.Web.Files.Documents;

namespace Nastavnik.Tests.Documents;

/// <summary>
/// PDF of every document (issue 14, item 11): any .docx download of a page or the API asked with <c>?as=pdf</c> comes as a PDF made
/// by LibreOffice, read back with pdftotext for the declined names and the date; without LibreOffice the pages offer the .docx alone
/// and a PDF request gets a Russian message, never a broken file.
/// </summary>
public abstract class DocumentPdfTests(AppFixture app)
{
    [Fact]
    public async Task A_document_downloads_as_PDF_from_the_page_and_the_API_with_its_declined_names_and_date_and_is_audited()
    {
        var c = await DocumentCase.SeedAsync(app);
        var curator = await c.School.CuratorAsync();
        var page = await curator.GetStringAsync($"/Documents/{c.ProgramId}");
        page.ShouldContain("name=\"as\" value=\"pdf\"", Case.Sensitive, "every .docx form has its «PDF» twin");
        page.ShouldNotContain("data-testid=\"pdf-unavailable\"");
        page.ShouldNotContain("pdf-twin", Case.Sensitive, "the tag helper renders it");

        var order = await curator.GetAsync($"/Documents/{c.ProgramId}?handler=Order&programId={c.ProgramId}&code=order-reward&number=7&date=2026-11-25&as=pdf");
        order.StatusCode.ShouldBe(HttpStatusCode.OK);
        order.Content.Headers.ContentType!.MediaType.ShouldBe(PdfConverter.ContentType);
        order.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("Приказ о поощрении наставников 25.11.2026.pdf");
        var bytes = await order.Content.ReadAsByteArrayAsync();
        "%PDF-"u8.SequenceEqual(bytes.AsSpan(0, 5)).ShouldBeTrue();
        var text = DocumentCase.PdfText(bytes);
        text.ShouldContain("ПРИКАЗЫВАЮ");
        text.ShouldContain(DocumentCase.DayText);
        text.ShouldContain("Ёлкиной Анне Сергеевне", Case.Sensitive, "the reward order names the mentors in the dative");
        text.ShouldContain("Иванову Ивану Петровичу");

        var api = await curator.GetAsync($"/api/v1/programs/{c.ProgramId}/thanks-letters.docx?date=2026-11-25&as=pdf");
        api.StatusCode.ShouldBe(HttpStatusCode.OK);
        api.Content.Headers.ContentType!.MediaType.ShouldBe(PdfConverter.ContentType);
        var letters = DocumentCase.PdfText(await api.Content.ReadAsByteArrayAsync());
        letters.ShouldContain("Уважаемая Анна Сергеевна!");
        letters.ShouldContain("Уважаемый Иван Петрович!");

        var docx = await curator.GetAsync($"/api/v1/programs/{c.ProgramId}/thanks-letters.docx?date=2026-11-25");
        docx.Content.Headers.ContentType!.MediaType.ShouldBe(DocxWriter.ContentType, "without as=pdf the .docx as before");
        var audited = await app.WithDb(db => db.AuditEntries.Where(a => a.SchoolId == c.School.Id && a.EntityType == "Export").Select(a => a.Changes).ToListAsync());
        audited.ShouldContain(a => a.Contains("25.11.2026.pdf", StringComparison.Ordinal) && a.Contains("order-reward", StringComparison.Ordinal));
        audited.ShouldContain(a => a.Contains("Благодарственные письма наставникам 25.11.2026.pdf", StringComparison.Ordinal));

        var teacher = await c.School.TeacherAsync(0);
        (await teacher.GetAsync($"/api/v1/programs/{c.ProgramId}/thanks-letters.docx?as=pdf")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Without_LibreOffice_the_pages_offer_the_docx_alone_and_a_PDF_request_gets_a_Russian_message()
    {
        var c = await DocumentCase.SeedAsync(app);
        await using var host = app.WithWebHostBuilder(b => b.UseSetting("Documents:LibreOffice", "/nonexistent/soffice"));
        var curator = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await curator.GetStringAsync("/Account/Login");
        (await curator.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = c.School.Curator, ["Input.Password"] = TestSchool.Password, ["__RequestVerificationToken"] = Html.Token(login),
        }))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var pageUrl = $"/Documents/{c.ProgramId}";
        var page = await curator.GetStringAsync(pageUrl);
        page.ShouldNotContain("value=\"pdf\"");
        page.ShouldNotContain("pdf-twin");
        page.ShouldContain("PDF недоступен: на сервере не установлен LibreOffice. Скачайте документ в формате .docx.");
        page.ShouldContain("Скачать .docx");

        var url = $"/Documents/{c.ProgramId}?handler=Order&programId={c.ProgramId}&code=order-reward&date=2026-11-25";
        using var request = new HttpRequestMessage(HttpMethod.Get, url + "&as=pdf");
        request.Headers.Referrer = new Uri(curator.BaseAddress!, pageUrl);
        var refused = await curator.SendAsync(request);
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect, "back to the page, not a broken file");
        refused.Headers.Location!.OriginalString.ShouldBe(pageUrl);
        (await curator.GetStringAsync(pageUrl)).ShouldContain("data-testid=\"file-error\"");

        var api = await curator.GetAsync($"/api/v1/programs/{c.ProgramId}/thanks-letters.docx?as=pdf");
        api.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await api.Content.ReadAsStringAsync()).ShouldContain("на сервере не установлен LibreOffice");
        var docx = await curator.GetAsync(url);
        docx.StatusCode.ShouldBe(HttpStatusCode.OK);
        DocumentCase.Paragraphs(await docx.Content.ReadAsByteArrayAsync()).ShouldContain(p => p.Contains(DocumentCase.DayText, StringComparison.Ordinal));
    }
}

[Collection("sqlite")] public sealed class DocumentPdfTests_Sqlite(SqliteApp app) : DocumentPdfTests(app);
[Collection("postgres")] public sealed class DocumentPdfTests_Postgres(PostgresApp app) : DocumentPdfTests(app);
