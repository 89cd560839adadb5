
namespace Nastavnik.BrowserTests;

/// <summary>
/// After approval a teacher's home says how to reach the mentor (the contacts the mentor opened to the school) and what comes next;
/// the curator, who has a staff card in the demo, sees their own part below the school's.
/// </summary>
[Collection("browser")]
public sealed class HomePairsFlowTests(AppServer app)
{
    private const string Phone = "+7 900 246-80-13";

    [Fact]
    public async Task A_mentee_sees_the_mentors_contacts_and_the_next_step_on_a_phone_and_the_curator_sees_their_own_part()
    {
        DemoAnswers.EnsureIn(app.DatabasePath);
        AddPairWithContactAndEvent(app.DatabasePath);

        var phone = await app.NewPageAsync(375, 800);
        await app.LoginAsync(phone, "teacher2", "teacher2026");
        var mentors = phone.Locator("[data-testid=my-mentors]");
        await mentors.WaitForAsync();
        (await mentors.InnerTextAsync()).ShouldContain(Phone);
        // The nearest planned event of the roadmap (the demo's own may come before the one added here; the HTTP tests check which).
        var next = await phone.Locator("[data-testid=next-step]").InnerTextAsync();
        next.ShouldContain("Свяжитесь с наставник");
        next.ShouldContain("По дорожной карте программы: «");
        (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scroll at 375 px");
        await app.ShotAsync(phone, "home-375-mentee");

        var curator = await app.NewPageAsync();
        await app.LoginAsync(curator, "curator", "curator2026");
        await curator.Locator("[data-testid=program-name]").WaitForAsync();
        await curator.Locator("[data-testid=my-part]").WaitForAsync();
        await app.ShotAsync(curator, "home-1440-curator");
    }

    /// <summary>
    /// The demo teacher2 as the mentee of the demo teacher in the current program (kept if matching already gave that topic a mentor),
    /// a phone every mentor of teacher2 opened to the school, and a roadmap event tomorrow, so there is a next step.
    /// </summary>
    private static void AddPairWithContactAndEvent(string databasePath)
    {
        using var db = new TestDatabase(databasePath);
        db.Open();
        using var tx = db.BeginTransaction();
        long Scalar(string sql) { using var c = db.CreateCommand(); c.Transaction = tx; c.CommandText = sql; return Convert.ToInt64(c.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture); }
        void Exec(string sql) { using var c = db.CreateCommand(); c.Transaction = tx; c.CommandText = sql; c.ExecuteNonQuery(); }
        var school = Scalar("""SELECT "Id" FROM "Organizations" WHERE "IsDemo" = 1 AND "Kind" = 'School'""");
        var program = Scalar($"""SELECT "Id" FROM "Programs" WHERE "SchoolId" = {school} AND "Status" = 'Active'""");
        var mentee = Scalar("""SELECT "PersonId" FROM "AspNetUsers" WHERE "UserName" = 'teacher2'""");
        var mentor = Scalar("""SELECT "PersonId" FROM "AspNetUsers" WHERE "UserName" = 'teacher'""");
        var topic = Scalar($"""SELECT "Id" FROM "Topics" WHERE "SchoolId" = {school} AND "IsRetired" = 0 ORDER BY "Id" LIMIT 1""");
        Exec($"""
            INSERT OR IGNORE INTO "MentoringPairs" ("SchoolId", "ProgramId", "MentorId", "MenteeId", "TopicId", "ApprovedAt", "ApprovedBy", "Status", "Manual", "Version")
            VALUES ({school}, {program}, {mentor}, {mentee}, {topic}, '2026-10-01 08:00:00', 'curator', 'Approved', 0, 0)
            """);
        Exec($"""
            INSERT INTO "PortfolioContacts" ("SchoolId", "PersonId", "Kind", "Value", "Visibility", "SortOrder")
            SELECT DISTINCT {school}, "MentorId", 'Phone', '{Phone}', 'School', 0 FROM "MentoringPairs"
            WHERE "ProgramId" = {program} AND "MenteeId" = {mentee}
              AND NOT EXISTS (SELECT 1 FROM "PortfolioContacts" c WHERE c."PersonId" = "MentoringPairs"."MentorId" AND c."Value" = '{Phone}')
            """);
        var stage = Scalar($"""SELECT "Id" FROM "RoadmapStages" WHERE "ProgramId" = {program} ORDER BY "SortOrder" LIMIT 1""");
        var title = "Первая встреча пары, проверка " + Guid.NewGuid().ToString("N")[..6];
        var due = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Exec($"""
            INSERT INTO "RoadmapEvents" ("SchoolId", "ProgramId", "StageId", "Title", "DueDate", "Status", "SortOrder", "Version")
            VALUES ({school}, {program}, {stage}, '{title}', '{due}', 'Planned', 0, 0)
            """);
        tx.Commit();
    }
}
