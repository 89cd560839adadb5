using System.Globalization;
using Microsoft.Playwright;

namespace Nastavnik.BrowserTests;

/// <summary>The bell on a phone and a desktop: the unread count says itself to a screen reader, opens the list, and a notification opened leads to its page and is read.</summary>
[Collection("browser")]
public sealed class NotificationsFlowTests(AppServer app)
{
    /// <summary>Notifications for the demo teacher, written into the app's SQLite file (a reminder job would write them); returns the teacher's unread count.</summary>
    private int NotifyTeacher()
    {
        using var db = new TestDatabase(app.DatabasePath);
        db.Open();
        using var who = db.CreateCommand();
        who.CommandText = """SELECT "Id", "SchoolId" FROM "AspNetUsers" WHERE "UserName" = 'teacher'""";
        using (var r = who.ExecuteReader())
        {
            r.Read();
            var (user, school) = (r.GetString(0), r.GetInt32(1));
            r.Close();
            var now = DateTime.UtcNow;
            (string Title, string Text, string Link, int Minutes)[] items =
            [
                ("Открыт тур диагностики «Сентябрь»", "Заполните самооценку до 30.09.2026.", "/Diagnostics/Answer", 30),
                ("Объявление: педсовет в четверг в 15:00", "Сбор в актовом зале, с собой — план работы с наставляемым.", "/Notifications", 10),
            ];
            foreach (var (title, text, link, minutes) in items)
            {
                using var add = db.CreateCommand();
                add.CommandText = """
                    INSERT INTO "Notifications" ("SchoolId", "UserId", "Kind", "Title", "Text", "Link", "Urgent", "DedupKey", "CreatedAt")
                    VALUES ($s, $u, 'announcement', $t, $x, $l, 0, $k, $c)
                    """;
                add.Parameters.AddWithValue("$s", school);
                add.Parameters.AddWithValue("$u", user);
                add.Parameters.AddWithValue("$t", title);
                add.Parameters.AddWithValue("$x", text);
                add.Parameters.AddWithValue("$l", link);
                add.Parameters.AddWithValue("$k", "browser-" + Guid.NewGuid().ToString("N"));
                add.Parameters.AddWithValue("$c", now.AddMinutes(-minutes).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                add.ExecuteNonQuery();
            }
            using var count = db.CreateCommand();
            count.CommandText = """SELECT count(*) FROM "Notifications" WHERE "UserId" = $u AND "ReadAt" IS NULL""";
            count.Parameters.AddWithValue("$u", user);
            return Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    [Fact]
    public async Task A_teacher_on_a_phone_sees_the_bell_opens_the_list_and_a_notification_is_read_when_opened()
    {
        var unread = NotifyTeacher();
        var phone = await app.NewPageAsync(375, 812);
        await app.LoginAsync(phone, "teacher", "teacher2026");

        // The bell is outside the collapsed menu, so a phone sees it without opening the menu. The app's own reminder job may add
        // notifications of the demo's round at any moment, so the count is read from the page and checked against at least ours.
        var bell = phone.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Уведомления: [0-9]+ непрочитанных$") });
        await Expect(bell).ToBeVisibleAsync();
        var shown = int.Parse(await phone.Locator("[data-testid=bell-count]").InnerTextAsync(), CultureInfo.InvariantCulture);
        shown.ShouldBeGreaterThanOrEqualTo(unread);
        (await bell.GetAttributeAsync("aria-label")).ShouldBe($"Уведомления: {shown} непрочитанных");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotDir, "bell-375.png"), Clip = new() { X = 0, Y = 0, Width = 375, Height = 120 } });
        await bell.ClickAsync();

        var announcement = phone.Locator("[data-testid=notification]", new() { HasText = "Объявление: педсовет в четверг в 15:00" });
        await Expect(announcement).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("notification-unread"));
        (await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth")).ShouldBeLessThanOrEqualTo(0);
        await app.ShotAsync(phone, "notifications-375");

        await phone.GetByRole(AriaRole.Button, new() { Name = "Открыт тур диагностики «Сентябрь»" }).ClickAsync();
        await Expect(phone).ToHaveURLAsync(app.BaseUrl + "/Diagnostics/Answer");
        await phone.GotoAsync("/Notifications");
        var opened = phone.Locator("[data-testid=notification]", new() { HasText = "Открыт тур диагностики «Сентябрь»" });
        await Expect(opened).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("notification-unread"));
        await Expect(announcement).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("notification-unread"));

        var desktop = await app.NewPageAsync(1440, 900);
        await app.LoginAsync(desktop, "teacher", "teacher2026");
        await desktop.GotoAsync("/Notifications");
        await Expect(desktop.Locator(".notification-unread").First).ToBeVisibleAsync();
        await app.ShotAsync(desktop, "notifications-1440");
        await desktop.GetByRole(AriaRole.Button, new() { Name = "Отметить все прочитанными" }).ClickAsync();
        await Expect(desktop.GetByRole(AriaRole.Link, new() { Name = "Уведомления: 0 непрочитанных" })).ToBeVisibleAsync();
        await Expect(desktop.Locator(".notification-unread")).ToHaveCountAsync(0);
        await desktop.GotoAsync("/Notifications/Settings");
        await Expect(desktop.Locator("[data-testid=smtp-off]")).ToBeVisibleAsync();
        await app.ShotAsync(desktop, "notification-settings-1440");
    }
}
