using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Nastavnik.BrowserTests;

/// <summary>
/// A mentor records a visit to their mentee's lesson and fills the observation card on a phone; the mentee reads the analysis; the
/// curator finds the pair, stalled, on the board at 1440 px with why, and opens it in one click. The pair is the test's own (a topic
/// the demo mentee has no live pair on), approved long ago, and is removed with its activity afterwards.
/// </summary>
[Collection("browser")]
public sealed partial class ActivitiesFlowTests(AppServer app)
{
    private const int DaysAgo = 200;

    [Fact]
    public async Task A_mentor_analyses_the_mentees_lesson_on_a_phone_the_mentee_reads_it_and_the_curator_finds_the_stalled_pair_on_the_board()
    {
        var pairId = DemoPairs.AddTeacherMentoringTeacher2(app.DatabasePath, DateTime.UtcNow.AddDays(-DaysAgo).AddHours(-1)).PairId;
        try
        {
            var mentor = await app.NewPageAsync(375, 800);
            await app.LoginAsync(mentor, "teacher", "teacher2026");
            await mentor.GotoAsync($"/Activities/New?pair={pairId}");
            await mentor.GetByLabel("Тема").FillAsync("Урок математики в 6 «Б», дроби");
            await mentor.Locator("[data-testid=save-activity]").ClickAsync();
            var form = mentor.Locator("[data-testid=observation-form]");
            await Expect(mentor.Locator(".alert-success")).ToContainTextAsync("Посещение записано. Заполните карту анализа урока.");
            await Expect(form.Locator("[data-testid=criterion]")).ToHaveCountAsync(10);
            await app.ShotAsync(mentor, "activities-375-card-empty");
            (await mentor.EvaluateAsync<string>("""() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ')""")).ShouldBeEmpty("no sideways scroll at 375 px");
            var activityUrl = mentor.Url;
            ActivityUrl().IsMatch(activityUrl).ShouldBeTrue(activityUrl);

            await form.GetByLabel("Класс").FillAsync("6 «Б»");
            await form.GetByLabel("Предмет").FillAsync("Математика");
            var first = form.Locator("[data-testid=criterion]").First;
            await first.GetByLabel("2 — в полной мере").CheckAsync();
            await first.GetByPlaceholder("Комментарий").FillAsync("Цель урока дети сформулировали сами");
            await form.Locator("[data-testid=criterion]").Nth(7).GetByLabel("0 — не проявлено").CheckAsync();
            await form.GetByLabel("Выводы и рекомендации").FillAsync("Урок удался; в конце не хватило рефлексии.");
            await form.Locator("[data-testid=save-observation]").ClickAsync();
            await Expect(mentor.Locator(".alert-success")).ToContainTextAsync("Анализ урока сохранён.");
            await Expect(first.Locator("input[type=radio][value='2']")).ToBeCheckedAsync();
            await app.ShotAsync(mentor, "activities-375-card-filled");

            // A lesson plan attached (a wrong type refused in Russian) and downloaded; a colleague added with the picker by name,
            // typed with «е» for «ё», chosen by keyboard.
            await mentor.Locator("#upload").SetInputFilesAsync(new FilePayload { Name = "script.exe", MimeType = "application/octet-stream", Buffer = [1, 2, 3] });
            await mentor.Locator("[data-testid=upload]").ClickAsync();
            await Expect(mentor.Locator("[data-testid=activity-problems]")).ToContainTextAsync("Файл «script.exe» не принят");
            await mentor.Locator("#upload").SetInputFilesAsync(new FilePayload { Name = "План урока.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 план"u8.ToArray() });
            await mentor.Locator("[data-testid=upload]").ClickAsync();
            await Expect(mentor.Locator(".alert-success")).ToContainTextAsync("Файл приложен.");
            var waiting = mentor.WaitForDownloadAsync();
            await mentor.Locator("[data-testid=file] a").GetByText("План урока.pdf").ClickAsync();
            (await waiting).SuggestedFilename.ShouldBe("План урока.pdf");

            var (lastName, firstName) = ColleagueWithYo(app.DatabasePath);
            await mentor.GetByLabel("Добавить участника").FillAsync($"{lastName.Replace('ё', 'е')} {firstName.Replace('ё', 'е')}");
            var pick = mentor.Locator("[data-testid=pick]").First;
            await Expect(pick).ToContainTextAsync($"{lastName} {firstName}");
            await app.ShotAsync(mentor, "activities-375-picker");
            await mentor.Keyboard.PressAsync("Tab");
            await mentor.Keyboard.PressAsync("Tab");
            await Expect(pick).ToBeFocusedAsync();
            await mentor.Keyboard.PressAsync("Enter");
            await Expect(mentor.Locator(".alert-success")).ToContainTextAsync("Участник добавлен.");
            await Expect(mentor.Locator("[data-testid=participant]").Filter(new() { HasText = $"{lastName} {firstName}" })).ToContainTextAsync("участник");
            (await mentor.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scroll at 375 px");
            await app.ShotAsync(mentor, "activities-375-files-people");

            var mentee = await app.NewPageAsync(375, 800);
            await app.LoginAsync(mentee, "teacher2", "teacher2026");
            await mentee.GotoAsync(activityUrl);
            var analysis = mentee.Locator("[data-testid=observation]");
            await Expect(analysis).ToContainTextAsync("Цель урока дети сформулировали сами");
            await Expect(analysis).ToContainTextAsync("2 — в полной мере");
            await Expect(analysis).ToContainTextAsync("Рефлексия учебной деятельности в конце урока: 0 — не проявлено");
            await Expect(analysis.Locator("[data-testid=summary]")).ToContainTextAsync("Урок удался; в конце не хватило рефлексии.");
            await Expect(mentee.Locator("[data-testid=observation-form]")).ToHaveCountAsync(0);
            (await mentee.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scroll at 375 px");
            await app.ShotAsync(mentee, "activities-375-mentee-reads");

            var curator = await app.NewPageAsync();
            await app.LoginAsync(curator, "curator", "curator2026");
            await curator.GotoAsync("/Pairs/Board");
            var row = curator.Locator($"[data-testid=stalled-pair]:has(a[href='/Pairs/{pairId}'])");
            await Expect(row).ToContainTextAsync($"ни одной встречи за {DaysAgo} дней после утверждения");
            await app.ShotAsync(curator, "activities-1440-board");
            await row.Locator("a").First.ClickAsync();
            await Expect(curator).ToHaveURLAsync($"{app.BaseUrl}/Pairs/{pairId}");

            await EditACopyOfTheDefaultCardAsync(curator);
        }
        finally
        {
            Remove(app.DatabasePath, pairId);
            RemoveCard(app.DatabasePath);
        }
    }

    private const string CardName = "Карта школы (проверка)";

    /// <summary>
    /// The curator copies the default card (the mentor's analysis uses it: its editor says a save makes a new version), refuses an
    /// empty criterion, then renames the copy, rewrites one criterion, removes one and adds one on a 1–5 scale.
    /// </summary>
    private async Task EditACopyOfTheDefaultCardAsync(IPage curator)
    {
        await curator.GotoAsync("/Activities");
        await curator.Locator("[data-testid=cards-link]").ClickAsync();
        var defaultRow = curator.Locator("[data-testid=card-row]:has([data-testid=default-card])");
        await Expect(defaultRow).ToContainTextAsync("Карта анализа урока (ФГОС)");
        await app.ShotAsync(curator, "activities-1440-cards");
        await defaultRow.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(curator.Locator("[data-testid=card-in-use]")).ToContainTextAsync("при сохранении будет создана новая версия карты");
        await curator.GoBackAsync();
        await defaultRow.Locator("[data-testid=copy-card]").ClickAsync();
        await Expect(curator.Locator(".alert-success")).ToContainTextAsync("Копия карты создана");
        var form = curator.Locator("[data-testid=card-form]");
        await Expect(curator.Locator("[data-testid=card-in-use]")).ToHaveCountAsync(0);
        await form.GetByLabel("Название карты").FillAsync(CardName);
        await form.Locator("#text-1").FillAsync("");
        await form.Locator("[data-testid=save-card]").ClickAsync();
        await Expect(form.Locator(".alert-danger")).ToContainTextAsync("Критерий 2: укажите его текст.");
        await form.Locator("#text-1").FillAsync("Мотивация обучающихся");
        await form.Locator("[data-testid=criterion-row]").Nth(2).GetByLabel("Удалить").CheckAsync();
        await form.Locator("#text-10").FillAsync("Работа с одарёнными детьми");
        await form.Locator("#scale-10").SelectOptionAsync("1-5");
        await app.ShotAsync(curator, "activities-1440-card-edit");
        await form.Locator("[data-testid=save-card]").ClickAsync();
        await Expect(curator.Locator(".alert-success")).ToContainTextAsync("Карта сохранена.");
        var copy = curator.Locator("[data-testid=card-row]").Filter(new() { HasText = CardName });
        await Expect(copy).ToContainTextAsync("10 критериев");
        await copy.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(form.Locator("#text-1")).ToHaveValueAsync("Мотивация обучающихся");
        await Expect(form.Locator("#scale-9")).ToHaveValueAsync("1-5");

        var phone = await app.NewPageAsync(375, 800);
        await app.LoginAsync(phone, "curator", "curator2026");
        await phone.GotoAsync(curator.Url);
        await Expect(phone.Locator("[data-testid=criterion-row]")).ToHaveCountAsync(13);
        (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scroll at 375 px");
        await app.ShotAsync(phone, "activities-375-card-edit");
    }

    /// <summary>A demo colleague (neither the mentor nor the mentee) whose surname has «ё».</summary>
    private static (string LastName, string FirstName) ColleagueWithYo(string databasePath)
    {
        using var db = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        db.Open();
        using var c = db.CreateCommand();
        c.CommandText = """
            SELECT p."LastName", p."FirstName" FROM "People" p JOIN "Organizations" o ON o."Id" = p."SchoolId" AND o."IsDemo" = 1
            WHERE p."IsArchived" = 0 AND p."LastName" LIKE '%ё%'
              AND p."Id" NOT IN (SELECT "PersonId" FROM "AspNetUsers" WHERE "UserName" IN ('teacher', 'teacher2') AND "PersonId" IS NOT NULL)
            ORDER BY p."Id" LIMIT 1
            """;
        using var r = c.ExecuteReader();
        r.Read().ShouldBeTrue("the demo has a colleague with «ё» in the surname");
        return (r.GetString(0), r.GetString(1));
    }

    /// <summary>Removes the flow's card (not used by any analysis).</summary>
    private static void RemoveCard(string databasePath)
    {
        using var db = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        db.Open();
        using var c = db.CreateCommand();
        c.CommandText = """
            DELETE FROM "ObservationCriteria" WHERE "CardId" IN (SELECT "Id" FROM "ObservationCards" WHERE "Name" = @name);
            DELETE FROM "ObservationCards" WHERE "Name" = @name;
            """;
        c.Parameters.AddWithValue("@name", CardName);
        c.ExecuteNonQuery();
    }

    [GeneratedRegex(@"/Activities/\d+$")]
    private static partial Regex ActivityUrl();

    /// <summary>Removes the test's pair and the activities recorded for it, leaving the demo's pairs as they were.</summary>
    private static void Remove(string databasePath, long pairId)
    {
        using var db = new TestDatabase(databasePath);
        db.Open();
        using var tx = db.BeginTransaction();
        const string Activities = """SELECT "Id" FROM "JointActivities" WHERE "PairId" = @pair""";
        const string Observations = $"""SELECT "Id" FROM "LessonObservations" WHERE "ActivityId" IN ({Activities})""";
        foreach (var sql in new[]
                 {
                     $"""DELETE FROM "ObservationScores" WHERE "ObservationId" IN ({Observations})""",
                     $"""DELETE FROM "LessonObservations" WHERE "ActivityId" IN ({Activities})""",
                     $"""DELETE FROM "ActivityParticipants" WHERE "ActivityId" IN ({Activities})""",
                     $"""DELETE FROM "ActivityFiles" WHERE "ActivityId" IN ({Activities})""",
                     """DELETE FROM "JointActivities" WHERE "PairId" = @pair""",
                     """DELETE FROM "PairChanges" WHERE "PairId" = @pair""",
                     """DELETE FROM "MentoringPairs" WHERE "Id" = @pair""",
                 })
        {
            using var c = db.CreateCommand();
            c.Transaction = tx;
            c.CommandText = sql;
            c.Parameters.AddWithValue("@pair", pairId);
            c.ExecuteNonQuery();
        }
        tx.Commit();
    }
}
