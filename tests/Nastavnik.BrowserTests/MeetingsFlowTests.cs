using System.Globalization;
using System.Text.RegularExpressions;

namespace Nastavnik.BrowserTests;

/// <summary>
/// A pair's first meeting from both sides: the mentor plans the organizational meeting on a phone (its kind offered first), the mentee
/// sees it in the cabinet, the mentor marks it held with notes, both give feedback; at 1440 px the cabinet shows both roles side by side.
/// </summary>
[Collection("browser")]
public sealed class MeetingsFlowTests(AppServer app)
{
    [Fact]
    public async Task The_mentor_plans_and_holds_the_organizational_meeting_and_both_sides_give_feedback()
    {
        var (pairId, _) = AddPair(app.DatabasePath);

        var mentor = await app.NewPageAsync(375, 800);
        await app.LoginAsync(mentor, "teacher", "teacher2026");
        await mentor.GotoAsync($"{app.BaseUrl}/Meetings?pair={pairId}");
        var form = mentor.Locator("[data-testid=plan-form]");
        await form.WaitForAsync();
        await Expect(form.Locator("select[name='Input.Kind']")).ToHaveValueAsync("Organizational");
        await form.Locator("input[name='Input.Place']").FillAsync("Кабинет 214");
        await form.Locator("textarea[name='Input.Agenda']").FillAsync("Знакомство и ожидания");
        (await mentor.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scroll at 375 px");
        await app.ShotAsync(mentor, "meetings-375-plan");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(mentor.Locator("[data-testid=meeting-status]")).ToHaveTextAsync("Запланирована");
        var meetingId = int.Parse(Regex.Match(mentor.Url, @"/Meetings/(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);

        var mentee = await app.NewPageAsync(1440, 900);
        await app.LoginAsync(mentee, "teacher2", "teacher2026");
        await Expect(mentee.Locator("[data-testid=cabinet-meetings]")).ToContainTextAsync("Организационная встреча");
        await Expect(mentee.Locator("[data-testid=my-mentors]")).ToContainTextAsync("Следующая встреча: ");

        // An hour passes after its start (moved back in the database, as the clock of the app is the real one).
        MoveToThePast(app.DatabasePath, meetingId);
        await mentor.GotoAsync($"{app.BaseUrl}/Meetings/{meetingId}");
        await mentor.Locator("[data-testid=outcome-form] button.btn-success").ClickAsync();
        await Expect(mentor.Locator("[data-testid=meeting-status]")).ToHaveTextAsync("Состоялась");
        await mentor.Locator("[data-testid=shared-notes]").FillAsync("Договорились встречаться по вторникам.");
        await mentor.Locator("[data-testid=shared-notes]").Locator("xpath=following-sibling::button").ClickAsync();
        await Expect(mentor.Locator(".alert-success")).ToContainTextAsync("Общие заметки сохранены.");
        await mentor.Locator("[data-testid=private-note]").FillAsync("Обратить внимание на тайминг урока");
        await mentor.Locator("[data-testid=private-note]").Locator("xpath=following-sibling::button").ClickAsync();
        await Expect(mentor.Locator(".alert-success")).ToContainTextAsync("Личная заметка сохранена.");
        await mentor.Locator("label[for=rating-5]").ClickAsync();
        await mentor.Locator("[data-testid=feedback-form] textarea").FillAsync("Хорошее начало");
        await mentor.Locator("[data-testid=feedback-form] button").ClickAsync();
        await Expect(mentor.Locator("[data-testid=feedback-list]")).ToContainTextAsync("Хорошее начало");
        await app.ShotAsync(mentor, "meetings-375-held");

        await mentee.GotoAsync(app.BaseUrl + "/");
        await Expect(mentee.Locator("[data-testid=cabinet-waiting]")).ToContainTextAsync("Отзыв о встрече");
        await mentee.Locator("[data-testid=cabinet-waiting] li", new() { HasText = "Отзыв о встрече" }).Locator("a").First.ClickAsync(); // surveys may wait too
        await Expect(mentee.Locator("[data-testid=meeting-title]")).ToHaveTextAsync("Организационная встреча");
        await Expect(mentee.Locator("body")).ToContainTextAsync("Договорились встречаться по вторникам.");
        await Expect(mentee.Locator("body")).Not.ToContainTextAsync("Обратить внимание на тайминг урока");
        await mentee.Locator("label[for=rating-4]").ClickAsync();
        await mentee.Locator("[data-testid=feedback-form] textarea").FillAsync("Всё понятно");
        await mentee.Locator("[data-testid=feedback-form] button").ClickAsync();
        await Expect(mentee.Locator("[data-testid=feedback-list]")).ToContainTextAsync("Всё понятно");
        await Expect(mentee.Locator("[data-testid=feedback-list]")).ToContainTextAsync("Хорошее начало");

        // The mentor's cabinet at 1440 px: both roles side by side (the demo teacher is also a mentee here).
        var desk = await app.NewPageAsync(1440, 900);
        await app.LoginAsync(desk, "teacher", "teacher2026");
        var asMentor = desk.Locator("h2", new() { HasText = "Я наставник" });
        var asMentee = desk.Locator("h2", new() { HasText = "Я наставляемый" });
        await Expect(desk.Locator("[data-testid=my-mentees]")).ToContainTextAsync("Работает", new() { IgnoreCase = true });
        var left = (await asMentor.BoundingBoxAsync())!;
        var right = (await asMentee.BoundingBoxAsync())!;
        right.Y.ShouldBe(left.Y, 2);
        right.X.ShouldBeGreaterThan(left.X + 300);
        await app.ShotAsync(desk, "cabinet-1440");
    }

    /// <summary>The demo teacher mentors teacher2 in the current program on a topic of their own (kept if already there); its id and the program's.</summary>
    private static (long PairId, long ProgramId) AddPair(string databasePath)
    {
        using var db = new TestDatabase(databasePath);
        db.Open();
        long Scalar(string sql) { using var c = db.CreateCommand(); c.CommandText = sql; return Convert.ToInt64(c.ExecuteScalar(), CultureInfo.InvariantCulture); }
        void Exec(string sql) { using var c = db.CreateCommand(); c.CommandText = sql; c.ExecuteNonQuery(); }
        var school = Scalar("""SELECT "Id" FROM "Organizations" WHERE "IsDemo" = 1 AND "Kind" = 'School'""");
        var program = Scalar($"""SELECT "Id" FROM "Programs" WHERE "SchoolId" = {school} AND "Status" = 'Active'""");
        var mentee = Scalar("""SELECT "PersonId" FROM "AspNetUsers" WHERE "UserName" = 'teacher2'""");
        var mentor = Scalar("""SELECT "PersonId" FROM "AspNetUsers" WHERE "UserName" = 'teacher'""");
        // Topics on which the mentee has no live pair with someone else (another flow may have approved pairs on the shared demo).
        string Free(long menteeId, long mentorId, int skip) => $"""
            SELECT "Id" FROM "Topics" WHERE "SchoolId" = {school} AND "IsRetired" = 0 AND "Id" NOT IN (SELECT "TopicId" FROM "MentoringPairs"
              WHERE "ProgramId" = {program} AND "MenteeId" = {menteeId} AND "MentorId" <> {mentorId} AND "Status" IN ('Approved', 'Active'))
            ORDER BY "Id" DESC LIMIT 1 OFFSET {skip}
            """;
        var topic = Scalar(Free(mentee, mentor, 0));
        var topic2 = Scalar(Free(mentor, mentee, 1));
        Exec($"""
            INSERT OR IGNORE INTO "MentoringPairs" ("SchoolId", "ProgramId", "MentorId", "MenteeId", "TopicId", "ApprovedAt", "ApprovedBy", "Status", "Manual", "Version")
            VALUES ({school}, {program}, {mentor}, {mentee}, {topic}, '2026-10-01 08:00:00', 'curator', 'Approved', 0, 1),
                   ({school}, {program}, {mentee}, {mentor}, {topic2}, '2026-10-01 08:00:00', 'curator', 'Approved', 0, 1)
            """);
        return (Scalar($"""SELECT "Id" FROM "MentoringPairs" WHERE "ProgramId" = {program} AND "MentorId" = {mentor} AND "MenteeId" = {mentee} AND "TopicId" = {topic}"""), program);
    }

    private static void MoveToThePast(string databasePath, int meetingId)
    {
        using var db = new TestDatabase(databasePath);
        db.Open();
        using var c = db.CreateCommand();
        c.CommandText = $"""UPDATE "Meetings" SET "StartsAt" = '{DateTime.UtcNow.AddHours(-1).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}' WHERE "Id" = {meetingId}""";
        c.ExecuteNonQuery();
    }
}
