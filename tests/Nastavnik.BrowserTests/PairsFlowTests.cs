using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Nastavnik.BrowserTests;

/// <summary>
/// The curator approves the demo's pairs, downloads the order fixing them right there, opens a pair, ends it early and reads it in the
/// history; the pair's page and the list at 375 px.
/// </summary>
[Collection("browser")]
public sealed class PairsFlowTests(AppServer app)
{
    [Fact]
    public async Task Curator_approves_downloads_the_order_at_once_ends_a_pair_early_and_sees_it_in_the_history_on_a_desktop_and_a_phone()
    {
        DemoAnswers.EnsureIn(app.DatabasePath);
        DemoPairs.ClearIn(app.DatabasePath);
        var page = await app.NewPageAsync();
        await app.LoginAsync(page, "curator", "curator2026");
        await page.GotoAsync("/Matching");
        await page.Locator("[data-testid=run]").ClickAsync();
        await page.Locator("[data-testid=summary]").WaitForAsync();
        await page.Locator("[data-testid=approve]").ClickAsync();
        var done = page.Locator(".alert-success:has-text('Пары утверждены'), .alert-success:has-text('уже утверждены'), .alert-success:has-text('Новых пар')");
        await page.Locator("[data-testid=confirm]").Or(done).First.WaitForAsync();
        if (await page.Locator("[data-testid=confirm]").CountAsync() > 0) await page.Locator("[data-testid=confirm]").ClickAsync();
        await done.First.WaitForAsync();

        // The order, right on the matching page: the number typed, the date today by default.
        var documents = page.Locator("[data-testid=pair-documents]");
        await documents.WaitForAsync();
        await documents.Locator("[data-testid=order-number]").FillAsync("15-о");
        var download = await page.RunAndWaitForDownloadAsync(() => documents.Locator("[data-testid=download-order]").ClickAsync());
        download.SuggestedFilename.ShouldStartWith("Приказ о закреплении наставнических пар");
        var file = Path.Combine(Path.GetTempPath(), $"order-{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(file);
        using (var doc = WordprocessingDocument.Open(file, false))
        {
            var paragraphs = doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
            paragraphs.ShouldContain("ПРИКАЗЫВАЮ:");
            string[] months = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];
            var today = DateTime.Now;
            paragraphs.ShouldContain(p => p.EndsWith("№ 15-о", StringComparison.Ordinal) && p.StartsWith($"«{today:dd}» {months[today.Month - 1]} {today.Year} г.", StringComparison.Ordinal));
            doc.MainDocumentPart.Document.Body.Elements<Table>().First().Elements<TableRow>().Count().ShouldBeGreaterThan(1);
        }
        await app.ShotAsync(page, "pairs-1440-matching-documents");

        await page.GotoAsync("/Pairs");
        var first = page.Locator("[data-testid=pair-row]:has([data-testid=status]:text-is('утверждена'))").First;
        var pairId = await first.GetAttributeAsync("data-pair");
        await app.ShotAsync(page, "pairs-1440-list");
        try
        {
            await first.Locator("[data-testid=open-pair]").ClickAsync();
            await page.Locator("[data-testid=end-early] summary").ClickAsync();
            await page.Locator("[data-testid=reason-DidNotWork]").CheckAsync();
            await page.Locator("[data-testid=end-comment]").FillAsync("не совпали графики");
            await page.Locator("[data-testid=end-submit]").ClickAsync();
            await Expect(page.Locator("[data-testid=pair-status]")).ToHaveTextAsync("завершена досрочно");
            await Expect(page.Locator("[data-testid=history-line]").Last).ToContainTextAsync("завершена досрочно: пара не сложилась (не совпали графики)");
            await Expect(page.Locator("[data-testid=history-line]").Last).ToContainTextAsync("curator");
            await app.ShotAsync(page, "pairs-1440-ended");

            var phone = await app.NewPageAsync(375, 800);
            await app.LoginAsync(phone, "curator", "curator2026");
            await phone.GotoAsync($"/Pairs/{pairId}");
            await Expect(phone.Locator("[data-testid=history-line]").Last).ToContainTextAsync("завершена досрочно");
            (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scroll at 375 px");
            await app.ShotAsync(phone, "pairs-375-pair");
            await phone.GotoAsync("/Pairs?status=EndedEarly");
            await phone.Locator($"[data-testid=pair-row][data-pair='{pairId}']").WaitForAsync();
            (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scroll at 375 px");
            await app.ShotAsync(phone, "pairs-375-list");
        }
        finally
        {
            // Other flows of this server match the demo afresh: leave its pairs as approval left them (nothing at work).
            Restore(app.DatabasePath, pairId!);
        }
    }

    private static void Restore(string databasePath, string pairId)
    {
        using var db = new TestDatabase(databasePath);
        db.Open();
        using var tx = db.BeginTransaction();
        foreach (var sql in new[]
                 {
                     $"""DELETE FROM "PairChanges" WHERE "PairId" = {int.Parse(pairId, System.Globalization.CultureInfo.InvariantCulture)}""",
                     $"""UPDATE "MentoringPairs" SET "Status" = 'Approved', "EndedAt" = NULL, "EndReason" = NULL, "EndComment" = NULL WHERE "Id" = {int.Parse(pairId, System.Globalization.CultureInfo.InvariantCulture)}""",
                 })
        {
            using var c = db.CreateCommand();
            c.Transaction = tx;
            c.CommandText = sql;
            c.ExecuteNonQuery();
        }
        tx.Commit();
    }
}
