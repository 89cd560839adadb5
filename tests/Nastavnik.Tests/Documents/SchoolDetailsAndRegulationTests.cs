using System.Net;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Documents;
using Nastavnik.Web.Features.Schools;

namespace Nastavnik.Tests.Documents;

/// <summary>
/// The school's details (реквизиты) its administrator keeps, checked (ИНН, ОГРН, by version) and printed at the top of the orders and
/// under the signature; the regulation on mentoring (issue 14, item 3): every save a version kept and downloadable, a concurrent save
/// refused, the document opened back with the school's details and the curator's text.
/// </summary>
public abstract class SchoolDetailsAndRegulationTests(AppFixture app)
{
    private static SignedInScope Admin(TestSchool s) => SignedInScope.As(s.App, s.Id, s.Admin, Roles.Administrator);

    private static SchoolDetailsInput Details(string inn = "7707083893", string ogrn = "1027700132195") => new()
    {
        Name = "Государственное бюджетное общеобразовательное учреждение средняя общеобразовательная школа № 291",
        ShortName = "ГБОУ СОШ № 291", Address = "198328, Санкт-Петербург, ул. Пограничника Гарькавого, д. 22", Phone = "+7 (812) 736-00-00",
        Email = "school291@example.ru", Inn = inn, Ogrn = ogrn, DirectorName = "Петрова Ольга Ивановна", DirectorPosition = "Директор",
    };

    [Fact]
    public async Task The_details_are_checked_saved_by_version_and_printed_in_the_orders_header_and_signature()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        int version;
        await using (var s = Admin(school))
        {
            var commands = s.Get<SchoolDetailsCommands>();
            version = (await commands.GetAsync())!.Version;
            (await commands.SaveAsync(Details(inn: "77070838", ogrn: "10277001321"), version)).Error.ShouldBeRefusal(ErrorKind.Invalid,
                "Реквизиты не сохранены.", "ИНН школы — 10 цифр.", "ОГРН — 13 цифр.");
            (await commands.SaveAsync(Details(inn: "7707083894"), version)).Error.ShouldBeRefusal(ErrorKind.Invalid,
                "Реквизиты не сохранены.", "ИНН записан с ошибкой: не сходится контрольная цифра. Сверьте его со свидетельством.");
            (await commands.SaveAsync(Details(), version)).Ok.ShouldBeTrue();
            (await commands.SaveAsync(Details(), version)).Error!.Kind.ShouldBe(ErrorKind.Stale, "a second save from the same version");
        }
        var saved = await app.WithDb(db => db.Organizations.SingleAsync(o => o.Id == school.Id));
        (saved.Inn, saved.Ogrn, saved.ShortName, saved.Version).ShouldBe(("7707083893", "1027700132195", "ГБОУ СОШ № 291", version + 1));

        await using (var s = SignedInScope.Curator(school))
        {
            var consent = DocxText.Read((await s.Get<ConsentForm>().ForAsync(school.Teachers[0].PersonId)).Value!.Bytes);
            consent.Paragraphs.ShouldContain(p => p.Contains("оператору — Государственное бюджетное общеобразовательное учреждение средняя общеобразовательная школа № 291 —", StringComparison.Ordinal));
        }
        var (programId, _) = await school.OpenRoundAsync(withRound: false);
        await app.WithDb(db =>
        {
            db.ProgramCurators.Add(new ProgramCurator { SchoolId = school.Id, ProgramId = programId, PersonId = school.Teachers[0].PersonId });
            return db.SaveChangesAsync();
        });
        await using (var s = SignedInScope.Curator(school))
        {
            var order = DocxText.Read((await s.Get<ProgramOrders>().OrderAsync(programId, "order-curator", "3", new(2026, 9, 1))).Value!.Bytes);
            order.Paragraphs[0].ShouldBe(saved.Name);
            order.Paragraphs[1].ShouldBe("198328, Санкт-Петербург, ул. Пограничника Гарькавого, д. 22, тел. +7 (812) 736-00-00, e-mail: school291@example.ru, ИНН 7707083893, ОГРН 1027700132195");
            order.Paragraphs.ShouldContain("Директор____________О. И. Петрова", "the signature: position, a line, «И. О. Фамилия» (tabs are not text)");
        }

