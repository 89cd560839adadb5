using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;

namespace Nastavnik.Tests.Hosting;

/// <summary>
/// What a user reads when a form or an API call is refused: Russian messages, all at once, and impossible values (dates of 1900,
/// a birth year 3000, control characters, undefined statuses) refused at the door by the pages and the API alike.
/// </summary>
public abstract class InputValidationTests(AppFixture app)
{
    private static async Task<string> Text(HttpResponseMessage r) => WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    /// <summary>Messages of the framework in English that must never reach a user.</summary>
    private static void ShouldHaveNoEnglish(string text)
    {
        text.ShouldNotContain("is not valid");
        text.ShouldNotContain("must be a string");
        text.ShouldNotContain("field is required");
        text.ShouldNotContain("is invalid");
    }

    private static Dictionary<string, string> Card(string lastName) => new()
    {
        ["Input.LastName"] = lastName, ["Input.FirstName"] = "Ирина", ["Input.MiddleName"] = "Олеговна", ["Input.Position"] = "Учитель",
        ["Input.ExperienceYears"] = "5", ["Input.BirthYear"] = "1990", ["Input.Category"] = "None", ["Input.Consent"] = "NotRecorded", ["Version"] = "0",
    };

    private Task<int> CountAsync(int schoolId, string lastName) =>
        app.WithDb(db => db.People.IgnoreQueryFilters().CountAsync(p => p.SchoolId == schoolId && p.LastName.StartsWith(lastName)));

    [Fact]
    public async Task The_staff_form_shows_every_problem_at_once_in_russian_and_saves_nothing()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var curator = await school.CuratorAsync();
        var form = Card("Всеошибкина");
        form["Input.ExperienceYears"] = "16,5";
        form["Input.BirthYear"] = "3000";
        form["Input.Email"] = new string('a', 195) + "@school.example";
        form["Input.Consent"] = "Given";
        form["Input.ConsentDate"] = "20255-09-01";
        form["Input.Subjects"] = new string('я', 501);
        var html = await Text(await curator.PostFormAsync("/Staff/Edit", "/Staff/Edit", form));

