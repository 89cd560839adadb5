using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Tests.Matching;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Documents;
using Nastavnik.Web.Features.Matching;
using Nastavnik.Web.Files;

namespace Nastavnik.Tests.Documents;

using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

/// <summary>
/// A program's orders (issue 14, item 1) on the approved round of <see cref="MatchingCase"/> (mentors T0, T1 and T4), with T5
/// «Смирнов Сергей Юрьевич» as the curator, a two-event roadmap and the pair T0 → T1 completed: each order opened back with the Open XML
/// SDK and read as a school would — the date «05» октября 2026 г., the number, «ПРИКАЗЫВАЮ», names declined where the sentence needs
/// them, the tables and the sheet of readers; the refusals; the page and the API for managers only.
/// </summary>
public abstract class ProgramOrdersTests(AppFixture app)
{
    private static readonly DateOnly Day = new(2026, 10, 5);

    private async Task<MatchingCase> ProgramAsync()
    {
        var c = await MatchingCase.SeedAsync(app);
        await using (var s = SignedInScope.Curator(c.School))
        {
            var w = s.Get<MatchingWorkflow>();
            var run = (await w.RunAsync(c.ProgramId, false, c.School.Curator)).Value!;
            (await w.ApproveAsync(c.ProgramId, run.Id, false, c.School.Curator)).Value!.Outcome.ShouldBe(ApprovalOutcome.Approved);
        }
        await app.WithDb(async db =>
        {
            var curator = await db.People.SingleAsync(p => p.Id == c.P(5));
            curator.Position = "Заместитель директора по УВР";
            db.ProgramCurators.Add(new ProgramCurator { SchoolId = c.School.Id, ProgramId = c.ProgramId, PersonId = c.P(5) });
            var stage = new RoadmapStage { SchoolId = c.School.Id, ProgramId = c.ProgramId, Title = "Основной этап", SortOrder = 1 };
            stage.Events.Add(new RoadmapEvent { SchoolId = c.School.Id, ProgramId = c.ProgramId, Title = "Диагностика профессиональных дефицитов", Timing = "сентябрь", ResponsibleText = "куратор", SortOrder = 1 });
            stage.Events.Add(new RoadmapEvent { SchoolId = c.School.Id, ProgramId = c.ProgramId, Title = "Итоговая конференция наставников", DueDate = new(2027, 5, 15), ResponsiblePersonId = c.P(2), SortOrder = 2 });
            db.RoadmapStages.Add(stage);
            var indicator = new ProgramIndicator { SchoolId = c.School.Id, ProgramId = c.ProgramId, Code = "coverage", Name = "Доля педагогов в наставнических парах" };
            indicator.Targets.Add(new IndicatorTarget { SchoolId = c.School.Id, Year = 2027, Value = 50 });
            db.ProgramIndicators.Add(indicator);
            return await db.SaveChangesAsync();
        });
        return c;
    }

    private Task<CommandResult<Nastavnik.Web.Features.Pairs.DocumentFile>> OrderAsync(MatchingCase c, string code, string? number = "12-о") =>
        As(SignedInScope.Curator(c.School), s => s.Get<ProgramOrders>().OrderAsync(c.ProgramId, code, number, Day));

    private static async Task<T> As<T>(SignedInScope scope, Func<SignedInScope, Task<T>> action)
    {
        await using (scope) return await action(scope);
    }

