using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Documents;
using Nastavnik.Web.Files.Documents;

namespace Nastavnik.Tests.Documents;

/// <summary>
/// Certificates to the mentors of completed pairs and letters of thanks to a program's social partners (issue 14, item 6), opened
/// back: one page each, names declined («выдан Ёлкиной Анне Сергеевне», «Уважаемый Иван Петрович!»), the pairs' outcome, the date
/// «25» ноября 2026 г.; the partners kept by the curator on their page with a version token; PDF through the common path.
/// </summary>
public abstract class AwardsTests(AppFixture app)
{
    [Fact]
    public async Task Each_mentor_of_completed_pairs_gets_a_certificate_page_with_the_program_year_topics_and_outcome_also_as_PDF()
    {
        var c = await DocumentCase.SeedAsync(app);
        var curator = await c.School.CuratorAsync();
        var response = await curator.GetAsync($"/Documents/{c.ProgramId}?handler=Certificates&programId={c.ProgramId}&date=2026-11-25");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("Сертификаты наставников 25.11.2026.docx");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = DocumentCase.Paragraphs(bytes);
        text.Count(p => p == "СЕРТИФИКАТ НАСТАВНИКА").ShouldBe(2, "a page per mentor of a completed pair");
        text.IndexOf("Ёлкиной Анне Сергеевне").ShouldBeLessThan(text.IndexOf("Иванову Ивану Петровичу"), "in alphabetical order");
        text.ShouldContain("за успешную работу наставника в программе наставничества «Программа наставничества 2026/2027» в 2026/2027 учебном году.");
        text.ShouldContain($"Темы наставничества: {c.TopicNames["MET-01"]}.", "only the completed pair's topic, not the live ICT-02");
        var rows = Tables(bytes);
        rows[0].ShouldBe([["Наставляемый", "Направление и тема", "Итог"], [c.Name(1), c.TopicNames["MET-01"], "работа завершена 20.05.2027; открытый урок проведён"]]);
        rows[1].ShouldBe([["Наставляемый", "Направление и тема", "Итог"], [c.Name(2), c.TopicNames["ICT-01"], "работа завершена 20.05.2027"]]);
        text.Count(p => p == DocumentCase.DayText).ShouldBe(2);

        var pdf = await curator.GetAsync($"/Documents/{c.ProgramId}?handler=Certificates&programId={c.ProgramId}&date=2026-11-25&as=pdf");
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe(PdfConverter.ContentType);
        var pdfText = DocumentCase.PdfText(await pdf.Content.ReadAsByteArrayAsync());
        pdfText.ShouldContain("СЕРТИФИКАТ НАСТАВНИКА");
        pdfText.ShouldContain("Ёлкиной Анне Сергеевне");
        pdfText.ShouldContain(DocumentCase.DayText);

        var api = await curator.GetAsync($"/api/v1/programs/{c.ProgramId}/certificates.docx?date=2026-11-25");
        api.StatusCode.ShouldBe(HttpStatusCode.OK);
        DocumentCase.Paragraphs(await api.Content.ReadAsByteArrayAsync()).ShouldContain("Иванову Ивану Петровичу");
        (await (await c.School.TeacherAsync(0)).GetAsync($"/api/v1/programs/{c.ProgramId}/certificates.docx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var empty = await app.NewSchoolAsync(teachers: 1);
        var (emptyProgram, _) = await empty.OpenRoundAsync(withRound: false);
        await using var s = SignedInScope.Curator(empty);
        (await s.Get<Awards>().CertificatesAsync(emptyProgram, DocumentCase.Day)).Error
            .ShouldBeRefusal(ErrorKind.Invalid, "Ни одна пара программы не завершила работу: сертификаты выдавать пока некому.");
    }

    [Fact]
    public async Task The_curator_keeps_the_programs_partners_and_each_partners_head_gets_a_letter_addressed_by_name_and_patronymic()
    {
        var c = await DocumentCase.SeedAsync(app);
        var curator = await c.School.CuratorAsync();
        var url = $"/Documents/Partners/{c.ProgramId}";
        (await curator.GetAsync($"/Documents/{c.ProgramId}?handler=PartnerLetters&programId={c.ProgramId}")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "no partners yet");
        Dictionary<string, string> Form(string org, string head, string position, string contribution) => new()
        {
            ["Input.Organization"] = org, ["Input.Head"] = head, ["Input.HeadPosition"] = position, ["Input.Contribution"] = contribution,
        };
        var refused = await curator.PostFormAsync(url, url + "?handler=Add", Form("ГАУ ДПО «Институт развития образования»", "Сидоров", "ректор", "стажировка"));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Укажите руководителя полностью: «Фамилия Имя Отчество» (отчество — если есть).");
        (await curator.PostFormAsync(url, url + "?handler=Add", Form("ГАУ ДПО «Институт развития образования»", "Сидоров Иван Петрович", "Ректор",
            "Провели стажировку наставников на базе института"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await curator.PostFormAsync(url, url + "?handler=Add", Form("МБУК «Городская библиотека»", "Орлова Елена Викторовна", "",
            "Предоставили зал для итоговой конференции"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var partners = await app.WithDb(db => db.ProgramPartners.Where(p => p.ProgramId == c.ProgramId).OrderBy(p => p.Id).ToListAsync());
        partners.Select(p => (p.HeadLastName, p.HeadFirstName, p.HeadMiddleName)).ShouldBe([("Сидоров", "Иван", "Петрович"), ("Орлова", "Елена", "Викторовна")]);

        var letters = await curator.GetAsync($"/Documents/{c.ProgramId}?handler=PartnerLetters&programId={c.ProgramId}&date=2026-11-25");
        letters.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = DocumentCase.Paragraphs(await letters.Content.ReadAsByteArrayAsync());
        text.Count(p => p == "БЛАГОДАРСТВЕННОЕ ПИСЬМО").ShouldBe(2);
        text.ShouldContain("Уважаемый Иван Петрович!");
        text.ShouldContain("Уважаемая Елена Викторовна!");
        text.ShouldContain("Сидорову Ивану Петровичу");
        text.ShouldContain(p => p.Contains("коллективу ГАУ ДПО «Институт развития образования» искреннюю благодарность", StringComparison.Ordinal)
            && p.EndsWith("в 2026/2027 учебном году: провели стажировку наставников на базе института.", StringComparison.Ordinal));
        text.Count(p => p == DocumentCase.DayText).ShouldBe(2);

        var api = await curator.GetAsync($"/api/v1/programs/{c.ProgramId}/partner-letters.docx?date=2026-11-25&as=pdf");
        DocumentCase.PdfText(await api.Content.ReadAsByteArrayAsync()).ShouldContain("Уважаемая Елена Викторовна!");

        var first = partners[0];
        var stale = Form("ГАУ ДПО ИРО", "Сидоров Иван Петрович", "Ректор", "Стажировка");
        stale["version"] = (first.Version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var staleSave = await curator.PostFormAsync(url, $"{url}?handler=Update&id={first.Id}", stale);
        (await staleSave.Content.ReadAsStringAsync()).ShouldContain("Запись о партнёре только что изменил другой пользователь.");
        (await app.WithDb(db => db.ProgramPartners.SingleAsync(p => p.Id == first.Id))).Organization.ShouldBe("ГАУ ДПО «Институт развития образования»");

        var teacher = await c.School.TeacherAsync(0);
        (await teacher.GetAsync(url)).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        var other = await app.NewSchoolAsync(teachers: 1);
        (await (await other.CuratorAsync()).GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>Each table of the body as rows of cell texts.</summary>
    private static List<List<List<string>>> Tables(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        return doc.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>()
            .Select(t => t.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Select(r => r.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>()
                .Select(cell => cell.InnerText).ToList()).ToList()).ToList();
    }
}

[Collection("sqlite")] public sealed class AwardsTests_Sqlite(SqliteApp app) : AwardsTests(app);
[Collection("postgres")] public sealed class AwardsTests_Postgres(PostgresApp app) : AwardsTests(app);
