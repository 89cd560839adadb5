using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;

namespace Nastavnik.Tests.Notifications;

/// <summary>
/// Announcements as the curator and the teachers use them: written on the page or through the API to a group, received by each
/// person of the group with an account, read on the announcement's page, and counted for the curator; refused with a Russian
/// message when empty; never written or counted by a teacher, never seen by another school.
/// </summary>
public abstract class AnnouncementTests(AppFixture app)
{
    private static Dictionary<string, string> Form(string title, string text, string group, string? department = null, int? programId = null, int? roundId = null) => new()
    {
        ["Input.Title"] = title, ["Input.Text"] = text, ["Input.Group"] = group, ["Input.Department"] = department ?? "",
        ["Input.ProgramId"] = programId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["Input.RoundId"] = roundId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private Task<List<string>> RecipientsOf(int announcementId) => app.WithDb(db =>
        db.Notifications.IgnoreQueryFilters().Where(n => n.AnnouncementId == announcementId)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => u.UserName!).OrderBy(x => x).ToListAsync());

    private Task<int> CountAsync(int schoolId) => app.WithDb(db => db.Announcements.IgnoreQueryFilters().CountAsync(a => a.SchoolId == schoolId));

    [Fact]
    public async Task The_curator_writes_to_a_department_and_sees_who_has_read_it()
    {
        var school = await app.NewSchoolAsync(teachers: 4);
        var curator = await school.CuratorAsync();
        var post = await curator.PostFormAsync("/Announcements/New", "/Announcements/New",
            Form("Заседание МО", "В четверг в 15:00 в кабинете 21 — заседание МО.", "Department", "МО гуманитарных наук"));
        post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var link = post.Headers.Location!.ToString();
        var id = int.Parse(link.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        link.ShouldBe($"/Announcements/{id}");
        // Teachers 1 and 3 are in «МО гуманитарных наук» (even indexes); the others, the curator and the administrator are not.
        (await RecipientsOf(id)).ShouldBe(new[] { school.Teachers[0].Login, school.Teachers[2].Login }.Order().ToList());
        var n = await app.WithDb(db => db.Notifications.IgnoreQueryFilters().FirstAsync(x => x.AnnouncementId == id));
        (n.Kind, n.Title, n.Text, n.Link).ShouldBe(("announcement", "Заседание МО", "В четверг в 15:00 в кабинете 21 — заседание МО.", link));

        var list = Html.Parse(await curator.GetStringAsync("/Announcements"));
        list.QuerySelector("[data-testid=read-count]")!.TextContent.ShouldBe("прочитали 0 из 2");

        var teacher = await school.TeacherAsync(0);
        var page = Html.Parse(await teacher.GetStringAsync(link));
        page.QuerySelector("[data-testid=announcement-text]")!.TextContent.ShouldContain("В четверг в 15:00 в кабинете 21 — заседание МО.");
        page.QuerySelector("[data-testid=read-status]").ShouldBeNull("a teacher does not see who has read it");

        var status = Html.Parse(await curator.GetStringAsync(link));
        status.QuerySelector("#read-status")!.TextContent.ShouldBe("Прочитали 1 из 2");
        status.QuerySelectorAll("[data-testid=not-read] li").Select(li => li.TextContent).ShouldBe([school.Teachers[2].FullName]);
    }

    [Fact]
    public async Task Empty_text_or_an_empty_group_is_refused_in_Russian_and_nothing_is_sent()
    {
        var school = await app.NewSchoolAsync(teachers: 2);
        var curator = await school.CuratorAsync();
        var empty = await curator.PostFormAsync("/Announcements/New", "/Announcements/New", Form("  ", "", "AllStaff"));
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        var errors = Html.Parse(await empty.Content.ReadAsStringAsync()).QuerySelector("[data-testid=error]")!.TextContent;
        errors.ShouldContain("Укажите заголовок объявления.");
        errors.ShouldContain("Напишите текст объявления.");

        var nobody = await curator.PostFormAsync("/Announcements/New", "/Announcements/New", Form("Пары", "Встреча пар в пятницу.", "Mentors"));
        Html.Parse(await nobody.Content.ReadAsStringAsync()).QuerySelector("[data-testid=error]")!.TextContent
            .ShouldContain("В группе «Наставники» нет ни одного педагога с учётной записью: объявление не отправлено.");

        var api = await curator.PostAsJsonAsync("/api/v1/announcements", new { title = "Тур", text = "Ответьте, пожалуйста.", group = "NotAnswered" });
        api.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await api.Content.ReadAsStringAsync()).ShouldContain("Выберите тур диагностики");
        (await CountAsync(school.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Through_the_API_the_curator_writes_to_those_who_have_not_answered_and_reads_the_status()
    {
        var school = await app.NewSchoolAsync(teachers: 3, withoutConsent: 1);
        var (_, roundId) = await school.OpenRoundAsync();
        await app.WithDb(async db =>
        {
            db.RoundResponses.Add(new RoundResponse { SchoolId = school.Id, RoundId = roundId, PersonId = school.Teachers[0].PersonId, SubmittedAt = DateTime.UtcNow, UpdatedBy = "t" });
            return await db.SaveChangesAsync();
        });
        var curator = await school.CuratorAsync();
        var created = await curator.PostAsJsonAsync("/api/v1/announcements", new { title = "Осталось три дня", text = "Заполните анкету до 30.09.2026.", group = "NotAnswered", roundId });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("recipients").GetInt32().ShouldBe(1);
        body.GetProperty("audience").GetString().ShouldBe("Не ответившие в туре «Диагностика, сентябрь 2026»");
        var id = body.GetProperty("id").GetInt32();
        (await RecipientsOf(id)).ShouldBe([school.Teachers[1].Login]);

        var status = await curator.GetFromJsonAsync<JsonElement>($"/api/v1/announcements/{id}");
        status.GetProperty("status").GetProperty("recipients").GetInt32().ShouldBe(1);
        status.GetProperty("status").GetProperty("notRead").EnumerateArray().Select(e => e.GetString()).ShouldBe([school.Teachers[1].FullName]);

        var recipient = await school.TeacherAsync(1);
        var mine = await recipient.GetFromJsonAsync<JsonElement>($"/api/v1/announcements/{id}");
        mine.GetProperty("text").GetString().ShouldBe("Заполните анкету до 30.09.2026.");
        mine.GetProperty("status").ValueKind.ShouldBe(JsonValueKind.Null);
        var read = await curator.GetFromJsonAsync<JsonElement>("/api/v1/announcements");
        read.EnumerateArray().Single().GetProperty("read").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_teacher_cannot_write_announcements_nor_see_read_lists_and_another_school_sees_nothing()
    {
        var school = await app.NewSchoolAsync(teachers: 2);
        var curator = await school.CuratorAsync();
        var created = await curator.PostAsJsonAsync("/api/v1/announcements", new { title = "Всем", text = "Собрание в 15:00.", group = "AllStaff" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var teacher = await school.TeacherAsync(0);
        var page = await teacher.GetAsync("/Announcements/New");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        var form = await teacher.PostFormAsync("/Announcements", "/Announcements/New", Form("От учителя", "Текст", "AllStaff"));
        form.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await teacher.PostAsJsonAsync("/api/v1/announcements", new { title = "От учителя", text = "Текст", group = "AllStaff" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await CountAsync(school.Id)).ShouldBe(1);

        var list = await teacher.GetFromJsonAsync<JsonElement>("/api/v1/announcements");
        var item = list.EnumerateArray().Single();
        (item.GetProperty("read").ValueKind, item.GetProperty("recipients").ValueKind).ShouldBe((JsonValueKind.Null, JsonValueKind.Null));
        Html.Parse(await teacher.GetStringAsync("/Announcements")).QuerySelector("[data-testid=read-count]").ShouldBeNull();
        Html.Parse(await teacher.GetStringAsync($"/Announcements/{id}")).QuerySelector("[data-testid=read-status]").ShouldBeNull();

        var outsider = await app.CuratorOfBAsync();
        (await outsider.GetAsync($"/Announcements/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"/api/v1/announcements/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.GetFromJsonAsync<JsonElement>("/api/v1/announcements")).EnumerateArray().ShouldAllBe(a => a.GetProperty("id").GetInt32() != id);
    }
}

[Collection("sqlite")] public sealed class AnnouncementTests_Sqlite(SqliteApp app) : AnnouncementTests(app);
[Collection("postgres")] public sealed class AnnouncementTests_Postgres(PostgresApp app) : AnnouncementTests(app);
