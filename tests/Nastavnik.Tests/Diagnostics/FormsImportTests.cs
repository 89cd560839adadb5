using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;

namespace Nastavnik.Tests.Diagnostics;

/// <summary>
/// Import of self-assessment answers from Google Forms / Yandex Forms exports. The test school's teachers:
/// 0 Ёлкина Анна Сергеевна, 1 Петров Пётр Ильич, 2 Соловьёва Мария Олеговна, 3 Иванов Иван Петрович, 4 Кузнецова Ольга Андреевна,
/// 5 Смирнов Сергей Юрьевич (no consent).
/// </summary>
public abstract partial class FormsImportTests(AppFixture app)
{
    private const string Page = "/Diagnostics/Import";

    /// <summary>The round opened on 01.09.2026 (UTC), before every answer of the files here.</summary>
    private async Task<int> OpenRoundAsync(TestSchool school)
    {
        var roundId = (await school.OpenRoundAsync()).RoundId;
        await app.WithDb(db => db.DiagnosticsRounds.Where(r => r.Id == roundId).ExecuteUpdateAsync(u => u.SetProperty(r => r.OpenedAt, RoundOpened)));
        return roundId;
    }

    private static readonly DateTime RoundOpened = new(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc);

    private static async Task<Guid> UploadAsync(HttpClient client, string fileName, byte[] content)
    {
        var page = await client.GetStringAsync(Page);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Html.Token(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "file", fileName },
        };
        var response = await client.PostAsync(Page + "?handler=Upload", form);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return Guid.Parse(response.Headers.Location!.ToString().Split("upload=")[1]);
    }

    private static async Task<string> PreviewAsync(HttpClient client, Guid upload) =>
        WebUtility.HtmlDecode(await client.GetStringAsync($"{Page}?upload={upload}"));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid upload, string handler, Dictionary<string, string>? fields = null)
    {
        fields ??= [];
        fields["upload"] = upload.ToString();
        return await client.PostFormAsync($"{Page}?upload={upload}", $"{Page}?handler={handler}", fields);
    }

    /// <summary>Commits and returns the page the curator lands on (the flash after a redirect, or the page with the error).</summary>
    private static async Task<(HttpStatusCode Status, string Html)> CommitAsync(HttpClient client, Guid upload, Dictionary<string, string>? fields = null)
    {
        var response = await PostAsync(client, upload, "Commit", fields);
        if (response.StatusCode == HttpStatusCode.Redirect)
            return (response.StatusCode, WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location!.ToString())));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The selects of the mapping form with their current values, as the browser would post them.</summary>
    private static Dictionary<string, string> MappingFields(string html) =>
        Html.Parse(html).QuerySelectorAll("form[data-testid=mapping] select").ToDictionary(
            s => s.GetAttribute("name")!,
            s => s.QuerySelector("option[selected]")?.GetAttribute("value") ?? s.QuerySelector("option")!.GetAttribute("value")!);

    private Task<int> TopicAsync(TestSchool school, string name) =>
        app.WithDb(db => db.Topics.Where(t => t.SchoolId == school.Id && t.Name == name).Select(t => t.Id).SingleAsync());

    private Task<List<string>> SnapshotAsync(int roundId) => app.WithDb(async db =>
    {
        var rows = new List<string>();
        rows.AddRange(await db.Offers.Where(o => o.RoundId == roundId).OrderBy(o => o.Id).Select(o => $"offer {o.Id} {o.PersonId} {o.TopicId} {o.Level} {o.Source} {o.UpdatedAt:O}").ToListAsync());
        rows.AddRange(await db.Needs.Where(o => o.RoundId == roundId).OrderBy(o => o.Id).Select(o => $"need {o.Id} {o.PersonId} {o.TopicId} {o.Priority} {o.Source} {o.UpdatedAt:O}").ToListAsync());
        rows.AddRange(await db.RoundResponses.Where(o => o.RoundId == roundId).OrderBy(o => o.Id).Select(o => $"response {o.Id} {o.PersonId} {o.SubmittedAt:O} {o.Source} {o.UpdatedBy} {o.Version} {o.UpdatedAt:O}").ToListAsync());
        return rows;
    });

    private Task<int> AuditCountAsync(TestSchool school) => app.WithDb(db => db.AuditEntries.CountAsync(a => a.SchoolId == school.Id));

    private Task<int> WrittenAsync(int roundId) => app.WithDb(async db =>
        await db.Offers.CountAsync(o => o.RoundId == roundId) + await db.Needs.CountAsync(o => o.RoundId == roundId) + await db.RoundResponses.CountAsync(o => o.RoundId == roundId));

    private static string Squash(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    private static byte[] Csv(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n"))];

    private static byte[] Xlsx(string[] headers, params object?[][] rows) =>
        XlsxWriter.Write(new XlsxWriter.Sheet("Ответы", headers, rows.Select(r => (IReadOnlyList<object?>)r)));

    private const string GoogleHeader = "\"Отметка времени\",\"ФИО\",\"Адрес электронной почты\",\"В каких темах вы готовы быть наставником?\",\"По каким темам вам нужна помощь?\"\n";

    private static byte[] GoogleCsv() => Csv(GoogleHeader +
        "\"14.09.2026 10:25:03\",\"Елкина Анна Сергеевна\",\"elkina@school.example\",\"Кейс-технология, Геометрия, 10 класс\",\"Microsoft Excel; Создание видеороликов (программы)\"\n" +
        "\"14.09.2026 11:02:41\",\"Петров П. И.\",\"\",\"Физика. Механика\",\"\"\n" +
        "\"15.09.2026 9:15:00\",\"  соловьёва   мария  олеговна \",\"\",\"\",\"Базы данных АИС \"\"Параграф\"\", Синтаксис\"\n" +
        "\"15.09.2026 12:00:00\",\"Иванов Иван Петрович\",\"\",\"Синтаксис\",\"\"\n" +
        "\"16.09.2026 8:30:00\",\"Иванов Иван Петрович\",\"\",\"Синтаксис, Microsoft PowerPoint\",\"кейс-технология.\"\n" +
        "\"16.09.2026 9:00:00\",\"Ольга Андреевна Кузнецова\",\"\",\"Работа с родителями (законными представителями) обучающихся с высоким риском неуспешности, Microsoft Excel\",\"\"\n");

    [Fact]
    public async Task Google_csv_is_matched_confirmed_committed_and_the_same_file_again_changes_nothing()
    {
        var school = await app.NewSchoolAsync(teachers: 6, withoutConsent: 1);
        var roundId = await OpenRoundAsync(school);
        var curator = await school.CuratorAsync();
        var t = school.Teachers;

        var upload = await UploadAsync(curator, "Самодиагностика (Ответы).csv", GoogleCsv());
        var preview = await PreviewAsync(curator, upload);
        var summary = Squash(Html.Parse(preview).QuerySelector("[data-testid=summary]")!.TextContent);
        summary.ShouldContain("Строк с ответами 6");
        summary.ShouldContain("Нужно подтвердить 1");
        summary.ShouldContain("Ошибок 0");
        summary.ShouldContain("Будет записано: 6 тем наставника, 5 запросов помощи у 4 педагогов.");
        preview.ShouldContain("«Петров П. И.»");
        preview.ShouldContain("Петров Пётр Ильич · МО естественных наук (совпадение по инициалам)");
        preview.ShouldContain("Строка 5: у педагога «Иванов Иван Петрович» есть более поздний ответ в строке 6, загружается он.");

        // Not confirmed yet: nothing is written.
        var (_, refused) = await CommitAsync(curator, upload);
        refused.ShouldContain("Ничего не загружено: подтвердите, кто из педагогов указан в отмеченных строках.");
        (await WrittenAsync(roundId)).ShouldBe(0);

        var confirm = new Dictionary<string, string> { ["Confirm[3]"] = t[1].PersonId.ToString() };
        var confirmed = WebUtility.HtmlDecode(await (await PostAsync(curator, upload, "Confirm", new(confirm))).Content.ReadAsStringAsync());
        Html.Parse(confirmed).QuerySelector("[data-testid=uncertain]")!.TextContent.ShouldContain("подтверждено");
        Squash(Html.Parse(confirmed).QuerySelector("[data-testid=summary]")!.TextContent).ShouldContain("Нужно подтвердить 0");

        var (status, done) = await CommitAsync(curator, upload, new(confirm));
        status.ShouldBe(HttpStatusCode.Redirect);
        done.ShouldContain("Загрузка завершена: ответы 5 педагогов");

        var offers = await app.WithDb(db => db.Offers.Where(o => o.RoundId == roundId).Select(o => new { o.PersonId, o.Topic!.Name, o.Level, o.Source }).ToListAsync());
        var needs = await app.WithDb(db => db.Needs.Where(o => o.RoundId == roundId).Select(o => new { o.PersonId, o.Topic!.Name, o.Priority, o.Source }).ToListAsync());
        offers.Where(o => o.PersonId == t[0].PersonId).Select(o => o.Name).Order().ShouldBe(["Геометрия, 10 класс", "Кейс-технология"]);
        needs.Where(o => o.PersonId == t[0].PersonId).Select(o => o.Name).Order().ShouldBe(["Microsoft Excel", "Создание видеороликов (программы)"]);
        offers.Where(o => o.PersonId == t[1].PersonId).Select(o => o.Name).ShouldBe(["Физика. Механика"]);
        needs.Where(o => o.PersonId == t[2].PersonId).Select(o => o.Name).Order().ShouldBe(["Базы данных АИС «Параграф»", "Синтаксис"]);
        offers.Where(o => o.PersonId == t[3].PersonId).Select(o => o.Name).Order().ShouldBe(["Microsoft PowerPoint", "Синтаксис"]);
        needs.Where(o => o.PersonId == t[3].PersonId).Select(o => o.Name).ShouldBe(["Кейс-технология"]);
        offers.Where(o => o.PersonId == t[4].PersonId).Select(o => o.Name).Order().ShouldBe(["Microsoft Excel", "Работа с родителями (законными представителями) обучающихся с высоким риском неуспешности"]);
        offers.ShouldAllBe(o => o.Level == 2 && o.Source == AnswerSource.Import);
        needs.ShouldAllBe(o => o.Priority == 2 && o.Source == AnswerSource.Import);
        var responses = await app.WithDb(db => db.RoundResponses.Where(r => r.RoundId == roundId).ToListAsync());
        responses.Count.ShouldBe(5);
        responses.ShouldAllBe(r => r.Source == AnswerSource.Import && r.UpdatedBy == school.Curator);
        var yolkina = responses.Single(r => r.PersonId == t[0].PersonId);
        DateTime.SpecifyKind(yolkina.SubmittedAt!.Value, DateTimeKind.Utc).ShouldBe(new DateTime(2026, 9, 14, 7, 25, 3, DateTimeKind.Utc));
        responses.Single(r => r.PersonId == t[3].PersonId).SubmittedAt!.Value.ShouldBe(new DateTime(2026, 9, 16, 5, 30, 0));

        // The same file once more: nothing changes, no audit entries.
        var before = await SnapshotAsync(roundId);
        var audit = await AuditCountAsync(school);
        var again = await UploadAsync(curator, "Самодиагностика (Ответы).csv", GoogleCsv());
        var (_, second) = await CommitAsync(curator, again, new(confirm));
        second.ShouldContain("изменений нет");
        (await SnapshotAsync(roundId)).ShouldBe(before);
        (await AuditCountAsync(school)).ShouldBe(audit);
    }

    [Fact]
    public async Task Yandex_xlsx_grid_with_separate_name_columns_and_a_saved_mapping_reused_for_the_next_file()
    {
        var school = await app.NewSchoolAsync(teachers: 6, withoutConsent: 1);
        var roundId = await OpenRoundAsync(school);
        var curator = await school.CuratorAsync();
        var t = school.Teachers;
        string[] headers = ["ID", "Время создания", "Фамилия", "Имя", "Отчество", "Оцените темы [Кейс-технология]", "Оцените темы [Microsoft Excel]", "Оцените темы [Геометрия, 10 класс]"];
        var file = Xlsx(headers,
            [1, "2026/09/14 10:25:03 AM GMT+3", "Ёлкина", "Анна", "Сергеевна", "Могу быть наставником", "Нужна помощь", "Не нужно"],
            [2, "2026-09-15T12:00:00+03:00", "ПЕТРОВ", "Пётр", "Ильич", "Могу быть наставником, Нужна помощь", "", "Нужна помощь (3)"],
            [3, 46280.5, "Кузнецова", "Ольга", "Андреевна", "Не нужно", "Могу быть наставником (3)", ""]);
        var upload = await UploadAsync(curator, "Яндекс Формы — ответы.xlsx", file);
        var preview = await PreviewAsync(curator, upload);
        preview.ShouldContain("столбцы распознаны по заголовкам");
        var fields = MappingFields(preview);
        (fields["Role[1]"], fields["Role[2]"], fields["Role[3]"], fields["Role[4]"], fields["Role[5]"], fields["Role[0]"]).ShouldBe(("Timestamp", "LastName", "FirstName", "MiddleName", "Grid", "Skip"));

        // The curator sets level 3 for the «Кейс-технология» column; the mapping is saved for these headers.
        fields["Value[5]"] = "3";
        (await PostAsync(curator, upload, "Map", fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (status, done) = await CommitAsync(curator, upload);
        status.ShouldBe(HttpStatusCode.Redirect, done);

        var offers = await app.WithDb(db => db.Offers.Where(o => o.RoundId == roundId).Select(o => new { o.PersonId, o.Topic!.Name, o.Level }).ToListAsync());
        var needs = await app.WithDb(db => db.Needs.Where(o => o.RoundId == roundId).Select(o => new { o.PersonId, o.Topic!.Name, o.Priority }).ToListAsync());
        offers.Where(o => o.PersonId == t[0].PersonId).Select(o => (o.Name, o.Level)).ShouldBe([("Кейс-технология", 3)]);
        needs.Where(o => o.PersonId == t[0].PersonId).Select(o => (o.Name, o.Priority)).ShouldBe([("Microsoft Excel", 2)]);
        offers.Where(o => o.PersonId == t[1].PersonId).Select(o => (o.Name, o.Level)).ShouldBe([("Кейс-технология", 3)]);
        needs.Where(o => o.PersonId == t[1].PersonId).Select(o => (o.Name, o.Priority)).OrderBy(x => x.Name).ShouldBe([("Геометрия, 10 класс", 3), ("Кейс-технология", 3)]);
        offers.Where(o => o.PersonId == t[4].PersonId).Select(o => (o.Name, o.Level)).ShouldBe([("Microsoft Excel", 3)]);
        var times = await app.WithDb(db => db.RoundResponses.Where(r => r.RoundId == roundId).ToDictionaryAsync(r => r.PersonId, r => r.SubmittedAt!.Value));
        times[t[0].PersonId].ShouldBe(new DateTime(2026, 9, 14, 7, 25, 3));
        times[t[1].PersonId].ShouldBe(new DateTime(2026, 9, 15, 9, 0, 0));
        times[t[4].PersonId].ShouldBe(DateTime.FromOADate(46280.5).AddHours(-3));

        // The next export of the same form (columns in another order) maps itself with the saved choices.
        var next = Xlsx(headers.Reverse().ToArray(), ["", "", "Могу быть наставником", "Олеговна", "Мария", "Соловьёва", "2026/09/20 3:05:00 PM GMT+3", 4]);
        var nextUpload = await UploadAsync(curator, "Яндекс Формы — ответы (2).xlsx", next);
        var nextPreview = await PreviewAsync(curator, nextUpload);
        nextPreview.ShouldContain("сопоставление столбцов взято из прошлой загрузки этой формы");
        (await CommitAsync(curator, nextUpload)).Status.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDb(db => db.Offers.Where(o => o.RoundId == roundId && o.PersonId == t[2].PersonId).Select(o => new { o.Topic!.Name, o.Level }).SingleAsync()))
            .ShouldBe(new { Name = "Кейс-технология", Level = 3 });
        (await app.WithDb(db => db.FormsImportMappings.CountAsync(m => m.SchoolId == school.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task One_unknown_person_writes_nothing_and_names_the_row()
    {
        var school = await app.NewSchoolAsync(teachers: 6, withoutConsent: 1);
        var roundId = await OpenRoundAsync(school);
        var curator = await school.CuratorAsync();
        var upload = await UploadAsync(curator, "answers.csv", Csv(GoogleHeader +
            "\"14.09.2026 10:25:03\",\"Ёлкина Анна Сергеевна\",\"\",\"Кейс-технология\",\"\"\n" +
            "\"14.09.2026 10:26:00\",\"Неизвестнова Ирина Павловна\",\"\",\"Синтаксис\",\"\"\n" +
            "\"14.09.2026 10:27:00\",\"Соловьёва Мария Олеговна\",\"\",\"\",\"Синтаксис\"\n"));
        var preview = await PreviewAsync(curator, upload);
        preview.ShouldContain("Строка 3, столбец «ФИО»: педагог «Неизвестнова Ирина Павловна» не найден в списке педагогов.");
        Html.Parse(preview).QuerySelector("[data-testid=commit] button.btn-primary")!.HasAttribute("disabled").ShouldBeTrue();
        // A crafted commit is refused too.
        var (status, page) = await CommitAsync(curator, upload);
        status.ShouldBe(HttpStatusCode.OK);
        page.ShouldContain("Ничего не загружено");
        (await WrittenAsync(roundId)).ShouldBe(0);
    }

    [Fact]
    public async Task Malformed_rows_write_nothing_and_each_problem_is_named_by_row_and_column()
    {
        var school = await app.NewSchoolAsync(teachers: 6, withoutConsent: 1);
        var roundId = await OpenRoundAsync(school);
        var curator = await school.CuratorAsync();
        string[] headers = ["Отметка времени", "ФИО", "Оцените темы [Кейс-технология]", "Оцените темы [Синтаксис]"];
        var upload = await UploadAsync(curator, "grid.xlsx", Xlsx(headers,
            ["14.09.2026 10:25:03", "Ёлкина Анна Сергеевна", "Могу быть наставником", "Нужна помощь"],
            ["14.09.2026 10:26:00", "Петров Пётр Ильич", "Могу быть наставником (5)", ""],
            ["14.09.2026 10:27:00", "", "Нужна помощь", ""],
            ["вчера", "Соловьёва Мария Олеговна", "Не нужно", "Нужна помощь"],
            ["14.09.2026 10:29:00", "Смирнов Сергей Юрьевич", "Нужна помощь", "Может быть"]));
        var preview = await PreviewAsync(curator, upload);
        preview.ShouldContain("Строка 3, столбец «Оцените темы [Кейс-технология]»: уровень или приоритет должен быть от 1 до 3, получено «Могу быть наставником (5)».");
        preview.ShouldContain("Строка 4, столбец «ФИО»: ФИО не заполнено");
        preview.ShouldContain("Строка 5, столбец «Отметка времени»: ожидается дата и время ответа");
        preview.ShouldContain("Строка 6, столбец «ФИО»: у педагога «Смирнов Сергей Юрьевич» нет согласия на обработку персональных данных");
        preview.ShouldContain("Строка 6, столбец «Оцените темы [Синтаксис]»: ожидается «Могу быть наставником», «Нужна помощь» или «Не нужно», получено «Может быть».");
        var (status, page) = await CommitAsync(curator, upload);
        status.ShouldBe(HttpStatusCode.OK);
        page.ShouldContain("Ничего не загружено: исправьте ошибки");
        (await WrittenAsync(roundId)).ShouldBe(0);
    }

    [Fact]
    public async Task An_unknown_topic_is_listed_with_its_rows_blocks_the_import_and_once_mapped_is_remembered()
    {
        var school = await app.NewSchoolAsync(teachers: 6, withoutConsent: 1);
        var roundId = await OpenRoundAsync(school);
        var curator = await school.CuratorAsync();
        byte[] File(string name) => Csv(GoogleHeader +
            $"\"14.09.2026 10:25:03\",\"{name}\",\"\",\"Кейс технология, Скрайбинг\",\"\"\n" +
            "\"14.09.2026 10:26:00\",\"Петров Пётр Ильич\",\"\",\"\",\"скрайбинг.\"\n");
        var upload = await UploadAsync(curator, "answers.csv", File("Ёлкина Анна Сергеевна"));
        var preview = await PreviewAsync(curator, upload);
        var unknown = Html.Parse(preview).QuerySelector("[data-testid=unknown-topics]")!.TextContent;
        unknown.ShouldContain("«Скрайбинг»");
        unknown.ShouldContain("строки 2, 3");
        (await CommitAsync(curator, upload)).Html.ShouldContain("Ничего не загружено");
        (await WrittenAsync(roundId)).ShouldBe(0);

        var video = await TopicAsync(school, "Создание видеороликов (программы)");
        var fields = MappingFields(preview);
        fields["AliasKey[0]"] = "скрайбинг";
        fields["AliasTopic[0]"] = video.ToString();
        (await PostAsync(curator, upload, "Map", fields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PreviewAsync(curator, upload)).ShouldNotContain("Темы, которых нет в каталоге");
        (await CommitAsync(curator, upload)).Status.ShouldBe(HttpStatusCode.Redirect);
        var offers = await app.WithDb(db => db.Offers.Where(o => o.RoundId == roundId).Select(o => o.Topic!.Name).OrderBy(n => n).ToListAsync());
        offers.ShouldBe(["Кейс-технология", "Создание видеороликов (программы)"]);
        (await app.WithDb(db => db.Needs.Where(o => o.RoundId == roundId).Select(o => o.TopicId).SingleAsync())).ShouldBe(video);

        // The next file of the same form knows the alias.
        var next = await UploadAsync(curator, "answers-2.csv", File("Соловьёва Мария Олеговна"));
        (await PreviewAsync(curator, next)).ShouldNotContain("Темы, которых нет в каталоге");
    }

    [Fact]
    public async Task A_corrected_export_replaces_the_persons_answers_and_leaves_others_alone()
    {
        var school = await app.NewSchoolAsync(teachers: 6, withoutConsent: 1);
        var roundId = await OpenRoundAsync(school);
        var curator = await school.CuratorAsync();
        var t = school.Teachers;
        var excel = await TopicAsync(school, "Microsoft Excel");
        var syntax = await TopicAsync(school, "Синтаксис");
        // Пётр answered in the app himself; Анна filled in the self-assessment too, then the Forms export comes.
        await app.WithDb(async db =>
        {
            var saved = new DateTime(2026, 9, 10, 0, 0, 0, DateTimeKind.Utc); // before both exports' answers
            db.Offers.Add(new Offer { SchoolId = school.Id, RoundId = roundId, PersonId = t[1].PersonId, TopicId = excel, Level = 1, Source = AnswerSource.Self, UpdatedAt = saved });
            db.Offers.Add(new Offer { SchoolId = school.Id, RoundId = roundId, PersonId = t[0].PersonId, TopicId = syntax, Level = 1, Source = AnswerSource.Self, UpdatedAt = saved });
            return await db.SaveChangesAsync();
        });
        var first = await UploadAsync(curator, "v1.csv", Csv(GoogleHeader + "\"14.09.2026 10:25:03\",\"Ёлкина Анна Сергеевна\",\"\",\"Кейс-технология, Синтаксис\",\"Microsoft Excel\"\n"));
        (await CommitAsync(curator, first)).Html.ShouldContain("изменено — 1");
        var second = await UploadAsync(curator, "v2.csv", Csv(GoogleHeader + "\"15.09.2026 10:25:03\",\"Ёлкина Анна Сергеевна\",\"\",\"Синтаксис\",\"Геометрия, 10 класс\"\n"));
        var (_, done) = await CommitAsync(curator, second);
        done.ShouldContain("добавлено — 1, изменено — 0, удалено — 2");

        var offers = await app.WithDb(db => db.Offers.Where(o => o.RoundId == roundId).Select(o => new { o.PersonId, o.Topic!.Name, o.Level, o.Source }).ToListAsync());
        offers.Where(o => o.PersonId == t[0].PersonId).Select(o => (o.Name, o.Level, o.Source)).ShouldBe([("Синтаксис", 2, AnswerSource.Import)]);
        offers.Where(o => o.PersonId == t[1].PersonId).Select(o => (o.Name, o.Level, o.Source)).ShouldBe([("Microsoft Excel", 1, AnswerSource.Self)]);
        (await app.WithDb(db => db.Needs.Where(o => o.RoundId == roundId).Select(o => o.Topic!.Name).ToListAsync())).ShouldBe(["Геометрия, 10 класс"]);
        var response = await app.WithDb(db => db.RoundResponses.SingleAsync(r => r.RoundId == roundId));
        (response.SubmittedAt, response.Version).ShouldBe((new DateTime(2026, 9, 15, 7, 25, 3), 1));
        (await app.WithDb(db => db.AuditEntries.CountAsync(a => a.SchoolId == school.Id && a.EntityType == "Offer" && a.Action == "delete"))).ShouldBe(1);
    }

    [Fact]
    public async Task Teacher_is_refused_and_without_a_program_the_page_says_what_to_do()
    {
        var school = await app.NewSchoolAsync(teachers: 2);
        var teacher = await school.TeacherAsync(0);
        var response = await teacher.GetAsync(Page);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        var post = await teacher.PostFormAsync("/Catalog", $"{Page}?handler=Commit", new() { ["upload"] = Guid.NewGuid().ToString() });
        post.Headers.Location!.ToString().ShouldContain("AccessDenied");

        var curator = await school.CuratorAsync();
        var empty = Html.Parse(await curator.GetStringAsync(Page)).QuerySelector("[data-testid=empty-state]")!;
        empty.TextContent.ShouldContain("Программы наставничества пока нет");
        empty.QuerySelector("a[href='/Programs']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Curator_of_another_school_cannot_commit_an_upload_by_its_id()
    {
        var schoolA = await app.NewSchoolAsync(teachers: 6, withoutConsent: 1);
        var roundA = await OpenRoundAsync(schoolA);
        var schoolB = await app.NewSchoolAsync(teachers: 6, withoutConsent: 1);
        var roundB = await OpenRoundAsync(schoolB);
        var curatorA = await schoolA.CuratorAsync();
        var upload = await UploadAsync(curatorA, "answers.csv", Csv(GoogleHeader + "\"14.09.2026 10:25:03\",\"Ёлкина Анна Сергеевна\",\"\",\"Кейс-технология\",\"\"\n"));

        var curatorB = await schoolB.CuratorAsync();
        (await PreviewAsync(curatorB, upload)).ShouldContain("Загруженный файл не найден");
        var (status, page) = await CommitAsync(curatorB, upload);
        status.ShouldBe(HttpStatusCode.OK);
        page.ShouldContain("Загруженный файл не найден");
        (await WrittenAsync(roundA)).ShouldBe(0);
        (await WrittenAsync(roundB)).ShouldBe(0);
        // The owner still can.
        (await CommitAsync(curatorA, upload)).Status.ShouldBe(HttpStatusCode.Redirect);
        (await WrittenAsync(roundA)).ShouldBe(2);
    }
}

[Collection("sqlite")] public sealed class FormsImportTests_Sqlite(SqliteApp app) : FormsImportTests(app);
[Collection("postgres")] public sealed class FormsImportTests_Postgres(PostgresApp app) : FormsImportTests(app);
