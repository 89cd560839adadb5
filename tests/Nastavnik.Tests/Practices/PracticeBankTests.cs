using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Portfolio;
using Nastavnik.Web.Features.Practices;

namespace Nastavnik.Tests.Practices;

using Text = DocumentFormat.OpenXml.Wordprocessing.Text;

/// <summary>
/// The practice bank (issue 14, item 9): adding and changing materials with the portfolio's rules (links, files) and the version,
/// who may change what, the search in Russian word forms, sharing with the district's schools and break-in attempts from another
/// school, and the collection .docx opened back.
/// </summary>
public abstract class PracticeBankTests(AppFixture app)
{
    private static PracticeInput Input(string title, string? description = "Описание практики.", string? links = null, string? tags = null,
        bool shared = false, PracticeKind kind = PracticeKind.Material) =>
        new() { Title = title, Description = description, Links = links, Tags = tags, SharedWithDistrict = shared, Kind = kind };

    private static FileUpload Upload(string name, int bytes = 100) => new(name, bytes, new MemoryStream(new byte[bytes]));

    private static async Task<PracticeMaterial> CreateAsync(TestSchool school, int teacher, PracticeInput input, params FileUpload[] files)
    {
        await using var s = SignedInScope.Teacher(school, teacher);
        var result = await s.Get<PracticeCommands>().CreateAsync(input, files, default);
        result.Error.ShouldBeNull();
        return result.Value!;
    }

    private static async Task<T> As<T>(SignedInScope scope, Func<SignedInScope, Task<T>> action)
    {
        await using (scope) return await action(scope);
    }

    [Fact]
    public async Task A_teacher_adds_a_material_with_files_colleagues_read_it_and_only_the_author_and_managers_change_it()
    {
        var school = await app.NewSchoolAsync(teachers: 3);
        await using (var s = SignedInScope.Teacher(school, 0))
        {
            var commands = s.Get<PracticeCommands>();
            (await commands.CreateAsync(Input(" "), [], default)).Error.ShouldBeRefusal(ErrorKind.Invalid, "Укажите название материала.");
            (await commands.CreateAsync(Input("План", links: "ftp://files.school.ru/plan"), [Upload("script.exe"), Upload("big.pdf", 11 * 1024 * 1024)], default)).Error
                .ShouldBeRefusal(ErrorKind.Invalid,
                    "Ссылка в строке 1 («ftp://files.school.ru/plan»): нужен полный адрес, начинающийся с http:// или https://.",
                    "Файл «script.exe» не принят: прикладывайте pdf, doc(x), ppt(x), xls(x), jpg, png или mp4.",
                    "Файл «big.pdf» больше 10 МБ (11 МБ). Уменьшите его или дайте ссылку на облако.");
        }
        (await app.WithDb(db => db.PracticeMaterials.IgnoreQueryFilters().CountAsync(m => m.SchoolId == school.Id))).ShouldBe(0);

        var m = await CreateAsync(school, 0, Input("Адаптация молодого учителя", links: "https://school.ru/adapt", tags: "Адаптация, первый год; адаптация"),
            Upload("План адаптации.pdf", 2048));
        await using (var colleague = SignedInScope.Teacher(school, 1))
        {
            var view = (await colleague.Get<PracticeQueries>().GetAsync(m.Id))!;
            (view.Title, view.AuthorName, view.CanEdit, view.KindName).ShouldBe(("Адаптация молодого учителя", school.Teachers[0].FullName, false, "материал"));
            view.Tags.ShouldBe(["адаптация", "первый год"]);
            view.Links.ShouldBe(["https://school.ru/adapt"]);
            view.Files.Select(f => (f.FileName, f.Length)).ShouldBe([("План адаптации.pdf", 2048L)]);
            (await colleague.Get<PracticeCommands>().UpdateAsync(m.Id, Input("Чужое"), m.Version, [], [], default)).Error
                .ShouldBeRefusal(ErrorKind.Forbidden, "Изменять материал могут его автор, куратор и администрация школы.");
            (await colleague.Get<PracticeCommands>().DeleteAsync(m.Id, m.Version, default)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        }
        await using (var author = SignedInScope.Teacher(school, 0))
        {
            var commands = author.Get<PracticeCommands>();
            var fileId = (await author.Get<PracticeQueries>().GetAsync(m.Id))!.Files[0].Id;
            var saved = (await commands.UpdateAsync(m.Id, Input("Адаптация молодого учителя: первый месяц"), m.Version, [Upload("Памятка.docx")], [fileId], default)).Value!;
            saved.Version.ShouldBeGreaterThan(m.Version);
            (await commands.UpdateAsync(m.Id, Input("Старая вкладка"), m.Version, [], [], default)).Error
                .ShouldBeRefusal(ErrorKind.Stale, "Пока вы редактировали материал, его изменил другой пользователь.",
                    "Ваши изменения не сохранены: откройте материал заново и внесите правки ещё раз.");
            var view = (await author.Get<PracticeQueries>().GetAsync(m.Id))!;
            (view.Title, view.Files.Single().FileName).ShouldBe(("Адаптация молодого учителя: первый месяц", "Памятка.docx"));
        }
        await using (var curator = SignedInScope.Curator(school))
        {
            var commands = curator.Get<PracticeCommands>();
            (await commands.CreateAsync(Input("Без автора"), [], default)).Error.ShouldBeRefusal(ErrorKind.Invalid, "Укажите автора материала: педагога школы.");
            var named = Input("Практика наставничества МО");
            named.AuthorId = school.Teachers[2].PersonId;
            (await commands.CreateAsync(named, [], default)).Value!.AuthorId.ShouldBe(school.Teachers[2].PersonId);
            var current = await app.WithDb(db => db.PracticeMaterials.IgnoreQueryFilters().Where(x => x.Id == m.Id).Select(x => x.Version).SingleAsync());
            (await commands.DeleteAsync(m.Id, current, default)).Error.ShouldBeNull();
        }
        (await app.WithDb(db => db.PracticeFiles.IgnoreQueryFilters().AnyAsync(f => f.MaterialId == m.Id))).ShouldBeFalse();
    }

    [Fact]
    public async Task The_search_finds_Russian_word_forms_and_e_for_yo_and_filters_by_kind_and_tag()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        await CreateAsync(school, 0, Input("Как стать хорошим наставником", "Советы для наставника в первый год.", tags: "советы"));
        await CreateAsync(school, 0, Input("Учёт достижений учеников", "Портфолио класса.", kind: PracticeKind.Practice, tags: "оценивание"));
        await CreateAsync(school, 0, Input("Открытый урок по физике", "Разбор урока.", kind: PracticeKind.Case));
        await using var s = SignedInScope.Teacher(school, 0);
        var q = s.Get<PracticeQueries>();
        (await q.SearchAsync(new("наставнику", null, null, null))).Items.Select(i => i.Title).ShouldBe(["Как стать хорошим наставником"]);
        var found = (await q.SearchAsync(new("учет", null, null, null))).Items.Single();
        found.Title.ShouldBe("Учёт достижений учеников");
        (await q.SearchAsync(new(null, null, PracticeKind.Case, null))).Items.Select(i => i.Title).ShouldBe(["Открытый урок по физике"]);
        (await q.SearchAsync(new(null, null, null, "Оценивание"))).Items.Select(i => i.Title).ShouldBe(["Учёт достижений учеников"]);
        var all = await q.SearchAsync(new(null, null, null, null));
        all.Total.ShouldBe(3);
        all.Tags.ShouldBe(["оценивание", "советы"]);
        (await q.SearchAsync(new("советам наставникам", null, null, null))).Items.Single().ExcerptHtml.ShouldContain("<mark>наставника</mark>");
    }

