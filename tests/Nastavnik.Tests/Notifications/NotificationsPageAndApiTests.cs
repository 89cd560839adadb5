using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Features.Notifications;

namespace Nastavnik.Tests.Notifications;

/// <summary>
/// The bell on every page with the unread count, the list that marks a notification read when it is opened, «Отметить все
/// прочитанными», and the API: each person reads and marks only their own (another's is not found, a curator's included).
/// </summary>
public abstract class NotificationsPageAndApiTests(AppFixture app)
{
    private sealed record ListDto(int Total, int Unread, List<NotificationView> Items);

    private async Task<(TestSchool School, string Own, string Other)> SetUpAsync()
    {
        var school = await app.NewSchoolAsync(teachers: 2);
        var own = await app.GiveEmailAsync(school.Teachers[0].Login, null);
        var other = await app.GiveEmailAsync(school.Teachers[1].Login, null);
        await app.WithDb(db => new Notifier(db).NotifyAsync([
            new(school.Id, own, NotificationKinds.RoundOpened, "Открыт тур диагностики", "Заполните самооценку до 30.09.2026.", "/Diagnostics/Answer", DedupKey: "a"),
            new(school.Id, own, NotificationKinds.Announcement, "Педсовет в четверг", "Сбор в актовом зале.", "/Notifications", DedupKey: "b"),
            new(school.Id, other, NotificationKinds.Announcement, "Чужое уведомление", "Не для первого педагога.", "/Notifications", DedupKey: "c"),
        ], CancellationToken.None));
        return (school, own, other);
    }

    [Fact]
    public async Task The_bell_counts_unread_on_every_page_and_opening_a_notification_marks_it_read()
    {
        var (school, own, _) = await SetUpAsync();
        var teacher = await school.TeacherAsync(0);
        foreach (var path in new[] { "/", "/Programs", "/Portfolio" })
        {
            var bell = Html.Parse(await teacher.GetStringAsync(path)).QuerySelector("[data-testid=bell]")!;
            bell.GetAttribute("aria-label").ShouldBe("Уведомления: 2 непрочитанных", path);
            bell.QuerySelector("[data-testid=bell-count]")!.TextContent.ShouldBe("2");
        }
        // A curator and an administrator have a bell too (their own count: nothing yet).
        var curatorPage = Html.Parse(await (await school.CuratorAsync()).GetStringAsync("/"));
        curatorPage.QuerySelector("[data-testid=bell]")!.GetAttribute("aria-label").ShouldBe("Уведомления: 0 непрочитанных");

        var list = Html.Parse(await teacher.GetStringAsync("/Notifications"));
        var items = list.QuerySelectorAll("[data-testid=notification]");
        items.Select(i => i.QuerySelector(".fw-semibold")!.TextContent).ShouldBe(["Педсовет в четверг", "Открыт тур диагностики"]);
        items.ShouldAllBe(i => i.ClassList.Contains("notification-unread"));
        list.Body!.TextContent.ShouldNotContain("Чужое уведомление");

        var id = await app.WithDb(db => db.Notifications.Where(n => n.UserId == own && n.DedupKey == "a").Select(n => n.Id).SingleAsync());
        var open = await teacher.PostFormAsync("/Notifications", $"/Notifications?handler=Open&id={id}", []);
        open.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        open.Headers.Location!.ToString().ShouldBe("/Diagnostics/Answer");
        Html.Parse(await teacher.GetStringAsync("/")).QuerySelector("[data-testid=bell]")!.GetAttribute("aria-label").ShouldBe("Уведомления: 1 непрочитанных");

        (await teacher.PostFormAsync("/Notifications", "/Notifications?handler=ReadAll", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = Html.Parse(await teacher.GetStringAsync("/Notifications"));
        after.QuerySelector("[data-testid=bell]")!.GetAttribute("aria-label").ShouldBe("Уведомления: 0 непрочитанных");
        after.QuerySelector("[data-testid=bell-count]").ShouldBeNull();
        after.QuerySelectorAll(".notification-unread").Length.ShouldBe(0);
        (await app.WithDb(db => db.Notifications.IgnoreQueryFilters().Where(n => n.DedupKey == "c" && n.SchoolId == school.Id).Select(n => n.ReadAt).SingleAsync())).ShouldBeNull();
    }

    [Fact]
    public async Task The_api_lists_and_marks_only_the_callers_own_notifications()
    {
        var (school, own, other) = await SetUpAsync();
        var teacher = await school.TeacherAsync(0);
        var list = await teacher.GetFromJsonAsync<ListDto>("/api/v1/notifications");
        (list!.Total, list.Unread).ShouldBe((2, 2));
        list.Items.Select(i => i.Title).ShouldBe(["Педсовет в четверг", "Открыт тур диагностики"]);

        var others = await app.WithDb(db => db.Notifications.IgnoreQueryFilters().Where(n => n.UserId == other).Select(n => n.Id).SingleAsync());
        (await teacher.PostAsync($"/api/v1/notifications/{others}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // A curator sees the school's notifications in the data, but the API is each person's own.
        var curator = await school.CuratorAsync();
        (await curator.PostAsync($"/api/v1/notifications/{others}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await curator.GetFromJsonAsync<ListDto>("/api/v1/notifications"))!.Total.ShouldBe(0);
        (await app.WithDb(db => db.Notifications.IgnoreQueryFilters().SingleAsync(n => n.Id == others))).ReadAt.ShouldBeNull();

        (await teacher.PostAsync($"/api/v1/notifications/{list.Items[1].Id}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await teacher.GetFromJsonAsync<ListDto>("/api/v1/notifications"))!.Unread.ShouldBe(1);
        var all = await teacher.PostAsync("/api/v1/notifications/read-all", null);
        (await all.Content.ReadFromJsonAsync<NotificationsApi.ReadAllDto>())!.Marked.ShouldBe(1);
        (await teacher.GetFromJsonAsync<ListDto>("/api/v1/notifications"))!.Unread.ShouldBe(0);
        (await app.WithDb(db => db.Notifications.IgnoreQueryFilters().SingleAsync(n => n.Id == others))).ReadAt.ShouldBeNull();
        (await app.Anonymous().GetAsync("/api/v1/notifications")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        _ = own;
    }
}

[Collection("sqlite")] public sealed class NotificationsPageAndApiTests_Sqlite(SqliteApp app) : NotificationsPageAndApiTests(app);
[Collection("postgres")] public sealed class NotificationsPageAndApiTests_Postgres(PostgresApp app) : NotificationsPageAndApiTests(app);
