using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Nastavnik.BrowserTests;

/// <summary>The curator reads the program's indicators, an indicator's formula, and enters an external value with its proof; on a phone too.</summary>
[Collection("browser")]
public sealed class IndicatorsFlowTests(AppServer app)
{
    [Fact]
    public async Task The_curator_reads_the_indicators_and_enters_an_external_value_with_a_proof_on_a_phone()
    {
        var page = await app.NewPageAsync();
        await app.LoginAsync(page, "curator", "curator2026");
        await page.GotoAsync("/Programs");
        await page.GetByTestId("indicators-link").ClickAsync();
        var table = page.GetByTestId("indicators");
        await Expect(table.Locator("tr[data-code=coverage]")).ToContainTextAsync("Доля педагогов"); // the demo names coverage so
        await Expect(page).ToHaveURLAsync(new Regex("/Monitoring/\\d+/Indicators$"));
        await app.ShotAsync(page, "indicators-1440");

        await table.Locator("tr[data-code=coverage] a").ClickAsync();
        await Expect(page.GetByTestId("formula")).ToHaveTextAsync("Доля педагогов в действующих или завершённых парах программы от всех работающих педагогов школы");
        await Expect(page.GetByTestId("fraction")).ToContainTextAsync("/");
        await app.ShotAsync(page, "indicator-coverage-1440");

        var phone = await app.NewPageAsync(375, 800);
        await app.LoginAsync(phone, "curator", "curator2026");
        await phone.GotoAsync(page.Url.Replace("/coverage", "/digital", StringComparison.Ordinal));
        await phone.GetByLabel("Значение, %", new() { Exact = true }).FillAsync("12,5"); // the demo measures digital literacy's growth in %
        await phone.GetByLabel("Источник").FillAsync("Диагностика цифровых компетенций, ноябрь");
        await phone.GetByLabel("Подтверждающий документ").SetInputFilesAsync(new FilePayload { Name = "диагностика.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n"u8.ToArray() });
        await phone.GetByRole(AriaRole.Button, new() { Name = "Добавить значение" }).ClickAsync();
        await Expect(phone.GetByTestId("values")).ToContainTextAsync("Диагностика цифровых компетенций, ноябрь");
        await Expect(phone.GetByTestId("value")).ToHaveTextAsync("12,5 %");
        (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await app.ShotAsync(phone, "indicator-external-375");
        var download = await phone.RunAndWaitForDownloadAsync(() => phone.GetByTestId("proof").First.ClickAsync());
        download.SuggestedFilename.ShouldBe("диагностика.pdf");
        await phone.GotoAsync(page.Url.Replace("/Indicators/coverage", "/Indicators", StringComparison.Ordinal));
        await Expect(phone.GetByTestId("indicators").Locator("tr[data-code=digital]")).ToContainTextAsync("12,5 %");
        await app.ShotAsync(phone, "indicators-375");
    }
}
