using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Tests.Matching;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Documents;
using Nastavnik.Web.Features.Matching;

namespace Nastavnik.Tests.Documents;

/// <summary>
/// The register of orders and the acknowledgement (issue 14, item 2) on the approved pairs of <see cref="MatchingCase"/>: the order fixing
/// the pairs registered with the school's number (a number once a calendar year), its .docx frozen, signed with a scan; the teachers it
/// concerns confirm on their home page, nobody else sees it, and the sheet opened back names each with the time or a blank line.
/// </summary>
public abstract class OrderRegisterTests(AppFixture app)
{
    private static readonly DateOnly Day = new(2026, 10, 5);
    private static readonly System.Text.Json.JsonSerializerOptions Json =
        new(System.Text.Json.JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private async Task<MatchingCase> PairsAsync()
    {
        var c = await MatchingCase.SeedAsync(app);
        await using var s = SignedInScope.Curator(c.School);
        var w = s.Get<MatchingWorkflow>();
        var run = (await w.RunAsync(c.ProgramId, false, c.School.Curator)).Value!;
        (await w.ApproveAsync(c.ProgramId, run.Id, false, c.School.Curator)).Value!.Outcome.ShouldBe(ApprovalOutcome.Approved);
        await app.WithDb(db => db.Organizations.Where(o => o.Id == c.School.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.DirectorName, "Петрова Ольга Ивановна").SetProperty(o => o.DirectorPosition, "Директор")));
        return c;
    }

    private static async Task<T> AsCurator<T>(MatchingCase c, Func<SignedInScope, Task<T>> action)
    {
        await using var s = SignedInScope.Curator(c.School);
        return await action(s);
    }

    private static RegisterOrderInput Input(string number, DateOnly date) =>
        new() { Code = "pairs-order", Number = number, Date = date, SignerName = "Соколов Андрей Павлович", SignerPosition = "Исполняющий обязанности директора" };

    /// <summary>The people of the approved pairs: mentors and mentees.</summary>
    private Task<List<int>> PairPeopleAsync(MatchingCase c) => app.WithDb(async db =>
        (await db.MentoringPairs.Where(p => p.ProgramId == c.ProgramId).Select(p => new { p.MentorId, p.MenteeId }).ToListAsync())
            .SelectMany(p => new[] { p.MentorId, p.MenteeId }).Distinct().Order().ToList());

