using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Portfolio;

namespace Nastavnik.Tests.Portfolio;

/// <summary>The portfolio's use cases through <see cref="PortfolioCommands"/>, and the edit page and the API answering its refusals alike.</summary>
public abstract class PortfolioCommandTests(AppFixture app)
{
    private static PortfolioItemInput Item(string title, int? topicId = null, string? links = null) =>
        new() { Title = title, Description = "Описание опыта.", TopicId = topicId, Links = links };

    private static FileUpload Upload(string name, int bytes = 100) => new(name, bytes, new MemoryStream(new byte[bytes]));

    private Task<PortfolioItem?> ItemAsync(int id) =>
        app.WithDb(db => db.PortfolioItems.IgnoreQueryFilters().AsNoTracking().Include(i => i.Files).SingleOrDefaultAsync(i => i.Id == id));

    private static async Task<PortfolioItem> CreateAsync(TestSchool school, int teacher, string title, params FileUpload[] files)
    {
        await using var s = SignedInScope.Teacher(school, teacher);
        return (await s.Get<PortfolioCommands>().CreateItemAsync(Item(title), files, default)).Value!;
    }

    [Fact]
    public async Task A_teacher_changes_only_their_own_portfolio()
    {
        var school = await app.NewSchoolAsync(teachers: 2);
        var item = await CreateAsync(school, 0, "Моя методика");
        int contactId;
        await using (var owner = SignedInScope.Teacher(school, 0))
            contactId = (await owner.Get<PortfolioCommands>().AddContactAsync(new() { Kind = ContactKind.Room, Value = "Кабинет 21" }, default)).Value!.Id;

        await using (var colleague = SignedInScope.Teacher(school, 1))
        {
            var portfolio = colleague.Get<PortfolioCommands>();
            (await portfolio.UpdateItemAsync(item.Id, Item("Взломано"), item.Version, [], [], default)).Error
                .ShouldBeRefusal(ErrorKind.NotFound, "Материал не найден среди ваших.");
            (await portfolio.DeleteItemAsync(item.Id, item.Version, default)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
            (await portfolio.DeleteContactAsync(contactId, default)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        }
        // A teacher of another school does not even find it.
        await using (var stranger = SignedInScope.As(app, app.SchoolB, "teacher-b", Roles.Teacher, app.PersonB))
            (await stranger.Get<PortfolioCommands>().UpdateItemAsync(item.Id, Item("Взломано"), item.Version, [], [], default)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        // A curator has no teacher's card, so no portfolio of their own to change.
        await using (var curator = SignedInScope.Curator(school))
        {
            var portfolio = curator.Get<PortfolioCommands>();
            (await portfolio.CreateItemAsync(Item("Куратора"), [], default)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
            (await portfolio.DeleteItemAsync(item.Id, item.Version, default)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        }

        var after = await ItemAsync(item.Id);
        (after!.Title, after.Version).ShouldBe(("Моя методика", item.Version));
        (await app.WithDb(db => db.PortfolioContacts.IgnoreQueryFilters().AnyAsync(c => c.Id == contactId))).ShouldBeTrue();
        (await app.WithDb(db => db.PortfolioItems.IgnoreQueryFilters().CountAsync(i => i.SchoolId == school.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Every_problem_of_an_item_is_listed_at_once_and_nothing_is_saved()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var topicOfB = await app.WithDb(db => db.Topics.IgnoreQueryFilters().Where(t => t.SchoolId == app.SchoolB).Select(t => t.Id).FirstAsync());
        var files = Enumerable.Range(1, 10).Select(i => Upload($"лист-{i}.pdf")).Append(Upload("страница.html")).ToList();
        await using var s = SignedInScope.Teacher(school, 0);

        var result = await s.Get<PortfolioCommands>().CreateItemAsync(Item("Материал", topicOfB, "https://ok.example\nftp://files.example/plan"), files, default);
        result.Error.ShouldBeRefusal(ErrorKind.Invalid,
            "Ссылка в строке 2 («ftp://files.example/plan»): нужен полный адрес, начинающийся с http:// или https://.",
            "Такой темы нет в каталоге школы: выберите тему из каталога.",
            "К материалу можно приложить не больше 10 файлов; сейчас их было бы 11.",
            "Файл «страница.html» не принят: прикладывайте pdf, doc(x), ppt(x), xls(x), jpg, png или mp4.");
        (await app.WithDb(db => db.PortfolioItems.IgnoreQueryFilters().CountAsync(i => i.SchoolId == school.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Files_count_together_with_the_kept_ones_and_a_change_of_files_alone_is_a_new_version()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var item = await CreateAsync(school, 0, "Открытый урок", Enumerable.Range(1, 9).Select(i => Upload($"слайд-{i}.png")).ToArray());
        var stored = await ItemAsync(item.Id);
        stored!.Files.Count.ShouldBe(9);
        await using var s = SignedInScope.Teacher(school, 0);
        var portfolio = s.Get<PortfolioCommands>();

        (await portfolio.UpdateItemAsync(item.Id, Item("Открытый урок"), stored.Version, [Upload("конспект.pdf"), Upload("план.docx")], [], default))
            .Error!.Message.ShouldBe("К материалу можно приложить не больше 10 файлов; сейчас их было бы 11.");
        var removeTwo = stored.Files.OrderBy(f => f.Id).Take(2).Select(f => f.Id).ToList();
        (await portfolio.UpdateItemAsync(item.Id, Item("Открытый урок"), stored.Version, [Upload("конспект.pdf", 2048), Upload("план.docx")], removeTwo, default))
            .Ok.ShouldBeTrue();

        var after = await ItemAsync(item.Id);
        after!.Files.Count.ShouldBe(9);
        after.Files.ShouldNotContain(f => removeTwo.Contains(f.Id));
        after.Files.Single(f => f.FileName == "конспект.pdf").ShouldSatisfyAllConditions(f => f.Length.ShouldBe(2048), f => f.ContentType.ShouldBe("application/pdf"));
        after.Version.ShouldBeGreaterThan(stored.Version);
    }

    [Fact]
    public async Task An_edit_or_a_delete_from_an_older_version_is_stale()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var item = await CreateAsync(school, 0, "Классные часы", Upload("план.pdf"));
        await using (var s = SignedInScope.Teacher(school, 0))
        {
            var portfolio = s.Get<PortfolioCommands>();
            (await portfolio.UpdateItemAsync(item.Id, Item("Классные часы: 5–9 классы"), item.Version, [], [], default)).Ok.ShouldBeTrue();
            (await portfolio.UpdateItemAsync(item.Id, Item("Старая вкладка"), item.Version, [], [], default)).Error.ShouldBeRefusal(ErrorKind.Stale,
                "Пока вы редактировали материал, его сохранили в другой вкладке или на другом устройстве.",
                "Ваши изменения не сохранены: откройте материал заново и внесите правки ещё раз.");
            (await portfolio.DeleteItemAsync(item.Id, item.Version, default)).Error!.Kind.ShouldBe(ErrorKind.Stale);
        }
        var current = await ItemAsync(item.Id);
        current!.Title.ShouldBe("Классные часы: 5–9 классы");

        await using (var s = SignedInScope.Teacher(school, 0))
            (await s.Get<PortfolioCommands>().DeleteItemAsync(item.Id, current.Version, default)).Value!.Title.ShouldBe("Классные часы: 5–9 классы");
        (await ItemAsync(item.Id)).ShouldBeNull();
        (await app.WithDb(db => db.PortfolioFiles.IgnoreQueryFilters().CountAsync(f => f.ItemId == item.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task Contacts_follow_their_kind_and_come_in_the_order_they_were_added()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        await using var s = SignedInScope.Teacher(school, 0);
        var portfolio = s.Get<PortfolioCommands>();
        (await portfolio.AddContactAsync(new() { Kind = ContactKind.Phone, Value = "звоните" }, default)).Error.ShouldBeRefusal(ErrorKind.Invalid,
            "Телефон: только цифры, пробелы, скобки, «+» и «-», например +7 (812) 123-45-67.");
        (await portfolio.AddContactAsync(new() { Kind = ContactKind.Email, Value = "нет" }, default)).Error!.Kind.ShouldBe(ErrorKind.Invalid);
        var mail = (await portfolio.AddContactAsync(new() { Kind = ContactKind.Email, Value = " elkina@school.example " }, default)).Value!;
        var phone = (await portfolio.AddContactAsync(new() { Kind = ContactKind.Phone, Value = "+7 911 000-11-22", Visibility = ContactVisibility.Administration }, default)).Value!;
        (mail.Value, mail.SortOrder, phone.SortOrder, phone.PersonId).ShouldBe(("elkina@school.example", 1, 2, school.Teachers[0].PersonId));
        (await portfolio.DeleteContactAsync(mail.Id, default)).Ok.ShouldBeTrue();
        (await app.WithDb(db => db.PortfolioContacts.IgnoreQueryFilters().Where(c => c.PersonId == school.Teachers[0].PersonId).Select(c => c.Value).ToListAsync()))
            .ShouldBe(["+7 911 000-11-22"]);
    }

    [Fact]
    public async Task The_page_and_the_api_refuse_a_topic_of_another_school_with_the_same_russian_message()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var topicOfB = await app.WithDb(db => db.Topics.IgnoreQueryFilters().Where(t => t.SchoolId == app.SchoolB).Select(t => t.Id).FirstAsync());
        CommandError refusal;
        await using (var s = SignedInScope.Teacher(school, 0))
            refusal = (await s.Get<PortfolioCommands>().CreateItemAsync(Item("Чужая тема", topicOfB), [], default)).Error!;
        refusal.Kind.ShouldBe(ErrorKind.Invalid);

        var teacher = await school.TeacherAsync(0);
        var page = await teacher.PostFormAsync("/Portfolio/Edit", "/Portfolio/Edit", new() { ["Input.Title"] = "Чужая тема", ["Input.TopicId"] = topicOfB.ToString() });
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        Html.Parse(await page.Content.ReadAsStringAsync()).QuerySelector(".validation-summary-errors")!.TextContent.Trim().ShouldBe(refusal.Message);

        var api = await teacher.PostAsJsonAsync("/api/v1/portfolio/items", new { title = "Чужая тема", topicId = topicOfB });
        api.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().ShouldBe(refusal.Message);
        (await app.WithDb(db => db.PortfolioItems.IgnoreQueryFilters().CountAsync(i => i.SchoolId == school.Id))).ShouldBe(0);
    }
}

[Collection("sqlite")] public sealed class PortfolioCommandTests_Sqlite(SqliteApp app) : PortfolioCommandTests(app);
[Collection("postgres")] public sealed class PortfolioCommandTests_Postgres(PostgresApp app) : PortfolioCommandTests(app);