    [Fact]
    public async Task Another_school_of_the_district_reads_only_the_shared_material_and_cannot_change_it_by_a_guessed_id_or_a_crafted_request()
    {
        var a = await app.NewSchoolAsync(teachers: 1);
        var b = await app.NewSchoolAsync(teachers: 1);
        var c = await app.NewSchoolAsync(teachers: 1);
        await app.WithDb(async db =>
        {
            var district = new Organization { Kind = OrganizationKind.District, Name = "Приморский район " + Guid.NewGuid().ToString("N")[..6] };
            db.Organizations.Add(district);
            await db.SaveChangesAsync();
            return await db.Organizations.Where(o => o.Id == a.Id || o.Id == b.Id).ExecuteUpdateAsync(u => u.SetProperty(o => o.ParentId, district.Id));
        });
        var secret = await CreateAsync(a, 0, Input("Внутренний материал школы", "Только для своих."), Upload("внутр.pdf"));
        var shared = await CreateAsync(a, 0, Input("Методика для района", "Делимся с районом.", shared: true), Upload("район.pdf"));
        var files = await app.WithDb(db => db.PracticeFiles.IgnoreQueryFilters().Where(f => f.MaterialId == secret.Id || f.MaterialId == shared.Id)
            .ToDictionaryAsync(f => f.MaterialId, f => f.Id));

        await using (var s = SignedInScope.Teacher(b, 0))
        {
            var q = s.Get<PracticeQueries>();
            var list = await q.SearchAsync(new(null, null, null, null));
            list.Items.Select(i => (i.Title, i.SchoolName != null, i.CanEdit)).ShouldBe([("Методика для района", true, false)]);
            (await q.SearchAsync(new("внутренний", null, null, null))).Total.ShouldBe(0);
            (await q.GetAsync(secret.Id)).ShouldBeNull();
            (await q.FileAsync(files[secret.Id])).ShouldBeNull();
            (await q.FileAsync(files[shared.Id]))!.FileName.ShouldBe("район.pdf");
            var commands = s.Get<PracticeCommands>();
            (await commands.UpdateAsync(shared.Id, Input("Взломано", shared: true), shared.Version, [], [], default)).Error
                .ShouldBeRefusal(ErrorKind.NotFound, PracticeCommands.NotFoundMessage);
            (await commands.DeleteAsync(shared.Id, shared.Version, default)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        }
        await using (var s = SignedInScope.Curator(c))
            (await s.Get<PracticeQueries>().SearchAsync(new(null, null, null, null))).Total.ShouldBe(0);

        // Crafted requests of school B's curator: the private material and its file are «not found», the shared one is read-only.
        var http = await b.CuratorAsync();
        (await http.GetAsync($"/Practices/{secret.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await http.GetAsync($"/api/v1/practices/{secret.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await http.GetAsync($"/Practices/File/{files[secret.Id]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await http.GetAsync($"/Practices/File/{files[shared.Id]}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.GetAsync($"/Practices/Edit/{shared.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/practices/{shared.Id}") { Content = JsonContent.Create(new { title = "Взломано", sharedWithDistrict = true }) };
        put.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{shared.Version}\""));
        (await http.SendAsync(put)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/practices/{shared.Id}");
        delete.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{shared.Version}\""));
        (await http.SendAsync(delete)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await http.PostAsJsonAsync("/api/v1/practices/collection.docx", new { ids = new[] { secret.Id } })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.WithDb(db => db.PracticeMaterials.IgnoreQueryFilters().Where(m => m.Id == shared.Id).Select(m => m.Title).SingleAsync())).ShouldBe("Методика для района");
        var page = WebUtility.HtmlDecode(await http.GetStringAsync($"/Practices/{shared.Id}"));
        page.ShouldContain("Методика для района");
        page.ShouldNotContain("data-testid=\"practice-edit\"");
    }

    [Fact]
    public async Task The_collection_is_one_docx_with_a_title_page_contents_of_every_selected_material_and_their_sections_in_order()
    {
        var school = await app.NewSchoolAsync(teachers: 2);
        var first = await CreateAsync(school, 0, Input("Наставничество в начальной школе", "Первый абзац.\nВторой абзац.", links: "https://school.ru/nach"),
            Upload("Конспект.docx"));
        var second = await CreateAsync(school, 1, Input("Кейс: открытый урок", "Как прошёл урок.", kind: PracticeKind.Case));
        await CreateAsync(school, 1, Input("Не вошедший материал"));

        (await As(SignedInScope.Teacher(school, 0), s => s.Get<PracticeCollection>().BuildAsync([first.Id], null))).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await As(SignedInScope.Curator(school), s => s.Get<PracticeCollection>().BuildAsync([], null))).Error
            .ShouldBeRefusal(ErrorKind.Invalid, "Отметьте материалы, которые войдут в сборник.");
        var file = (await As(SignedInScope.Curator(school), s => s.Get<PracticeCollection>().BuildAsync([second.Id, first.Id], "Сборник лучших практик")))
            .Value!;
        file.FileName.ShouldEndWith(".docx");

        using var doc = WordprocessingDocument.Open(new MemoryStream(file.Bytes), false);
        var body = doc.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Elements<Paragraph>().Select(p => (Text: string.Concat(p.Descendants<Text>().Select(t => t.Text)), Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value)).ToList();
        var texts = paragraphs.Select(p => p.Text).ToList();
        var schoolName = await app.WithDb(db => db.Organizations.Where(o => o.Id == school.Id).Select(o => o.Name).SingleAsync());
        texts.ShouldContain(schoolName);
        texts.ShouldContain("Сборник лучших практик");
        texts.ShouldContain(DateTime.Now.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The contents: every selected material, numbered in the order chosen, with its page by a PAGEREF to its heading's bookmark.
        var fields = body.Descendants<FieldCode>().Select(f => f.Text.Trim()).ToList();
        fields.ShouldBe(["PAGEREF Material1 \\h", "PAGEREF Material2 \\h"]);
        body.Descendants<BookmarkStart>().Select(b => b.Name!.Value).ShouldBe(["Material1", "Material2"]);
        var contents = texts.IndexOf("Содержание");
        contents.ShouldBeGreaterThan(texts.IndexOf("Сборник лучших практик"));
        texts.Skip(contents + 1).Take(2).ShouldBe(["1. Кейс: открытый урок", "2. Наставничество в начальной школе"]);
        paragraphs.Where(p => p.Style == "Heading1").Select(p => p.Text).ShouldBe(["1. Кейс: открытый урок", "2. Наставничество в начальной школе"]);
        texts.ShouldNotContain("Не вошедший материал");
        var section = texts.Skip(texts.IndexOf("2. Наставничество в начальной школе")).ToList();
        section.ShouldContain("Автор: " + school.Teachers[0].FullName);
        section.ShouldContain("Второй абзац.");
        section.ShouldContain("https://school.ru/nach");
        section.ShouldContain(t => t.StartsWith("Конспект.docx", StringComparison.Ordinal));
        doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().ShouldContain(st => st.StyleId == "Heading1");
    }
}

[Collection("sqlite")] public sealed class PracticeBankTests_Sqlite(SqliteApp app) : PracticeBankTests(app);
[Collection("postgres")] public sealed class PracticeBankTests_Postgres(PostgresApp app) : PracticeBankTests(app);