    [Fact]
    public async Task A_number_is_refused_twice_in_a_calendar_year_and_the_registered_docx_stays_as_it_was_registered()
    {
        var c = await PairsAsync();
        var order = (await AsCurator(c, s => s.Get<OrderRegister>().RegisterAsync(c.ProgramId, Input("12-о", Day)))).Value!;
        order.Status.ShouldBe(RegisteredOrderStatus.Draft);
        (order.SignerName, order.SignerPosition).ShouldBe(("Соколов Андрей Павлович", "Исполняющий обязанности директора"));
        var people = await PairPeopleAsync(c);
        (await app.WithDb(db => db.OrderAcknowledgements.Where(a => a.OrderId == order.Id).Select(a => a.PersonId).OrderBy(x => x).ToListAsync()))
            .ShouldBe(people, "everyone on the order's sheet «Ознакомлены» gets an acknowledgement");

        (await AsCurator(c, s => s.Get<OrderRegister>().RegisterAsync(c.ProgramId, Input(" 12-о ", new(2026, 12, 1))))).Error.ShouldBeRefusal(ErrorKind.Conflict,
            "Приказ № 12-о в 2026 году уже зарегистрирован: номера приказов в течение календарного года не повторяются. Укажите другой номер.");
        (await AsCurator(c, s => s.Get<OrderRegister>().RegisterAsync(c.ProgramId, Input("12-о", new(2027, 1, 11))))).Ok.ShouldBeTrue("a new year starts the numbering again");
        (await AsCurator(c, s => s.Get<OrderRegister>().RegisterAsync(c.ProgramId, new RegisterOrderInput { Code = "pairs-order", Date = Day })))
            .Error.ShouldBeRefusal(ErrorKind.Invalid, "Приказ не зарегистрирован.", "Укажите номер приказа по журналу регистрации школы.");

        // A mentor renamed after registration: the registered order keeps the name it was signed with; a new one has the new name.
        var mentor = c.Name(0);
        await app.WithDb(db => db.People.Where(p => p.Id == c.P(0)).ExecuteUpdateAsync(u => u.SetProperty(p => p.LastName, "Переименованная")));
        var frozen = DocxText.Read((await AsCurator(c, s => s.Get<OrderRegister>().FileAsync(order.Id, OrderFileKind.Docx))).Value!.Bytes);
        frozen.Paragraphs.ShouldContain("«05» октября 2026 г.№ 12-о");
        frozen.Paragraphs.ShouldContain("Исполняющий обязанности директора____________А. П. Соколов", "the signer typed at registration signs the order");
        frozen.Tables[0].ShouldContain(r => r[1] == mentor);
        var fresh = DocxText.Read((await AsCurator(c, s => s.Get<ProgramOrders>().OrderAsync(c.ProgramId, "pairs-order", "13-о", Day))).Value!.Bytes);
        fresh.Tables[0].ShouldNotContain(r => r[1] == mentor);
        fresh.Tables[0].ShouldContain(r => r[1].StartsWith("Переименованная ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_curator_signs_an_order_with_its_scan_and_a_wrong_file_or_a_stale_version_is_refused()
    {
        var c = await PairsAsync();
        var curator = await c.School.CuratorAsync();
        var created = await curator.PostAsJsonAsync($"/api/v1/programs/{c.ProgramId}/orders/register", new { Code = "pairs-order", Number = "7", Date = "2026-10-05" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var row = (await created.Content.ReadFromJsonAsync<OrderRegister.Row>(Json))!;
        row.Concerned.ShouldBe((await PairPeopleAsync(c)).Count);
        (row.SignerName, row.SignerPosition).ShouldBe(("Петрова Ольга Ивановна", "Директор"), "the director of the school's details by default");

        async Task<HttpResponseMessage> SignAsync(string name, byte[] content, int version)
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "scan", name);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/programs/{c.ProgramId}/orders/register/{row.Id}/sign") { Content = form };
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
            return await curator.SendAsync(request);
        }
        var pdf = "%PDF-1.4\n% signed order\n"u8.ToArray();
        var notPdf = await SignAsync("скан.pdf", "это не pdf"u8.ToArray(), row.Version);
        notPdf.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        static async Task<string> Detail(HttpResponseMessage r) => (await r.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("detail").GetString()!;
        (await Detail(notPdf)).ShouldBe("Файл «скан.pdf» повреждён или не является PDF: сохраните скан заново.");
        (await Detail(await SignAsync("скан.docx", pdf, row.Version))).ShouldBe("Файл «скан.docx» не принят: прикладывайте скан в PDF, JPEG или PNG.");
        (await SignAsync("скан.pdf", pdf, row.Version + 5)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await AsCurator(c, s => s.Get<OrderRegister>().SignAsync(row.Id, row.Version, null, null)))
            .Error.ShouldBeRefusal(ErrorKind.Invalid, "Приказ не отмечен подписанным.", "Приложите скан подписанного приказа: PDF, JPEG или PNG.");
        (await AsCurator(c, s => s.Get<OrderRegister>().SignAsync(row.Id, row.Version, "big.png", new byte[OrderScans.MaxBytes + 1])))
            .Error!.Details.ShouldContain(d => d.Contains("больше 10 МБ", StringComparison.Ordinal));

        var signed = await SignAsync("Приказ 7.pdf", pdf, row.Version);
        signed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = (await signed.Content.ReadFromJsonAsync<OrderRegister.Row>(Json))!;
        after.Status.ShouldBe(RegisteredOrderStatus.Signed);
        after.ScanName.ShouldBe("Приказ 7.pdf");
        var scan = await curator.GetAsync($"/api/v1/programs/{c.ProgramId}/orders/register/{row.Id}/scan");
        scan.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await scan.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        var page = await curator.GetStringAsync($"/Documents/{c.ProgramId}/Register");
        page.ShouldContain("Подписан");
        page.ShouldContain($"Ознакомлены: 0 из {row.Concerned}");
    }

    [Fact]
    public async Task The_teachers_an_order_concerns_confirm_it_once_nobody_else_sees_it_and_the_sheet_prints_who_confirmed_and_when()
    {
        var c = await PairsAsync();
        var people = await PairPeopleAsync(c);
        people.ShouldContain(c.P(0));
        people.ShouldNotContain(c.P(5), "T5 is in no pair");
        var curator = await c.School.CuratorAsync();
        var row = (await (await curator.PostAsJsonAsync($"/api/v1/programs/{c.ProgramId}/orders/register",
            new { Code = "pairs-order", Number = "15-о", Date = "2026-10-05" })).Content.ReadFromJsonAsync<OrderRegister.Row>(Json))!;

        // A draft (registered, not yet signed) may still change: nobody it concerns sees it or can confirm it yet.
        var concerned = await c.School.TeacherAsync(0);
        (await concerned.GetStringAsync("/")).ShouldNotContain($"my-order-{row.Id}");
        (await concerned.GetAsync($"/Documents/Order/{row.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await concerned.GetAsync($"/Documents/Order/{row.Id}?handler=File")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await concerned.PostAsync($"/api/v1/orders/{row.Id}/acknowledge", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await AsCurator(c, s => s.Get<AcknowledgementCommands>().ConfirmAsync(row.Id)))
            .Error.ShouldBeRefusal(ErrorKind.Invalid, "Приказ ещё не подписан.", "Ознакомиться с приказом можно после того, как его подпишут и отметят подписанным.");
        (await app.WithDb(db => db.OrderAcknowledgements.CountAsync(a => a.OrderId == row.Id && a.ConfirmedAt != null))).ShouldBe(0);
        using (var scan = new MultipartFormDataContent())
        {
            scan.Add(new ByteArrayContent("%PDF-1.4\n% signed order\n"u8.ToArray()), "scan", "Приказ 15-о.pdf");
            using var sign = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/programs/{c.ProgramId}/orders/register/{row.Id}/sign") { Content = scan };
            sign.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{row.Version}\""));
            (await curator.SendAsync(sign)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var home = await concerned.GetStringAsync("/");
        home.ShouldContain($"data-testid=\"my-order-{row.Id}\"");
        home.ShouldContain("Приказ № 15-о от 05.10.2026");
        (await concerned.GetAsync($"/Documents/Order/{row.Id}?handler=File")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var confirm = await concerned.PostFormAsync("/", $"/Documents/Order/{row.Id}?handler=Confirm&returnUrl=%2F", []);
        confirm.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var first = await app.WithDb(db => db.OrderAcknowledgements.Where(a => a.OrderId == row.Id && a.PersonId == c.P(0)).Select(a => a.ConfirmedAt).SingleAsync());
        first.ShouldNotBeNull();
        var again = await concerned.PostAsync($"/api/v1/orders/{row.Id}/acknowledge", null);
        (await again.Content.ReadFromJsonAsync<OrderRegisterApi.AcknowledgedDto>())!.ConfirmedAt.ShouldBe(first.Value, TimeSpan.FromMilliseconds(1), "a second confirmation keeps the first time");
        (await concerned.GetStringAsync($"/Documents/Order/{row.Id}")).ShouldNotContain("data-testid=\"acknowledgements\"", Case.Sensitive, "the list is the managers'");
        (await concerned.GetAsync($"/Documents/Order/{row.Id}?handler=Sheet")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var outsider = await c.School.TeacherAsync(5);
        (await outsider.GetStringAsync("/")).ShouldNotContain($"my-order-{row.Id}");
        (await outsider.GetAsync($"/Documents/Order/{row.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"/Documents/Order/{row.Id}?handler=File")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.PostAsync($"/api/v1/orders/{row.Id}/acknowledge", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.PostAsync($"/api/v1/orders/{row.Id + 1000}/acknowledge", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a guessed id");
        (await app.WithDb(db => db.OrderAcknowledgements.CountAsync(a => a.PersonId == c.P(5)))).ShouldBe(0);

        var other = await app.NewSchoolAsync(teachers: 1);
        var otherCurator = await other.CuratorAsync();
        (await otherCurator.GetAsync($"/Documents/Order/{row.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherCurator.GetAsync($"/Documents/Order/{row.Id}?handler=Sheet")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await other.TeacherAsync(0)).PostAsync($"/api/v1/orders/{row.Id}/acknowledge", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var page = await curator.GetStringAsync($"/Documents/Order/{row.Id}");
        page.ShouldContain($"Ознакомлены: 1 из {people.Count}");
        var sheet = await curator.GetAsync($"/Documents/Order/{row.Id}?handler=Sheet");
        sheet.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = DocxText.Read(await sheet.Content.ReadAsByteArrayAsync());
        doc.Paragraphs.ShouldContain("ЛИСТ ОЗНАКОМЛЕНИЯ");
        doc.Paragraphs.ShouldContain("с приказом от «05» октября 2026 г. № 15-о");
        doc.Paragraphs.ShouldContain("«О закреплении наставнических пар и групп»");
        var rows = doc.Tables[0].Skip(1).ToList();
        rows.Count.ShouldBe(people.Count);
        var time = SchoolTime.Local(first.Value).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        rows.Single(r => r[1] == c.Name(0))[3].ShouldBe(time);
        rows.Where(r => r[1] != c.Name(0)).ShouldAllBe(r => r[3] == "__________");
        (await curator.GetAsync($"/api/v1/programs/{c.ProgramId}/orders/register/{row.Id}/sheet.docx")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

[Collection("sqlite")] public sealed class OrderRegisterTests_Sqlite(SqliteApp app) : OrderRegisterTests(app);
[Collection("postgres")] public sealed class OrderRegisterTests_Postgres(PostgresApp app) : OrderRegisterTests(app);
