using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Nastavnik.Web.Files;

namespace Nastavnik.BrowserTests;

[Collection("browser")]
public sealed class CompetencyMapFlowTests(AppServer app)
{
    [Fact]
    public async Task Curator_opens_the_competency_map_and_downloads_the_mentor_base()
    {
        var page = await app.NewPageAsync();
        await app.LoginAsync(page, "curator", "curator2026");
        await page.GotoAsync("/Diagnostics/Map");
        if (await page.Locator("[data-testid=empty]").CountAsync() > 0)
        {
            // A demo school without answers yet: the page says what fills it and links to that step.
            var empty = await page.Locator("[data-testid=empty]").InnerTextAsync();
            (empty.Contains("Карта появится, когда педагоги ответят на диагностику") || empty.Contains("Программа наставничества ещё не создана")).ShouldBeTrue(empty);
            await app.ShotAsync(page, "map-empty-1440");
        }

        // Answers come from the self-assessment and the Forms import; here they go straight into the demo school's database.
        DemoAnswers.EnsureIn(app.DatabasePath);
        await page.GotoAsync("/Diagnostics/Map");
        var answered = int.Parse(await page.Locator("[data-testid=answered]").InnerTextAsync());
        answered.ShouldBeGreaterThan(100);
        (await page.Locator("[data-testid=both]").InnerTextAsync()).ShouldMatch(@"^\d+ \(\d+(,\d)? %\)$");
        (await page.Locator("[data-testid=legend]").InnerTextAsync()).ShouldContain("нужна помощь");
        (await page.Locator("[data-testid=matrix] tbody tr").CountAsync()).ShouldBe(2 + Math.Min(100, answered));
        await app.ShotAsync(page, "map-1440");
        await page.ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotDir, "map-1440-top.png") });

        // The filter by direction swaps the matrix in place (htmx) and keeps the URL shareable.
        await page.GetByLabel("Направление").SelectOptionAsync(new SelectOptionValue { Label = "ИКТ-наставничество" });
        await Expect(page).ToHaveURLAsync(new Regex("dir=\\d+"));
        await page.Locator("[data-testid=matrix] th.cm-topic").First.WaitForAsync();
        (await page.Locator("[data-testid=matrix] th.cm-topic").CountAsync()).ShouldBe(5);
        await app.ShotAsync(page, "map-ict-1440");

        await page.GetByRole(AriaRole.Link, new() { Name = "Базы наставников и наставляемых" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Diagnostics/Bases"));
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("База наставников");
        await app.ShotAsync(page, "bases-mentors-1440");
        await page.ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotDir, "bases-mentors-1440-top.png") });
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=export]").ClickAsync());
        download.SuggestedFilename.ShouldStartWith("База наставников");
        var file = Path.Combine(Path.GetTempPath(), $"mentors-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(file);
        // ExcelDataReader needs the legacy code pages, which the app registers on start; this process reads the file itself.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var table = TableFileReader.Read(file, await File.ReadAllBytesAsync(file));
        table.Headers.ShouldBe(["Направление", "Тема", "ФИО (Фамилия Имя Отчество)", "Уровень", "МО"]);
        table.Rows.Count.ShouldBeGreaterThan(100);
        table.Rows.ShouldAllBe(r => r.Cells[2].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2 && "123".Contains(r.Cells[3]));

        // After the download the page is still there: go on by a link and wait for what it shows, not for a navigation.
        await page.GetByRole(AriaRole.Link, new() { Name = "База наставляемых" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("База наставляемых");
        await app.ShotAsync(page, "bases-mentees-1440");

        var phone = await app.NewPageAsync(375, 800);
        await app.LoginAsync(phone, "curator", "curator2026");
        await phone.GotoAsync("/Diagnostics/Map");
        // The matrix scrolls inside its box; the names column stays where it is.
        var scroller = phone.Locator(".cm-scroll");
        var name = phone.Locator("[data-testid=matrix] tbody th.cm-name").First;
        var before = (await name.BoundingBoxAsync())!.X;
        await scroller.EvaluateAsync("el => el.scrollLeft = 600");
        (await scroller.EvaluateAsync<int>("el => el.scrollLeft")).ShouldBeGreaterThan(0);
        (await name.BoundingBoxAsync())!.X.ShouldBe(before, 1);
        (await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await scroller.EvaluateAsync("el => el.scrollLeft = 0");
        await app.ShotAsync(phone, "map-375");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotDir, "map-375-top.png") });
        await phone.Locator("[data-testid=matrix]").ScrollIntoViewIfNeededAsync();
        await phone.ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotDir, "map-375-matrix.png") });
        await phone.GotoAsync("/Diagnostics/Bases");
        (await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await app.ShotAsync(phone, "bases-mentors-375");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotDir, "bases-mentors-375-top.png") });
    }

    [Fact]
    public async Task Teacher_sees_the_mentor_base_only()
    {
        DemoAnswers.EnsureIn(app.DatabasePath);
        var page = await app.NewPageAsync(375, 800);
        await app.LoginAsync(page, "teacher", "teacher2026");
        await page.GotoAsync("/Diagnostics/Bases");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("База наставников");
        (await page.GetByRole(AriaRole.Link, new() { Name = "База наставляемых" }).CountAsync()).ShouldBe(0);
        await app.ShotAsync(page, "bases-teacher-375");
        var denied = await page.GotoAsync("/Diagnostics/Bases?tab=mentees");
        denied!.Status.ShouldBe(403);
    }
}

/// <summary>
/// A program, a round and answers of about three quarters of the demo school's teachers, written into the app's SQLite file
/// when the school has none yet (later the demo itself will bring them). Seeded, so every run builds the same map.
/// </summary>
internal static class DemoAnswers
{
    private static readonly Lock Gate = new();

