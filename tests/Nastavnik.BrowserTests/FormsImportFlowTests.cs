using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Nastavnik.BrowserTests;

[Collection("browser")]
public sealed class FormsImportFlowTests(AppServer app)
{
    /// <summary>The demo school gets an active program with an open round when it has none (the demo adds them later itself).</summary>
    private void EnsureOpenRound()
    {
        using var conn = new TestDatabase(Path.Combine(app.DataDirectory, "data", "nastavnik.db"));
        conn.Open();
        long Scalar(string sql)
        {
            using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            return Convert.ToInt64(cmd.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
        }
        void Exec(string sql)
        {
            using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }
        var school = Scalar("SELECT Id FROM Organizations WHERE IsDemo = 1 AND Kind = 'School' LIMIT 1");
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        if (Scalar($"SELECT COUNT(*) FROM Programs WHERE SchoolId = {school}") == 0)
            Exec($"INSERT INTO Programs (SchoolId, Name, StartDate, EndDate, Forms, Status, Version, CreatedAt) VALUES ({school}, 'Программа наставничества 2026/2027', '2026-09-01', '2027-06-30', 1, 'Active', 0, '{now}')");
        var program = Scalar($"SELECT Id FROM Programs WHERE SchoolId = {school} ORDER BY CASE Status WHEN 'Active' THEN 0 WHEN 'Draft' THEN 1 ELSE 2 END, StartDate DESC, Id DESC LIMIT 1");
        if (Scalar($"SELECT COUNT(*) FROM DiagnosticsRounds WHERE ProgramId = {program} AND ClosedAt IS NULL") == 0)
            Exec($"INSERT INTO DiagnosticsRounds (SchoolId, ProgramId, Title, OpenedAt, Deadline, Version) VALUES ({school}, {program}, 'Диагностика, сентябрь 2026', '{now}', '2026-09-30', 0)");
    }

    private sealed record Staff(string LastName, string FirstName, string? MiddleName);

    [Fact]
    public async Task Curator_imports_a_Forms_export_with_russian_headers_confirms_an_uncertain_name_and_a_second_import_changes_nothing()
    {
        EnsureOpenRound();
        var page = await app.NewPageAsync();
        await app.LoginAsync(page, "curator", "curator2026");
        var json = await page.EvaluateAsync<string>("async () => { const r = await fetch('/api/v1/staff?size=200'); const j = await r.json(); return JSON.stringify(j.items.filter(i => i.consent === 'Given' && !i.isArchived && i.middleName)); }");
        var people = JsonSerializer.Deserialize<List<Staff>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        people.Count.ShouldBeGreaterThan(4);
        // Surnames that occur once, so the full names match one person each.
        var unique = people.GroupBy(p => p.LastName.Replace('ё', 'е')).Where(g => g.Count() == 1).Select(g => g.Single()).Take(4).ToList();
        unique.Count.ShouldBe(4);
        var (a, b, c, d) = (unique[0], unique[1], unique[2], unique[3]);
        string Full(Staff s) => $"{s.LastName} {s.FirstName} {s.MiddleName}";
        var initials = $"{b.LastName} {b.FirstName[0]}. {b.MiddleName![0]}.";

        // Answered after the round opened (and after any answers the demo saved in the app): times in Moscow time, as Google writes them.
        var answered = DateTime.UtcNow.AddHours(3).AddSeconds(5);
        string At(int minutes) => answered.AddMinutes(minutes).ToString("dd.MM.yyyy H:mm:ss", CultureInfo.InvariantCulture);
        var csv = "\"Отметка времени\",\"ФИО\",\"Адрес электронной почты\",\"В каких темах вы можете быть наставником?\",\"В каких темах вам нужна помощь?\"\r\n" +
                  $"\"{At(0)}\",\"{Full(a).ToLowerInvariant().Replace('ё', 'е')}\",\"\",\"Кейс-технология, Геометрия, 10 класс\",\"Microsoft Excel; Создание видеороликов (программы)\"\r\n" +
                  $"\"{At(1)}\",\"{initials}\",\"\",\"Синтаксис\",\"Кейс-технология\"\r\n" +
                  $"\"{At(2)}\",\"  {Full(c)} \",\"\",\"Microsoft PowerPoint, Экскурсионная работа\",\"\"\r\n" +
                  $"\"{At(3)}\",\"{d.FirstName} {d.MiddleName} {d.LastName}\",\"\",\"\",\"Синтаксис, Физика. Механика\"\r\n";
        var file = Path.Combine(Path.GetTempPath(), $"Самодиагностика (Ответы) {Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(file, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]);

        await page.GotoAsync("/Diagnostics/Import");
        await app.ShotAsync(page, "forms-import-upload-1440");
        await page.GetByLabel("Выгрузка ответов формы").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Проверить файл" }).ClickAsync();
        await page.Locator("[data-testid=summary]").WaitForAsync();
        var summary = Regex.Replace(await page.Locator("[data-testid=summary]").InnerTextAsync(), @"\s+", " ");
        summary.ShouldContain("Нужно подтвердить 1");
        summary.ShouldContain("Ошибок 0");
        // Per teacher, what the file adds, replaces and deletes (issue 10, item 2).
        var plan = page.Locator("[data-testid=plan]");
        (await plan.InnerTextAsync()).ShouldContain("Что изменится у каждого педагога");
        (await plan.Locator($"[data-plan-row='4']").InnerTextAsync()).ShouldContain(Full(c));
        await app.ShotAsync(page, "forms-import-preview-1440");

        var select = page.GetByLabel("Педагог для строки 3");
        var option = await select.Locator("option", new() { HasTextString = Full(b) }).First.GetAttributeAsync("value");
        await select.SelectOptionAsync(option!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Подтвердить", Exact = true }).ClickAsync();
        await page.Locator("[data-testid=uncertain] .status-ok").WaitForAsync();
        Regex.Replace(await page.Locator("[data-testid=summary]").InnerTextAsync(), @"\s+", " ").ShouldContain("Нужно подтвердить 0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Загрузить ответы" }).ClickAsync();
        await page.Locator(".alert-success").WaitForAsync();
        (await page.Locator(".alert-success").InnerTextAsync()).ShouldContain("Загрузка завершена: ответы 4 педагогов");
        await app.ShotAsync(page, "forms-import-result-1440");

        // The same export again, on a phone: the mapping is remembered, the name still needs a word, and nothing changes.
        var phone = await app.NewPageAsync(375, 800);
        await app.LoginAsync(phone, "curator", "curator2026");
        await phone.GotoAsync("/Diagnostics/Import");
        await app.ShotAsync(phone, "forms-import-upload-375");
        await phone.GetByLabel("Выгрузка ответов формы").SetInputFilesAsync(file);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Проверить файл" }).ClickAsync();
        await phone.Locator("[data-testid=summary]").WaitForAsync();
        (await phone.Locator("main").InnerTextAsync()).ShouldContain("сопоставление столбцов взято из прошлой загрузки этой формы");
        await app.ShotAsync(phone, "forms-import-preview-375");
        (await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth")).ShouldBeLessThanOrEqualTo(0);
        await phone.GetByLabel("Педагог для строки 3").SelectOptionAsync(option!);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Загрузить ответы" }).ClickAsync();
        await phone.Locator(".alert-success").WaitForAsync();
        (await phone.Locator(".alert-success").InnerTextAsync()).ShouldContain("изменений нет");
        await app.ShotAsync(phone, "forms-import-result-375");

        // A file with an unknown person, a bad time and a topic the catalog lacks: every problem is listed, the button is off.
        var bad = Path.Combine(Path.GetTempPath(), $"Ответы с ошибками {Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(bad, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(
            "\"Отметка времени\",\"ФИО\",\"В каких темах вы можете быть наставником?\",\"В каких темах вам нужна помощь?\"\r\n" +
            $"\"вчера\",\"{Full(a)}\",\"Скрайбинг, Кейс-технология\",\"\"\r\n" +
            "\"14.09.2026 11:02:41\",\"Неизвестнова Ирина Павловна\",\"Синтаксис\",\"\"\r\n")]);
        foreach (var (p, width) in new[] { (phone, 375), (page, 1440) })
        {
            await p.GotoAsync("/Diagnostics/Import");
            await p.GetByLabel("Выгрузка ответов формы").SetInputFilesAsync(bad);
            await p.GetByRole(AriaRole.Button, new() { Name = "Проверить файл" }).ClickAsync();
            await p.Locator("[data-testid=problems]").WaitForAsync();
            var problems = await p.Locator("[data-testid=problems]").InnerTextAsync();
            problems.ShouldContain("Строка 3, столбец «ФИО»: педагог «Неизвестнова Ирина Павловна» не найден в списке педагогов");
            problems.ShouldContain("Строка 2, столбец «Отметка времени»");
            (await p.Locator("[data-testid=unknown-topics]").InnerTextAsync()).ShouldContain("«Скрайбинг»");
            (await p.GetByRole(AriaRole.Button, new() { Name = "Загрузить ответы" }).IsDisabledAsync()).ShouldBeTrue();
            await app.ShotAsync(p, $"forms-import-problems-{width}");
        }
        app.ExternalRequests.ShouldBeEmpty();
    }
}
