using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Playwright;

namespace Nastavnik.BrowserTests;

/// <summary>
/// The year's paper trail in the browser (issue 14): the curator approves the demo's pairs, downloads the order fixing them, registers
/// it with the school's number and, once signed, attaches the scan; the two demo teachers (a pair among them) acknowledge it on their home page, on a desktop and a phone;
/// the curator downloads the acknowledgement sheet and it names both with the time they confirmed; at the end of the year the curator
/// downloads the program's final report and compiles the collection of the practice bank's materials.
/// </summary>
[Collection("browser")]
public sealed class OrderRegisterFlowTests(AppServer app)
{
    [Fact]
    public async Task Curator_registers_the_pairs_order_two_teachers_acknowledge_it_and_at_the_years_end_the_final_report_and_the_collection_come_out()
    {
        DemoAnswers.EnsureIn(app.DatabasePath);
        DemoPairs.ClearIn(app.DatabasePath);
        var curator = await app.NewPageAsync();
        await app.LoginAsync(curator, "curator", "curator2026");
        await ApprovePairsAsync(curator);
        // The demo teachers as a pair of their own (matching may not pair them): the order then concerns both.
        DemoPairs.AddTeacherMentoringTeacher2(app.DatabasePath, DateTime.UtcNow);

        await DownloadPairsOrderAsync(curator);
        var number = $"{Random.Shared.Next(100, 999)}-о";
        var orderId = await RegisterPairsOrderAsync(curator, number);
        await SignWithScanAsync(curator, orderId);

        await AcknowledgeOnHomeAsync("teacher", orderId, 1440);
        await AcknowledgeOnHomeAsync("teacher2", orderId, 375);

        var sheet = await DownloadSheetAsync(curator, orderId);
        foreach (var login in new[] { "teacher", "teacher2" })
        {
            var row = sheet.Single(r => r[1] == NameOf(login));
            row[3].ShouldMatch(@"^\d\d\.\d\d\.\d{4} \d\d:\d\d$", $"{login} confirmed in the app: the date and time");
        }
        sheet.ShouldContain(r => r[3] == "__________", "the other people of the pairs have not confirmed yet: a blank line");

        // At the end of the year the curator downloads the program's final report and the collection of the year's materials.
        await DownloadFinalReportAsync(curator);
        await DownloadCollectionAsync(curator);
    }

    /// <summary>The final report from «Отчёты программы»: its title, the indicators' section and the charts as pictures.</summary>
    private async Task DownloadFinalReportAsync(IPage page)
    {
        await page.GotoAsync("/Documents");
        await page.Locator("[data-testid=reports-link]").ClickAsync();
        var final = page.Locator("[data-testid=report-final]");
        await final.WaitForAsync();
        await app.ShotAsync(page, "orders-1440-reports");
        var download = await page.RunAndWaitForDownloadAsync(() => final.Locator("[data-testid=download]").ClickAsync());
        download.SuggestedFilename.ShouldStartWith("Итоговый отчёт о реализации программы");
        var file = await SaveAsync(download);
        var paragraphs = Paragraphs(file);
        paragraphs.ShouldContain("ИТОГОВЫЙ ОТЧЁТ");
        paragraphs.ShouldContain("2. Показатели программы");
        paragraphs.ShouldContain("5. SWOT-анализ");
        using var doc = WordprocessingDocument.Open(file, false);
        doc.MainDocumentPart!.ImageParts.Count().ShouldBeGreaterThanOrEqualTo(1, "the charts go into the report as pictures");
    }