    public static void EnsureIn(string databasePath)
    {
        lock (Gate)
        {
            using var db = new TestDatabase(databasePath);
            db.Open();
            using var tx = db.BeginTransaction();
            var school = Scalar(db, tx, "SELECT \"Id\" FROM \"Organizations\" WHERE \"IsDemo\" = 1 AND \"Kind\" = 'School'")!.Value;
            const string now = "2026-09-01 08:00:00";
            var program = Scalar(db, tx, """
                SELECT "Id" FROM "Programs" WHERE "SchoolId" = $s
                ORDER BY CASE "Status" WHEN 'Active' THEN 0 WHEN 'Draft' THEN 1 ELSE 2 END, "StartDate" DESC, "Id" DESC LIMIT 1
                """, ("$s", school))
                ?? Insert(db, tx, $"""INSERT INTO "Programs" ("SchoolId", "Name", "StartDate", "EndDate", "Forms", "Status", "Version", "CreatedAt") VALUES ($s, 'Программа наставничества 2026/2027', '2026-09-01', '2027-06-30', 5, 'Active', 0, '{now}')""", ("$s", school));
            var round = Scalar(db, tx, """SELECT "Id" FROM "DiagnosticsRounds" WHERE "ProgramId" = $p ORDER BY "OpenedAt" DESC, "Id" DESC LIMIT 1""", ("$p", program))
                ?? Insert(db, tx, $"""INSERT INTO "DiagnosticsRounds" ("SchoolId", "ProgramId", "Title", "OpenedAt", "Deadline", "Version") VALUES ($s, $p, 'Диагностика компетенций, сентябрь', '{now}', '2026-09-30', 0)""", ("$s", school), ("$p", program));
            if (Scalar(db, tx, """SELECT count(*) FROM "Offers" WHERE "RoundId" = $r""", ("$r", round)) is > 0) { tx.Commit(); return; }

            var people = Ids(db, tx, """SELECT "Id" FROM "People" WHERE "SchoolId" = $s AND "IsArchived" = 0 ORDER BY "Id" """, school);
            var topics = Ids(db, tx, """SELECT t."Id" FROM "Topics" t JOIN "Directions" d ON d."Id" = t."DirectionId" WHERE t."SchoolId" = $s AND t."IsRetired" = 0 ORDER BY d."SortOrder", t."SortOrder" """, school);
            var rng = new Random(291);
            // Two topics nobody offers (deficits without a mentor); needs lean to the digital topics (indexes 10–14).
            var offerable = topics.Take(topics.Count - 2).ToList();
            var needWeighted = topics.Concat(topics.Skip(10).Take(5)).Concat(topics.Skip(10).Take(5)).ToList();
            foreach (var person in people.Where(_ => rng.NextDouble() < 0.75))
            {
                // Most teachers are both mentors and mentees (the reverse-mentoring idea of seed 004); some are only one of them.
                var roles = rng.NextDouble();
                var offers = offerable.OrderBy(_ => rng.Next()).Take(roles < 0.2 ? 0 : rng.Next(2, 5)).ToList();
                foreach (var t in offers)
                    Exec(db, tx, $"""INSERT INTO "Offers" ("SchoolId", "RoundId", "PersonId", "TopicId", "Level", "Source", "UpdatedAt") VALUES ($s, $r, $p, $t, $v, 'Self', '{now}')""",
                        ("$s", school), ("$r", round), ("$p", person), ("$t", t), ("$v", rng.Next(1, 4)));
                var needs = needWeighted.OrderBy(_ => rng.Next()).Distinct().Except(offers).Take(roles > 0.85 ? 0 : rng.Next(2, 5)).ToList();
                foreach (var t in needs)
                    Exec(db, tx, $"""INSERT INTO "Needs" ("SchoolId", "RoundId", "PersonId", "TopicId", "Priority", "Source", "UpdatedAt") VALUES ($s, $r, $p, $t, $v, 'Self', '{now}')""",
                        ("$s", school), ("$r", round), ("$p", person), ("$t", t), ("$v", rng.Next(1, 4)));
                Exec(db, tx, $"""INSERT INTO "RoundResponses" ("SchoolId", "RoundId", "PersonId", "SubmittedAt", "UpdatedAt", "UpdatedBy", "Source", "Version") VALUES ($s, $r, $p, '{now}', '{now}', 'curator', 'Self', 0)""",
                    ("$s", school), ("$r", round), ("$p", person));
            }
            tx.Commit();
        }
    }

    private static SqliteCommand Command(SqliteConnection db, SqliteTransaction tx, string sql, (string, object)[] args)
    {
        var cmd = db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value);
        return cmd;
    }

    private static long? Scalar(SqliteConnection db, SqliteTransaction tx, string sql, params (string, object)[] args)
    {
        using var cmd = Command(db, tx, sql, args);
        return cmd.ExecuteScalar() is { } v and not DBNull ? Convert.ToInt64(v) : null;
    }

    private static long Insert(SqliteConnection db, SqliteTransaction tx, string sql, params (string, object)[] args)
    {
        Exec(db, tx, sql, args);
        return Scalar(db, tx, "SELECT last_insert_rowid()")!.Value;
    }

    private static void Exec(SqliteConnection db, SqliteTransaction tx, string sql, params (string, object)[] args)
    {
        using var cmd = Command(db, tx, sql, args);
        cmd.ExecuteNonQuery();
    }

    private static List<long> Ids(SqliteConnection db, SqliteTransaction tx, string sql, long school)
    {
        using var cmd = Command(db, tx, sql, [("$s", school)]);
        using var reader = cmd.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read()) ids.Add(reader.GetInt64(0));
        return ids;
    }
}