    [Fact]
    public async Task Every_order_is_filled_from_the_program_with_the_Russian_date_declined_names_its_tables_and_the_sheet_of_readers()
    {
        var c = await ProgramAsync();
        var school = await app.WithDb(db => db.Organizations.Where(o => o.Id == c.School.Id).Select(o => o.Name).FirstAsync());

        (await OrderAsync(c, "order-reward")).Error.ShouldBeRefusal(ErrorKind.Invalid, "Ни одна пара программы не завершила работу: поощрять по итогам пока некого.");
        (await OrderAsync(c, "order-unknown")).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        await app.WithDb(db => db.MentoringPairs.Where(p => p.ProgramId == c.ProgramId && p.MentorId == c.P(0))
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PairStatus.Completed)));

        var files = new Dictionary<string, Doc>();
        foreach (var t in ProgramOrders.All)
        {
            var file = (await OrderAsync(c, t.Code)).Value!;
            file.FileName.ShouldStartWith("Приказ о");
            file.FileName.ShouldEndWith(" 05.10.2026.docx");
            var doc = Doc.Read(file.Bytes);
            doc.Paragraphs[0].ShouldBe(school);
            doc.Paragraphs.ShouldContain("ПРИКАЗ");
            doc.Paragraphs.ShouldContain("«05» октября 2026 г.№ 12-о");
            doc.Paragraphs.ShouldContain("ПРИКАЗЫВАЮ:");
            doc.Paragraphs.ShouldContain("С приказом ознакомлены:");
            doc.Paragraphs.ShouldNotContain(p => p.Contains("{{", StringComparison.Ordinal));
            files[t.Code] = doc;
        }

        var curator = "Смирнов Сергей Юрьевич";
        files["order-target-model"].Paragraphs.ShouldContain("4. Назначить куратором (кураторами) внедрения целевой модели наставничества Смирнова Сергея Юрьевича (заместитель директора по УВР).");
        files["order-target-model"].Readers.ShouldBe([curator]);
        files["order-curator"].Paragraphs.ShouldContain("1. Назначить куратором (кураторами) программы наставничества «Программа наставничества 2026/2027» на период с 01.09.2026 по 30.06.2027 Смирнова Сергея Юрьевича (заместитель директора по УВР).");

        var roadmap = files["order-program"];
        roadmap.Paragraphs.ShouldContain("3. Куратору программы Смирнову Сергею Юрьевичу организовать выполнение мероприятий дорожной карты в установленные сроки.");
        roadmap.Table(0).ShouldBe([
            ["№", "Этап", "Мероприятие", "Сроки", "Ответственный"],
            ["1", "Основной этап", "Диагностика профессиональных дефицитов", "сентябрь", "куратор"],
            ["2", "Основной этап", "Итоговая конференция наставников", "15.05.2027", c.Name(2)],
        ]);

        var mentors = files["order-mentors"].Table(0);
        mentors.Select(r => r[1]).ShouldBe(["Наставник", c.Name(0), c.Name(4), c.Name(1)], "every mentor once, in alphabetical order");
        mentors[2][3].Split('\n').Length.ShouldBe(1, "the group's mentor has one topic");
        files["order-mentors"].Readers.ShouldBe([c.Name(0), c.Name(4), c.Name(1), curator]);

        files["order-final-event"].Paragraphs.ShouldContain("1. Провести итоговое мероприятие программы наставничества: Итоговая конференция наставников (15.05.2027).");
        files["order-final-event"].Paragraphs.ShouldContain("2. Назначить ответственным за подготовку и проведение мероприятия: Соловьёва Мария Олеговна (учитель).");
        files["order-final-event"].Readers.ShouldBe([curator, c.Name(2)]);

        var results = files["order-results"];
        var mentees = await app.WithDb(db => db.MentoringPairs.Where(p => p.ProgramId == c.ProgramId).Select(p => p.MenteeId).Distinct().CountAsync());
        results.Paragraphs.ShouldContain(p => p.Contains($"наставнических пар (наставник — наставляемый) — 5, из них завершили работу — 1, завершили досрочно — 0, продолжают работу — 4; наставников — 3, наставляемых — {mentees}.", StringComparison.Ordinal));
        var coverage = results.Table(0).Single(r => r[1] == "Доля педагогов в наставнических парах");
        coverage[2].ShouldBe("50 %");
        coverage[3].ShouldNotBe("—", "the coverage is computed from the pairs");

        var reward = files["order-reward"].Table(0);
        reward.Count.ShouldBe(2, "only the mentor of the completed pair");
        reward[1][1].ShouldBe("Ёлкиной Анне Сергеевне");
        reward[1][3].ShouldBe(c.Name(1));

        await app.WithDb(db => db.MentoringPairs.Where(p => p.ProgramId == c.ProgramId && p.MentorId == c.P(1))
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, PairStatus.Completed)));
        var thanks = (await As(SignedInScope.Curator(c.School), s => s.Get<ProgramOrders>().ThanksAsync(c.ProgramId, Day))).Value!;
        thanks.FileName.ShouldBe("Благодарственные письма наставникам 05.10.2026.docx");
        var letters = Doc.Read(thanks.Bytes).Paragraphs;
        letters.Count(p => p == "БЛАГОДАРСТВЕННОЕ ПИСЬМО").ShouldBe(2, "a letter per mentor of a completed pair");
        letters.IndexOf("Уважаемая Анна Сергеевна!").ShouldBeLessThan(letters.IndexOf("Уважаемый Пётр Ильич!"), "in alphabetical order");
        letters.ShouldContain(p => p.StartsWith("Администрация " + school + " выражает Вам искреннюю благодарность", StringComparison.Ordinal));
        letters.ShouldContain($"Темы наставничества: {TopicOf(files["order-mentors"], c.Name(0))}. Наставляемые: {c.Name(1)}.");
        letters.Count(p => p == "«05» октября 2026 г.").ShouldBe(2);

        var blank = Doc.Read((await OrderAsync(c, "order-curator", " ")).Value!.Bytes);
        blank.Paragraphs.ShouldContain("«05» октября 2026 г.№ __________");
    }

    [Fact]
    public async Task Only_the_programs_managers_get_its_orders_from_the_page_and_the_API_and_each_download_is_audited()
    {
        var c = await ProgramAsync();
        var curator = await c.School.CuratorAsync();
        var page = await curator.GetStringAsync($"/Documents/{c.ProgramId}");
        foreach (var t in ProgramOrders.All) page.ShouldContain($"data-testid=\"order-{t.Code}\"");
        var download = await curator.GetAsync($"/Documents/{c.ProgramId}?handler=Order&programId={c.ProgramId}&code=order-mentors&number=7&date=2026-10-05");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        Doc.Read(await download.Content.ReadAsByteArrayAsync()).Paragraphs.ShouldContain("«05» октября 2026 г.№ 7");

        var kinds = (await curator.GetFromJsonAsync<List<DocumentsApi.OrderKindDto>>($"/api/v1/programs/{c.ProgramId}/orders"))!;
        kinds.Select(k => k.Code).ShouldBe(ProgramOrders.All.Select(t => t.Code));
        var api = await curator.GetAsync(kinds.Single(k => k.Code == "order-curator").Url + "?number=8&date=2026-10-05");
        api.StatusCode.ShouldBe(HttpStatusCode.OK);
        api.Content.Headers.ContentType!.MediaType.ShouldBe(DocxWriter.ContentType);
        var audited = await app.WithDb(db => db.AuditEntries.Where(a => a.SchoolId == c.School.Id && a.EntityType == "Export").Select(a => a.Changes).ToListAsync());
        audited.ShouldContain(a => a.Contains("order-mentors", StringComparison.Ordinal));
        audited.ShouldContain(a => a.Contains("order-curator.docx", StringComparison.Ordinal));
        (await curator.GetAsync($"/api/v1/programs/{c.ProgramId}/thanks-letters.docx")).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "no pair has completed yet");

        var teacher = await c.School.TeacherAsync(0);
        (await teacher.GetAsync($"/api/v1/programs/{c.ProgramId}/orders/order-mentors.docx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var teacherPage = await teacher.GetAsync($"/Documents/{c.ProgramId}?handler=Order&programId={c.ProgramId}&code=order-mentors");
        teacherPage.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        var other = await app.NewSchoolAsync(teachers: 1);
        var otherCurator = await other.CuratorAsync();
        (await otherCurator.GetAsync($"/api/v1/programs/{c.ProgramId}/orders/order-mentors.docx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherCurator.GetAsync($"/Documents/{c.ProgramId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_consent_form_is_filled_with_the_teachers_name_and_the_school_for_the_managers_of_that_school_only()
    {
        var school = await app.NewSchoolAsync(teachers: 2);
        var person = school.Teachers[0].PersonId;
        var curator = await school.CuratorAsync();
        var response = await curator.GetAsync($"/Documents/Consent/{person}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var name = await app.WithDb(db => db.Organizations.Where(o => o.Id == school.Id).Select(o => o.Name).FirstAsync());
        var doc = Doc.Read(await response.Content.ReadAsByteArrayAsync());
        doc.Paragraphs.ShouldContain("СОГЛАСИЕ НА ОБРАБОТКУ ПЕРСОНАЛЬНЫХ ДАННЫХ");
        doc.Paragraphs.ShouldContain(p => p.StartsWith("Я, Ёлкина Анна Сергеевна, учитель, паспорт серия ______", StringComparison.Ordinal));
        doc.Paragraphs.ShouldContain(p => p.Contains($"даю согласие оператору — {name} — на обработку", StringComparison.Ordinal));
        doc.Paragraphs.ShouldContain(p => p.StartsWith('«') && p.EndsWith(" г.", StringComparison.Ordinal), "the date as «30» ноября 2026 г.");

        (await (await school.TeacherAsync(1)).GetAsync($"/Documents/Consent/{person}")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        var other = await app.NewSchoolAsync(teachers: 1);
        (await (await other.AdminAsync()).GetAsync($"/Documents/Consent/{person}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static string TopicOf(Doc mentorsOrder, string mentor) => mentorsOrder.Table(0).Single(r => r[1] == mentor)[3];

    /// <summary>A .docx read back: its body's paragraphs, its tables as rows of cell texts, and the sheet «С приказом ознакомлены».</summary>
    private sealed record Doc(List<string> Paragraphs, List<List<List<string>>> Tables)
    {
        public List<List<string>> Table(int i) => Tables[i];
        public List<string> Readers => Tables[^1].Skip(1).Select(r => r[0]).ToList();

        public static Doc Read(byte[] bytes)
        {
            using var stream = new MemoryStream(bytes);
            using var doc = WordprocessingDocument.Open(stream, false);
            var body = doc.MainDocumentPart!.Document.Body!;
            return new Doc(body.Elements<Paragraph>().Select(p => p.InnerText).ToList(),
                body.Elements<Table>().Select(t => t.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(Cell).ToList()).ToList()).ToList());
        }

        private static string Cell(TableCell cell) => string.Join("\n", cell.Elements<Paragraph>().Select(p =>
            string.Concat(p.Descendants().Select(e => e switch { Text t => t.Text, Break => "\n", _ => "" }))));
    }
}

[Collection("sqlite")] public sealed class ProgramOrdersTests_Sqlite(SqliteApp app) : ProgramOrdersTests(app);
[Collection("postgres")] public sealed class ProgramOrdersTests_Postgres(PostgresApp app) : ProgramOrdersTests(app);