        var admin = await school.AdminAsync();
        var page = await admin.GetStringAsync("/Admin/School");
        page.ShouldContain("Реквизиты школы");
        var fields = new Dictionary<string, string>
        {
            ["Version"] = saved.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Name"] = saved.Name, ["Input.Inn"] = "12345",
        };
        var refused = await admin.PostFormAsync("/Admin/School", "/Admin/School", fields);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("ИНН школы — 10 цифр.");
        (await app.WithDb(db => db.Organizations.Where(o => o.Id == school.Id).Select(o => o.Inn).SingleAsync())).ShouldBe("7707083893", "nothing changed");
        var teacher = await school.TeacherAsync(0);
        (await teacher.GetAsync("/Admin/School")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Each_save_of_the_regulation_is_a_version_kept_and_downloadable_and_a_concurrent_save_is_refused()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        await using (var s = Admin(school))
        {
            var commands = s.Get<SchoolDetailsCommands>();
            (await commands.SaveAsync(Details(), (await commands.GetAsync())!.Version)).Ok.ShouldBeTrue();
        }
        await using var scope = SignedInScope.Curator(school);
        var regulation = scope.Get<RegulationCommands>();
        var model = await regulation.CurrentAsync();
        model.Number.ShouldBe(0);
        model.Sections.Select(x => x.Title).ShouldBe(["Общие положения", "Цели и задачи наставничества", "Организация наставничества",
            "Права и обязанности наставника", "Права и обязанности наставляемого", "Процесс формирования наставнических пар и групп",
            "Завершение персонализированной программы наставничества", "Мотивация и поощрение наставников"]);

        var first = model.Sections.ToList();
        first[3] = first[3] with { Text = "Наставник {{Школа.КраткоеНаименование}} встречается с наставляемым не реже раза в две недели.\nНаставник ведёт дневник наставничества." };
        var v1 = (await regulation.SaveAsync(first, "№ 5-о от 01.09.2026", 0)).Value!;
        v1.Number.ShouldBe(1);
        var second = first.ToList();
        second[3] = second[3] with { Text = "Наставник встречается с наставляемым еженедельно." };
        (await regulation.SaveAsync(second, null, 0)).Error!.Kind.ShouldBe(ErrorKind.Stale, "saved from the model text after version 1 was saved");
        (await regulation.SaveAsync(second, null, 1)).Value!.Number.ShouldBe(2);
        (await regulation.SaveAsync([new("Общие положения", "Текст {{Школа.Нет}}")], null, 2)).Error!.Details.ShouldContain(d => d.Contains("{{Школа.Нет}}", StringComparison.Ordinal));
        (await regulation.SaveAsync([new("", "")], null, 2)).Error.ShouldBeRefusal(ErrorKind.Invalid, "Положение не сохранено.", "Раздел 1: укажите заголовок.", "Раздел 1 «»: текст пустой.");

        var versions = await regulation.VersionsAsync();
        versions.Select(v => v.Number).ShouldBe([2, 1]);
        versions[1].ApprovingOrder.ShouldBe("№ 5-о от 01.09.2026");
        var doc1 = DocxText.Read((await regulation.DocumentAsync(1)).Value!.Bytes).Paragraphs;
        doc1.ShouldContain("приказом № 5-о от 01.09.2026");
        doc1.ShouldContain("Государственное бюджетное общеобразовательное учреждение средняя общеобразовательная школа № 291");
        doc1.ShouldContain("ПОЛОЖЕНИЕ");
        doc1.ShouldContain("4. Права и обязанности наставника");
        doc1.ShouldContain("4.1. Наставник ГБОУ СОШ № 291 встречается с наставляемым не реже раза в две недели.");
        doc1.ShouldContain("4.2. Наставник ведёт дневник наставничества.");
        doc1.ShouldContain(p => p.StartsWith("Редакция 1 от «", StringComparison.Ordinal));
        var doc2 = DocxText.Read((await regulation.DocumentAsync(null)).Value!.Bytes).Paragraphs;
        doc2.ShouldContain("4.1. Наставник встречается с наставляемым еженедельно.");
        doc2.ShouldContain("приказом __________", "no approving order: a line to write it");
        (await regulation.DocumentAsync(9)).Error!.Kind.ShouldBe(ErrorKind.NotFound);

        var curator = await school.CuratorAsync();
        (await curator.GetStringAsync("/Documents/Regulation")).ShouldContain("data-testid=\"version-2\"");
        var download = await curator.GetAsync("/Documents/Regulation?handler=Download&number=1");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        DocxText.Read(await download.Content.ReadAsByteArrayAsync()).Paragraphs.ShouldContain("4.2. Наставник ведёт дневник наставничества.");
        (await (await school.TeacherAsync(0)).GetAsync("/Documents/Regulation")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }
}

[Collection("sqlite")] public sealed class SchoolDetailsAndRegulationTests_Sqlite(SqliteApp app) : SchoolDetailsAndRegulationTests(app);
[Collection("postgres")] public sealed class SchoolDetailsAndRegulationTests_Postgres(PostgresApp app) : SchoolDetailsAndRegulationTests(app);
