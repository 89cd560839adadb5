using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;

namespace Nastavnik.Tests.Portfolio;

public abstract class PortfolioTests(AppFixture app)
{
    private static async Task<(int Id, int Version)> AddItemAsync(HttpClient teacher, string title, string? description = null,
        string? achievements = null, int? topicId = null, string? links = null)
    {
        var response = await teacher.PostAsJsonAsync("/api/v1/portfolio/items", new { title, description, achievements, topicId, links });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var item = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (item.GetProperty("id").GetInt32(), item.GetProperty("version").GetInt32());
    }

    private static async Task<JsonElement> SearchAsync(HttpClient client, string? q, int? topicId = null) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/portfolio/search?q={Uri.EscapeDataString(q ?? "")}" + (topicId is null ? "" : $"&topicId={topicId}"));

    private static async Task<string> PageAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    private static List<int> People(JsonElement result) =>
        result.GetProperty("teachers").EnumerateArray().Select(t => t.GetProperty("personId").GetInt32()).ToList();

    private static async Task AddContactAsync(HttpClient teacher, ContactKind kind, string value, ContactVisibility visibility) =>
        (await teacher.PostFormAsync("/Portfolio", "/Portfolio?handler=AddContact", new()
        {
            ["Contact.Kind"] = kind.ToString(), ["Contact.Value"] = value, ["Contact.Visibility"] = visibility.ToString(),
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

    private Task<int> TopicAsync(int schoolId, string name) =>
        app.WithDb(db => db.Topics.IgnoreQueryFilters().Where(t => t.SchoolId == schoolId && t.Name == name).Select(t => t.Id).SingleAsync());

    [Fact]
    public async Task Search_finds_other_word_forms_of_russian_words()
    {
        var school = await app.NewSchoolAsync(teachers: 4);
        var (t0, t1, t2) = (await school.TeacherAsync(0), await school.TeacherAsync(1), await school.TeacherAsync(2));
        await AddItemAsync(t0, "Уроки истории с учениками", "Вместе с классом снимаем видеоролики о блокаде Ленинграда.");
        await AddItemAsync(t1, "Школа молодого учителя", "Веду наставничество для учителей первых лет работы.");
        await AddItemAsync(t2, "Уроки обществознания", "Применяю кейс-технология на уроках экономики.");
        var reader = await school.TeacherAsync(3);

        People(await SearchAsync(reader, "видеоролик")).ShouldBe([school.Teachers[0].PersonId]);
        People(await SearchAsync(reader, "наставничеству")).ShouldBe([school.Teachers[1].PersonId]);
        People(await SearchAsync(reader, "кейсовые технологии")).ShouldBe([school.Teachers[2].PersonId]);
        People(await SearchAsync(reader, "видеоролик наставничество")).ShouldBeEmpty(); // every word must match

        var page = await reader.GetStringAsync("/Supervisor?q=" + Uri.EscapeDataString("видеоролик"));
        var hits = Html.Parse(page).QuerySelectorAll("[data-testid=hit]");
        hits.Length.ShouldBe(1);
        hits[0].TextContent.ShouldContain(school.Teachers[0].FullName);
        hits[0].TextContent.ShouldContain("МО гуманитарных наук");
        hits[0].InnerHtml.ShouldContain("<mark>видеоролики</mark>");
    }

    [Fact]
    public async Task A_match_in_the_title_ranks_above_a_match_in_the_description_only()
    {
        var school = await app.NewSchoolAsync(teachers: 3);
        await AddItemAsync(await school.TeacherAsync(1), "Работа с родителями", "Для собраний иногда готовлю презентации и видеоролики.");
        await AddItemAsync(await school.TeacherAsync(0), "Видеоролики на уроках литературы", "Монтаж на телефоне.");
        People(await SearchAsync(await school.TeacherAsync(2), "видеоролики"))
            .ShouldBe([school.Teachers[0].PersonId, school.Teachers[1].PersonId]);
    }

    [Fact]
    public async Task Topic_search_finds_items_of_the_topic_and_teachers_who_offered_it_in_the_latest_round()
    {
        var school = await app.NewSchoolAsync(teachers: 4);
        var video = await TopicAsync(school.Id, "Создание видеороликов (программы)");
        await AddItemAsync(await school.TeacherAsync(0), "Монтаж в школьной медиастудии", "Учим детей снимать и монтировать.", topicId: video);
        await AddItemAsync(await school.TeacherAsync(1), "Подготовка к ОГЭ", "Разбор заданий.");
        // Teacher 3 has no portfolio but offered the topic in the latest round of the active program.
        var (_, roundId) = await school.OpenRoundAsync();
        await app.WithDb(db =>
        {
            db.Offers.Add(new Offer { SchoolId = school.Id, RoundId = roundId, PersonId = school.Teachers[3].PersonId, TopicId = video, Level = 3 });
            return db.SaveChangesAsync();
        });
        var reader = await school.TeacherAsync(2);

        var byTopic = await SearchAsync(reader, null, video);
        People(byTopic).ShouldBe([school.Teachers[0].PersonId, school.Teachers[3].PersonId]);
        var offerOnly = byTopic.GetProperty("teachers")[1];
        offerOnly.GetProperty("items").GetArrayLength().ShouldBe(0);
        offerOnly.GetProperty("offers")[0].GetProperty("level").GetInt32().ShouldBe(3);
        // The topic's name counts as words of its items: «видеоролики» finds the studio item though its text has no such word.
        People(await SearchAsync(reader, "видеоролики")).ShouldBe([school.Teachers[0].PersonId, school.Teachers[3].PersonId]);

        var page = await PageAsync(reader, $"/Supervisor?topicId={video}");
        page.ShouldContain("уровень 3");
        page.ShouldContain("Монтаж в школьной медиастудии");
        page.ShouldNotContain("Подготовка к ОГЭ");
    }

    [Fact]
    public async Task Another_schools_items_contacts_and_files_are_never_found()
    {
        var school = await app.NewSchoolAsync(teachers: 2);
        var t0 = await school.TeacherAsync(0);
        await AddContactAsync(t0, ContactKind.Email, "elkina@school.example", ContactVisibility.School);
        var fileId = await UploadAsync(t0, "Видеоролики к урокам", "конспект.pdf", "%PDF-1.4 test"u8.ToArray());

        var other = await app.CuratorOfBAsync();
        People(await SearchAsync(other, "видеоролики")).ShouldBeEmpty();
        (await PageAsync(other, "/Supervisor?q=" + Uri.EscapeDataString("видеоролики"))).ShouldNotContain("elkina@school.example");
        (await other.GetAsync($"/api/v1/portfolio/people/{school.Teachers[0].PersonId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/Portfolio?personId={school.Teachers[0].PersonId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/Portfolio/File?id={fileId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_contact_kept_for_the_administration_is_shown_to_the_owner_and_curator_but_never_to_colleagues()
    {
        var school = await app.NewSchoolAsync(teachers: 2);
        var owner = await school.TeacherAsync(0);
        await AddItemAsync(owner, "Видеоролики на уроках", "Снимаем видеоролики.");
        await AddContactAsync(owner, ContactKind.Email, "open@school.example", ContactVisibility.School);
        await AddContactAsync(owner, ContactKind.Phone, "+7 911 000-11-22", ContactVisibility.Administration);
        var personId = school.Teachers[0].PersonId;
        const string hidden = "+7 911 000-11-22";

        var colleague = await school.TeacherAsync(1);
        var colleaguePage = await PageAsync(colleague, $"/Portfolio?personId={personId}");
        colleaguePage.ShouldContain("open@school.example");
        colleaguePage.ShouldNotContain(hidden);
        var api = await colleague.GetStringAsync($"/api/v1/portfolio/people/{personId}");
        api.ShouldContain("open@school.example");
        api.ShouldNotContain(hidden);
        var search = await PageAsync(colleague, "/Supervisor?q=" + Uri.EscapeDataString("видеоролик"));
        search.ShouldContain("mailto:open@school.example");
        search.ShouldNotContain(hidden);
        (await colleague.GetStringAsync("/api/v1/portfolio/search?q=" + Uri.EscapeDataString("видеоролик"))).ShouldNotContain(hidden);

        var curator = await school.CuratorAsync();
        (await PageAsync(curator, $"/Portfolio?personId={personId}")).ShouldContain(hidden);
        (await curator.GetStringAsync($"/api/v1/portfolio/people/{personId}")).ShouldContain(hidden);
        (await PageAsync(curator, "/Supervisor?q=" + Uri.EscapeDataString("видеоролик"))).ShouldContain("tel:+79110001122");
        var own = await PageAsync(owner, "/Portfolio");
        own.ShouldContain(hidden);
        own.ShouldContain("только куратор и администрация");
    }

    [Fact]
    public async Task A_teacher_cannot_change_or_delete_another_teachers_item_by_page_form_or_api()
    {
        var school = await app.NewSchoolAsync(teachers: 2);
        var (id, version) = await AddItemAsync(await school.TeacherAsync(0), "Моя методика", "Описание.");
        var other = await school.TeacherAsync(1);

        (await other.GetAsync($"/Portfolio/Edit/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var token = Html.Token(await other.GetStringAsync("/Portfolio/Edit"));
        (await other.PostAsync($"/Portfolio/Edit/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Title"] = "Взломано", ["Version"] = version.ToString(), ["__RequestVerificationToken"] = token,
        }))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostFormAsync("/Portfolio", $"/Portfolio?handler=DeleteItem&itemId={id}", new() { ["version"] = version.ToString() }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/portfolio/items/{id}") { Content = JsonContent.Create(new { title = "Взломано" }) };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        (await other.SendAsync(put)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/portfolio/items/{id}");
        delete.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        (await other.SendAsync(delete)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // A curator has no teacher's card: the own-items API is forbidden, not an empty success.
        (await (await school.CuratorAsync()).PostAsJsonAsync("/api/v1/portfolio/items", new { title = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await app.WithDb(db => db.PortfolioItems.IgnoreQueryFilters().SingleAsync(i => i.Id == id))).Title.ShouldBe("Моя методика");
    }

    [Fact]
    public async Task A_file_goes_up_and_comes_back_byte_for_byte_as_an_attachment_and_bad_files_are_refused()
    {
        var school = await app.NewSchoolAsync(teachers: 2);
        var owner = await school.TeacherAsync(0);
        var bytes = Enumerable.Range(0, 50_000).Select(i => (byte)(i * 7)).ToArray();
        var fileId = await UploadAsync(owner, "Открытый урок", "Конспект урока «Лес».docx", bytes);

        var reader = await school.TeacherAsync(1);
        var response = await reader.GetAsync($"/Portfolio/File?id={fileId}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("Конспект урока «Лес».docx");
        response.Headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");
        (await PageAsync(reader, $"/Portfolio?personId={school.Teachers[0].PersonId}")).ShouldContain("Конспект урока «Лес».docx");

        var html = await PostItemWithFileAsync(owner, "Страница", "page.html", "<script>alert(1)</script>"u8.ToArray());
        html.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await html.Content.ReadAsStringAsync()).ShouldContain("Файл «page.html» не принят");
        var big = await PostItemWithFileAsync(owner, "Видео", "урок.mp4", new byte[10 * 1024 * 1024 + 1]);
        WebUtility.HtmlDecode(await big.Content.ReadAsStringAsync()).ShouldContain("больше 10 МБ");
        (await app.WithDb(db => db.PortfolioItems.IgnoreQueryFilters().CountAsync(i => i.PersonId == school.Teachers[0].PersonId))).ShouldBe(1);

        // The owner removes the file in the edit form; it is gone for everyone.
        var item = await app.WithDb(db => db.PortfolioItems.IgnoreQueryFilters().SingleAsync(i => i.PersonId == school.Teachers[0].PersonId));
        (await owner.PostFormAsync($"/Portfolio/Edit/{item.Id}", $"/Portfolio/Edit/{item.Id}", new()
        {
            ["Input.Title"] = item.Title, ["Version"] = item.Version.ToString(), ["RemoveFiles"] = fileId.ToString(),
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await reader.GetAsync($"/Portfolio/File?id={fileId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.WithDb(db => db.PortfolioItems.IgnoreQueryFilters().SingleAsync(i => i.Id == item.Id))).Version.ShouldBeGreaterThan(item.Version);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_on_the_page_and_in_the_api_and_links_must_be_web_addresses()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var owner = await school.TeacherAsync(0);
        var (id, version) = await AddItemAsync(owner, "Классные часы", "Патриотическое направление.", links: "https://example.org/plan");

        Dictionary<string, string> Form(string title) => new() { ["Input.Title"] = title, ["Version"] = version.ToString(), ["Input.Links"] = "https://example.org/plan" };
        (await owner.PostFormAsync($"/Portfolio/Edit/{id}", $"/Portfolio/Edit/{id}", Form("Классные часы: 5–9 классы"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stale = await owner.PostFormAsync($"/Portfolio/Edit/{id}", $"/Portfolio/Edit/{id}", Form("Старая вкладка"));
        WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()).ShouldContain("сохранили в другой вкладке");

        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/portfolio/items/{id}") { Content = JsonContent.Create(new { title = "Из API" }) };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        (await owner.SendAsync(put)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var noIfMatch = await owner.PutAsJsonAsync($"/api/v1/portfolio/items/{id}", new { title = "Из API" });
        noIfMatch.StatusCode.ShouldBe((HttpStatusCode)428);
        var get = await owner.GetAsync($"/api/v1/portfolio/items/{id}");
        var fresh = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/portfolio/items/{id}") { Content = JsonContent.Create(new { title = "Из API" }) };
        fresh.Headers.IfMatch.Add(get.Headers.ETag!);
        (await owner.SendAsync(fresh)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.WithDb(db => db.PortfolioItems.IgnoreQueryFilters().SingleAsync(i => i.Id == id))).Title.ShouldBe("Из API");

        var bad = await owner.PostFormAsync("/Portfolio/Edit", "/Portfolio/Edit", new() { ["Input.Title"] = "Ссылки", ["Input.Links"] = "https://ok.example\njavascript:alert(1)" });
        WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()).ShouldContain("Ссылка в строке 2");
        var badApi = await owner.PostAsJsonAsync("/api/v1/portfolio/items", new { title = "Ссылки", links = "ftp://files.example/plan" });
        badApi.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badApi.Content.ReadAsStringAsync()).ShouldContain("http://");
    }

    [Fact]
    public async Task Excerpts_are_html_encoded_and_an_empty_bank_says_how_it_fills()
    {
        var school = await app.NewSchoolAsync(teachers: 2);
        var reader = await school.TeacherAsync(1);
        var empty = WebUtility.HtmlDecode(await reader.GetStringAsync("/Supervisor"));
        empty.ShouldContain("пока нет ни одного портфолио");
        WebUtility.HtmlDecode(await reader.GetStringAsync("/Supervisor?q=abc")).ShouldContain("ничего не нашлось");

        await AddItemAsync(await school.TeacherAsync(0), "Видеоролики", "Пример: <script>alert('видеоролики')</script> и <img src=x onerror=alert(1)>");
        var page = await reader.GetStringAsync("/Supervisor?q=" + Uri.EscapeDataString("видеоролики"));
        page.ShouldNotContain("<script>alert");
        page.ShouldNotContain("<img src=x");
        page.ShouldContain("&lt;script&gt;");
    }

    [Fact]
    public async Task Results_of_a_big_school_come_in_pages_of_twenty_teachers()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        await app.WithDb(async db =>
        {
            for (var i = 0; i < 45; i++)
            {
                // Colleagues with consent: only their portfolios are shown to a teacher (ADR-004).
                var p = new Person { SchoolId = school.Id, LastName = $"Педагогова-{i:00}", FirstName = "Анна", Department = "МО начальных классов", Consent = ConsentStatus.Given };
                db.People.Add(p);
                await db.SaveChangesAsync();
                db.PortfolioItems.Add(new PortfolioItem { SchoolId = school.Id, PersonId = p.Id, Title = "Игровые технологии", Description = $"Видеоролики к уроку {i}" });
                db.PortfolioItems.Add(new PortfolioItem { SchoolId = school.Id, PersonId = p.Id, Title = "Работа с родителями", Description = "Собрания." });
            }
            return await db.SaveChangesAsync();
        });
        var reader = await school.TeacherAsync(0);
        var first = await reader.GetFromJsonAsync<JsonElement>("/api/v1/portfolio/search?q=" + Uri.EscapeDataString("видеоролики"));
        (first.GetProperty("total").GetInt32(), first.GetProperty("pages").GetInt32(), first.GetProperty("teachers").GetArrayLength()).ShouldBe((45, 3, 20));
        var last = await reader.GetFromJsonAsync<JsonElement>("/api/v1/portfolio/search?q=" + Uri.EscapeDataString("видеоролики") + "&page=3");
        last.GetProperty("teachers").GetArrayLength().ShouldBe(5);
        People(first).Concat(People(last)).Distinct().Count().ShouldBe(25);
        var page2 = WebUtility.HtmlDecode(await reader.GetStringAsync("/Supervisor?q=" + Uri.EscapeDataString("видеоролики") + "&p=2"));
        page2.ShouldContain("Страница 2 из 3");
        Html.Parse(page2).QuerySelectorAll("[data-testid=hit]").Length.ShouldBe(20);
    }

    private static async Task<HttpResponseMessage> PostItemWithFileAsync(HttpClient teacher, string title, string fileName, byte[] content)
    {
        var token = Html.Token(await teacher.GetStringAsync("/Portfolio/Edit"));
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(title), "Input.Title" },
            { new StringContent("0"), "Version" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/html"); // what the browser claims does not matter
        form.Add(file, "Uploads", fileName);
        return await teacher.PostAsync("/Portfolio/Edit", form);
    }

    private async Task<int> UploadAsync(HttpClient teacher, string title, string fileName, byte[] content)
    {
        (await PostItemWithFileAsync(teacher, title, fileName, content)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return await app.WithDb(db => db.PortfolioFiles.IgnoreQueryFilters().Where(f => f.FileName == fileName).OrderByDescending(f => f.Id).Select(f => f.Id).FirstAsync());
    }
}

[Collection("sqlite")] public sealed class PortfolioTests_Sqlite(SqliteApp app) : PortfolioTests(app);
[Collection("postgres")] public sealed class PortfolioTests_Postgres(PostgresApp app) : PortfolioTests(app);
