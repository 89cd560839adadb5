using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Playwright;

namespace Nastavnik.BrowserTests;

/// <summary>
/// The year's paper trail in the browser (issue 14): the curator approves the demo's pairs, downloads the order fixing them, registers
/// it with the school's number; the two demo teachers (a pair among them) acknowledge it on their home page, on a desktop and a phone;
/// the curator downloads the acknowledgement sheet and it names both with the time they confirmed. Each step is a method of its own, so
/// the year can go on at the end of <see cref="Curator_registers_the_pairs_order_two_teachers_acknowledge_it_and_the_sheet_names_both"/>.
/// </summary>
[Collection("browser")]
public sealed class OrderRegisterFlowTests(AppServer app)
{
    [Fact]
    public async Task Curator_registers_the_pairs_order_two_teachers_acknowledge_it_and_the_sheet_names_both()
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

        await AcknowledgeOnHomeAsync("teacher", orderId, 1440);
        await AcknowledgeOnHomeAsync("teacher2", orderId, 375);

        var sheet = await DownloadSheetAsync(curator, orderId);
        foreach (var login in new[] { "teacher", "teacher2" })
        {
            var row = sheet.Single(r => r[1] == NameOf(login));
            row[3].ShouldMatch(@"^\d\d\.\d\d\.\d{4} \d\d:\d\d$", $"{login} confirmed in the app: the date and time");
        }
        sheet.ShouldContain(r => r[3] == "__________", "the other people of the pairs have not confirmed yet: a blank line");
        // The year goes on here: at its end the curator downloads the final report and the collection.
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
        await app.ShotAsync(page, "orders-1440-register");
        var id = (await registered.GetAttributeAsync("data-testid"))!["registered-".Length..];
        return int.Parse(id, CultureInfo.InvariantCulture);
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