    /// <summary>Two materials of the practice bank ticked and compiled: the contents page lists both, each a section of its own.</summary>
    private async Task DownloadCollectionAsync(IPage page)
    {
        await page.GotoAsync("/Practices");
        var picks = page.Locator("[data-testid=practice-list] input[name=ids]");
        await picks.First.WaitForAsync();
        var titles = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            await picks.Nth(i).CheckAsync();
            titles.Add((await page.Locator("[data-testid=practice-list] li").Nth(i).Locator("h2").InnerTextAsync()).Trim());
        }
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=collection-download]").ClickAsync());
        var paragraphs = Paragraphs(await SaveAsync(download));
        paragraphs.ShouldContain("Содержание");
        foreach (var title in titles) paragraphs.Count(p => p.Contains(title, StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(2, $"«{title}» in the contents and as its section's heading");
    }

    private static async Task ApprovePairsAsync(IPage page)
    {
        await page.GotoAsync("/Matching");
        await page.Locator("[data-testid=run]").ClickAsync();
        await page.Locator("[data-testid=summary]").WaitForAsync();
        await page.Locator("[data-testid=approve]").ClickAsync();
        var done = page.Locator(".alert-success:has-text('Пары утверждены'), .alert-success:has-text('уже утверждены'), .alert-success:has-text('Новых пар')");
        await page.Locator("[data-testid=confirm]").Or(done).First.WaitForAsync();
        if (await page.Locator("[data-testid=confirm]").CountAsync() > 0) await page.Locator("[data-testid=confirm]").ClickAsync();
        await done.First.WaitForAsync();
    }

    private static async Task DownloadPairsOrderAsync(IPage page)
    {
        await page.GotoAsync("/Documents");
        var card = page.Locator("[data-testid=order-pairs-order]");
        await card.Locator("[data-testid=number]").FillAsync("черновик");
        var download = await page.RunAndWaitForDownloadAsync(() => card.Locator("[data-testid=download]").ClickAsync());
        download.SuggestedFilename.ShouldStartWith("Приказ о закреплении наставнических пар");
        var paragraphs = Paragraphs(await SaveAsync(download));
        paragraphs.ShouldContain("ПРИКАЗЫВАЮ:");
        paragraphs.ShouldContain("С приказом ознакомлены:");
    }

    /// <summary>Registers the pairs' order from its card on «Приказы программы»; the id of the registered order.</summary>
    private async Task<int> RegisterPairsOrderAsync(IPage page, string number)
    {
        await page.GotoAsync("/Documents");
        await page.Locator("[data-testid=order-pairs-order] [data-testid=register-order]").ClickAsync();
        var form = page.Locator("[data-testid=register-form]");
        await Expect(form.Locator("[data-testid=code]")).ToHaveValueAsync("pairs-order");
        await form.Locator("[data-testid=number]").FillAsync(number);
        await form.Locator("[data-testid=register]").ClickAsync();
        var registered = page.Locator($"[data-testid^=registered-]:has-text('Приказ № {number} от')");
        await Expect(registered.Locator("[data-testid=acknowledged]")).ToContainTextAsync("Ознакомлены: 0 из");
        await Expect(registered.Locator("[data-testid=status]")).ToHaveTextAsync("Проект");
        await Expect(registered.Locator("[data-testid=acknowledged]")).ToContainTextAsync("педагоги увидят приказ, когда он будет отмечен подписанным");
        await app.ShotAsync(page, "orders-1440-register");
        var id = (await registered.GetAttributeAsync("data-testid"))!["registered-".Length..];
        return int.Parse(id, CultureInfo.InvariantCulture);
    }

    /// <summary>The director has signed the paper: the curator attaches its scan, and only then the teachers see the order.</summary>
    private static async Task SignWithScanAsync(IPage page, int orderId)
    {
        var registered = page.Locator($"[data-testid=registered-{orderId}]");
        await registered.Locator("[data-testid=scan-file]").SetInputFilesAsync(new FilePayload
        { Name = "Приказ подписанный.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n% signed\n"u8.ToArray() });
        await registered.Locator("[data-testid=sign]").ClickAsync();
        await Expect(page.Locator($"[data-testid=registered-{orderId}] [data-testid=status]")).ToHaveTextAsync("Подписан");
        await Expect(page.Locator($"[data-testid=registered-{orderId}] [data-testid=scan]")).ToContainTextAsync("Приказ подписанный.pdf");
    }

    private async Task AcknowledgeOnHomeAsync(string login, int orderId, int width)
    {
        var page = await app.NewPageAsync(width, 900);
        await app.LoginAsync(page, login, "teacher2026");
        await page.GotoAsync("/");
        var order = page.Locator($"[data-testid=my-order-{orderId}]");
        await Expect(order).ToContainTextAsync("Ознакомьтесь с приказом");
        await app.ShotAsync(page, $"orders-{width}-home-{login}");
        await order.Locator("[data-testid=acknowledge]").ClickAsync();
        await Expect(page.Locator($"[data-testid=my-order-{orderId}]")).ToContainTextAsync("вы ознакомлены");
        if (width == 375)
            (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scroll at 375 px");
        await page.Context.CloseAsync();
    }

    /// <summary>The sheet's table rows (without the header) as cell texts, downloaded from the order's page.</summary>
    private async Task<List<List<string>>> DownloadSheetAsync(IPage page, int orderId)
    {
        await page.GotoAsync($"/Documents/Order/{orderId}");
        await Expect(page.Locator("[data-testid=acknowledgements] h2")).ToContainTextAsync(new Regex("Ознакомлены: 2 из \\d+"));
        await app.ShotAsync(page, "orders-1440-order");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=acknowledgements] [data-testid=sheet]").ClickAsync());
        download.SuggestedFilename.ShouldStartWith("Лист ознакомления с приказом №");
        using var doc = WordprocessingDocument.Open(await SaveAsync(download), false);
        var body = doc.MainDocumentPart!.Document.Body!;
        body.Elements<Paragraph>().Select(p => p.InnerText).ShouldContain("ЛИСТ ОЗНАКОМЛЕНИЯ");
        return body.Elements<Table>().First().Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Skip(1)
            .Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
    }

    /// <summary>«Фамилия Имя Отчество» of the person a demo login is linked to.</summary>
    private string NameOf(string login)
    {
        using var db = new TestDatabase(app.DatabasePath);
        db.Open();
        using var c = db.CreateCommand();
        c.CommandText = """
            SELECT p."LastName", p."FirstName", p."MiddleName" FROM "People" p JOIN "AspNetUsers" u ON u."PersonId" = p."Id" WHERE u."UserName" = $login
            """;
        c.Parameters.AddWithValue("$login", login);
        using var r = c.ExecuteReader();
        r.Read().ShouldBeTrue();
        return string.Join(' ', new[] { r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2) }.Where(x => x is not null));
    }

    private static async Task<string> SaveAsync(IDownload download)
    {
        var file = Path.Combine(Path.GetTempPath(), $"order-flow-{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(file);
        return file;
    }

    private static List<string> Paragraphs(string file)
    {
        using var doc = WordprocessingDocument.Open(file, false);
        return doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
    }
}