        ShouldHaveNoEnglish(html);
        html.ShouldContain("Стаж указывается в полных годах: вместо «16,5» укажите 16.");
        html.ShouldContain("«Дата согласия»: «20255-09-01» — не дата. Укажите дату в виде дд.мм.гггг.");
        html.ShouldContain("Электронная почта длиннее 200 символов.");
        html.ShouldContain("Список предметов длиннее 500 символов.");
        // The rule across fields is shown with the field errors, not after they are fixed.
        html.ShouldContain("Год рождения — от ");
        (await CountAsync(school.Id, "Всеошибкина")).ShouldBe(0);
    }

    [Fact]
    public async Task A_name_with_control_characters_is_refused_on_the_page_and_in_the_api()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var curator = await school.CuratorAsync();
        var html = await Text(await curator.PostFormAsync("/Staff/Edit", "/Staff/Edit", Card("Управ\u0007ляющая")));
        html.ShouldContain("«Фамилия»: есть непечатаемые символы");

        var api = await curator.PostAsJsonAsync("/api/v1/staff", new { lastName = "Управ\u0001ляющая", firstName = "Ирина", position = "Учитель\u000b" });
        api.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await Text(api);
        problem.ShouldContain("«Фамилия»: есть непечатаемые символы");
        problem.ShouldContain("«Должность»: есть непечатаемые символы");
        (await CountAsync(school.Id, "Управ")).ShouldBe(0);
    }

    [Fact]
    public async Task The_api_refuses_a_birth_year_3000_and_a_half_year_of_experience_in_russian()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var curator = await school.CuratorAsync();
        var birth = await curator.PostAsJsonAsync("/api/v1/staff", new { lastName = "Будущева", firstName = "Ирина", birthYear = 3000 });
        birth.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Text(birth)).ShouldContain("Год рождения — от ");
        var half = await curator.PostAsJsonAsync("/api/v1/staff", new { lastName = "Половинкина", firstName = "Ирина", experienceYears = 16.5 });
        half.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Text(half)).ShouldContain("Стаж указывается в полных годах: вместо «16,5» укажите 16.");
        var text = await curator.PostAsync("/api/v1/staff", new StringContent("{\"lastName\":\"Строкова\",\"firstName\":\"Ирина\",\"experienceYears\":\"много\"}", System.Text.Encoding.UTF8, "application/json"));
        text.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await Text(text);
        ShouldHaveNoEnglish(body);
        body.ShouldContain("Запрос не прочитан");
        (await CountAsync(school.Id, "Будущева") + await CountAsync(school.Id, "Половинкина") + await CountAsync(school.Id, "Строкова")).ShouldBe(0);
    }

    [Fact]
    public async Task A_program_dated_1900_or_20255_is_refused_with_a_russian_message_on_the_page_and_in_the_api()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var curator = await school.CuratorAsync();
        var api = await curator.PostAsJsonAsync("/api/v1/programs", new { name = "Старинная", startDate = "1900-09-01", endDate = "1901-08-31", status = "Draft" });
        api.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Text(api)).ShouldContain("«Начало»: 01.09.1900 — такой даты у программы быть не может, год — от 2000 до ");

        var page = await Text(await curator.PostFormAsync("/Programs/Edit", "/Programs/Edit", new()
        {
            ["Input.Name"] = "Опечатка", ["Input.StartDate"] = "20255-09-01", ["Input.EndDate"] = "1900-08-31", ["Input.Status"] = "Draft", ["Version"] = "0",
        }));
        ShouldHaveNoEnglish(page);
        page.ShouldContain("«Начало»: «20255-09-01» — не дата. Укажите дату в виде дд.мм.гггг.");
        page.ShouldContain("«Окончание»: 31.08.1900 — такой даты у программы быть не может");
        (await app.WithDb(db => db.Programs.IgnoreQueryFilters().CountAsync(p => p.SchoolId == school.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_decimal_comma_is_a_decimal_point_in_an_indicators_target()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var curator = await school.CuratorAsync();
        var response = await curator.PostFormAsync("/Programs/Edit", "/Programs/Edit", new()
        {
            ["Input.Name"] = "С дробными целями", ["Input.StartDate"] = "2026-09-01", ["Input.EndDate"] = "2027-08-31", ["Input.Status"] = "Draft", ["Version"] = "0",
            ["Input.Indicators[0].Name"] = "Средний балл", ["Input.Indicators[0].Unit"] = "балл",
            ["Input.Indicators[0].Targets[0].Year"] = "2027", ["Input.Indicators[0].Targets[0].Value"] = "4,5",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Text(response));
        var value = await app.WithDb(db => db.IndicatorTargets.IgnoreQueryFilters().Where(t => t.SchoolId == school.Id).Select(t => t.Value).SingleAsync());
        value.ShouldBe(4.5m);
    }

    [Fact]
    public async Task A_roadmap_event_in_1990_or_with_status_42_is_refused_by_the_api()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var curator = await school.CuratorAsync();
        var created = await curator.PostAsJsonAsync("/api/v1/programs", new { name = "Программа", startDate = "2026-09-01", endDate = "2027-08-31", status = "Draft" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await curator.PostFormAsync($"/Programs/Roadmap?id={id}", "/Programs/RoadmapActions?handler=AddStage", new() { ["programId"] = id.ToString(CultureInfo.InvariantCulture), ["title"] = "Этап" });
        var stageId = await app.WithDb(db => db.RoadmapStages.IgnoreQueryFilters().Where(s => s.ProgramId == id).Select(s => s.Id).FirstAsync());

        var old = await curator.PostAsJsonAsync($"/api/v1/programs/{id}/events", new { stageId, title = "Встреча", dueDate = "1990-05-01" });
        old.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Text(old)).ShouldContain("«Срок (последний день)»: 01.05.1990 — такой даты у мероприятия быть не может");
        var status = await curator.PostAsJsonAsync($"/api/v1/programs/{id}/events", new { stageId, title = "Встреча", dueDate = "2027-05-01", status = 42 });
        status.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Text(status)).ShouldContain("«Статус»: такого значения нет (42).");
        (await app.WithDb(db => db.RoadmapEvents.IgnoreQueryFilters().CountAsync(e => e.ProgramId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task An_empty_file_is_called_empty_on_the_web_as_in_the_cli()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var curator = await school.CuratorAsync();
        var page = await curator.GetStringAsync("/Staff/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Html.Token(page)), "__RequestVerificationToken" },
            { new ByteArrayContent([]), "file", "пустой.csv" },
        };
        var html = await Text(await curator.PostAsync("/Staff/Import?handler=Upload", form));
        html.ShouldContain("Файл пустой.");
        html.ShouldNotContain("Выберите файл");
    }

    [Fact]
    public async Task The_staff_import_refuses_a_name_with_control_characters_and_half_a_year_with_the_same_words()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var curator = await school.CuratorAsync();
        var page = await curator.GetStringAsync("/Staff/Import");
        var csv = System.Text.Encoding.UTF8.GetBytes("ФИО;Стаж\nЗвон\u0007кова Ирина Олеговна;5\nПоловинкина Анна Ивановна;16,5\n");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Html.Token(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(csv), "file", "список.csv" },
        };
        var upload = await curator.PostAsync("/Staff/Import?handler=Upload", form);
        upload.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Text(upload));
        var preview = WebUtility.HtmlDecode(await curator.GetStringAsync(upload.Headers.Location!.ToString()));
        preview.ShouldContain("Строка 2, столбец «ФИО»: «Фамилия»: есть непечатаемые символы");
        preview.ShouldContain("Строка 3, столбец «Стаж»: стаж указывается в полных годах: вместо «16,5» укажите 16.");
        preview.ShouldContain("Ничего не будет загружено, пока они есть.");
    }

    [Fact]
    public async Task Stored_text_with_control_characters_still_exports_to_xlsx_and_docx_that_open()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var curator = await school.CuratorAsync();
        // Text saved before the rule (or by an old import) stays in the database; the exports must not fail on it.
        var programId = await app.WithDb(async db =>
        {
            var person = await db.People.IgnoreQueryFilters().SingleAsync(p => p.SchoolId == school.Id);
            person.LastName = "Звон\u0007кова";
            person.Position = "Учитель\u000bматематики";
            var program = new Nastavnik.Web.Data.MentoringProgram { SchoolId = school.Id, Name = "Программа\u0001 2026", StartDate = new(2026, 9, 1), EndDate = new(2027, 8, 31) };
            db.Programs.Add(program);
            await db.SaveChangesAsync();
            var stage = new Nastavnik.Web.Data.RoadmapStage { SchoolId = school.Id, ProgramId = program.Id, Title = "Этап\u0002", SortOrder = 1 };
            db.RoadmapStages.Add(stage);
            await db.SaveChangesAsync();
            db.RoadmapEvents.Add(new Nastavnik.Web.Data.RoadmapEvent { SchoolId = school.Id, ProgramId = program.Id, StageId = stage.Id, Title = "Встреча\u001f наставников", Timing = "Сентябрь", SortOrder = 1 });
            await db.SaveChangesAsync();
            return program.Id;
        });

        var staff = await curator.GetAsync("/Staff/Export");
        staff.StatusCode.ShouldBe(HttpStatusCode.OK);
        var table = Nastavnik.Web.Files.TableFileReader.Read("x.xlsx", await staff.Content.ReadAsByteArrayAsync());
        table.Rows.ShouldContain(r => r.Cells.Contains("Звонкова"));

        var xlsx = await curator.GetAsync($"/Programs/RoadmapExport?id={programId}&format=xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        Nastavnik.Web.Files.TableFileReader.Read("x.xlsx", await xlsx.Content.ReadAsByteArrayAsync()).Rows.ShouldContain(r => r.Cells.Contains("Встреча наставников"));

        var docx = await curator.GetAsync($"/Programs/RoadmapExport?id={programId}&format=docx");
        docx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync());
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        doc.MainDocumentPart!.Document.Body!.InnerText.ShouldContain("Встреча наставников");
    }
}

[Collection("sqlite")] public sealed class InputValidationTests_Sqlite(SqliteApp app) : InputValidationTests(app);
[Collection("postgres")] public sealed class InputValidationTests_Postgres(PostgresApp app) : InputValidationTests(app);
