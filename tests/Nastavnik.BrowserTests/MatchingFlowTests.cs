using System.Text.RegularExpressions;

namespace Nastavnik.BrowserTests;

[Collection("browser")]
public sealed class MatchingFlowTests(AppServer app)
{
    [Fact]
    public async Task Curator_runs_the_matching_locks_and_moves_a_pair_re_runs_and_approves_on_a_desktop_and_a_phone()
    {
        DemoAnswers.EnsureIn(app.DatabasePath);
        DemoPairs.ClearIn(app.DatabasePath);
        var page = await app.NewPageAsync();
        await app.LoginAsync(page, "curator", "curator2026");
        // Only this year's pairs are cleared: last year's completed program, which the monitoring compares with, keeps its pairs.
        await page.GotoAsync($"/Monitoring/{DemoPairs.LastYearProgram(app.DatabasePath)}");
        await Expect(page.Locator("[data-testid=network-row]").First).ToBeAttachedAsync();
        (await page.Locator("[data-testid=network-empty]").CountAsync()).ShouldBe(0);
        await page.GotoAsync("/Matching");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Подбор пар");
        await page.Locator("[data-testid=run]").ClickAsync();
        await page.Locator("[data-testid=summary]").WaitForAsync();
        var rows = page.Locator("[data-testid=row]");
        (await rows.CountAsync()).ShouldBeGreaterThan(0);
        await app.ShotAsync(page, "matching-1440-run");

        var first = page.Locator("[data-testid=row]:has([data-testid=lock])").First;
        var mentor = await first.GetAttributeAsync("data-mentor");
        var mentee = await first.GetAttributeAsync("data-mentee");
        var topic = await first.GetAttributeAsync("data-topic");
        await first.Locator("[data-testid=lock]").ClickAsync();
        var locked = page.Locator($"[data-testid=row][data-mentor='{mentor}'][data-mentee='{mentee}'][data-topic='{topic}']");
        (await locked.Locator("[data-testid=state]").InnerTextAsync()).ShouldBe("закреплено");

        // Move: a proposed row goes to another mentor who offers the topic; the old row says so, the re-run keeps the move.
        var movable = page.Locator("[data-testid=row]:has([data-testid=lock]):has([data-testid=transfer] option:nth-child(2))").Nth(1);
        var moveMentee = await movable.GetAttributeAsync("data-mentee");
        var moveTopic = await movable.GetAttributeAsync("data-topic");
        var oldMentor = await movable.GetAttributeAsync("data-mentor");
        await movable.Locator("[data-testid=transfer] summary").ClickAsync();
        var options = await movable.Locator("[data-testid=transfer] option").EvaluateAllAsync<string[]>("o => o.map(x => x.value)");
        var newMentor = options.First(v => v != oldMentor);
        await movable.Locator("[data-testid=transfer] select").SelectOptionAsync(newMentor);
        await movable.Locator("[data-testid=transfer-submit]").ClickAsync();
        (await page.Locator(".alert-success").InnerTextAsync()).ShouldNotBeEmpty();
        var moved = page.Locator($"[data-testid=row][data-mentor='{oldMentor}'][data-mentee='{moveMentee}'][data-topic='{moveTopic}']");
        (await moved.Locator("[data-testid=state]").InnerTextAsync()).ShouldBe("передано другому");

        await page.Locator("[data-testid=run]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Matching$"));
        (await locked.Locator("[data-testid=state]").InnerTextAsync()).ShouldBe("закреплено");
        await page.GotoAsync($"/Matching?topic={moveTopic}"); // the proposal is paged by 50: show this topic's rows
        var movedTo = page.Locator($"[data-testid=row][data-mentor='{newMentor}'][data-mentee='{moveMentee}'][data-topic='{moveTopic}']");
        (await movedTo.Locator("[data-testid=state]").InnerTextAsync()).ShouldBe("закреплено");
        await page.GotoAsync("/Matching");
        (await page.Locator("[data-testid=decisions-kept]").InnerTextAsync()).ShouldContain("сохранит");

        await page.Locator("[data-testid=approve]").ClickAsync();
        // The answer is the confirmation (pairs approved before) or the result: wait for one of them, not for a navigation.
        var approved = page.Locator(".alert-success:has-text('Пары утверждены')");
        await page.Locator("[data-testid=confirm]").Or(approved).First.WaitForAsync();
        if (await page.Locator("[data-testid=confirm]").CountAsync() > 0) await page.Locator("[data-testid=confirm]").ClickAsync();
        await approved.WaitForAsync();
        // The page streams in: the table of approved pairs comes after the message, so wait for it too.
        await page.Locator("[data-testid=approved-row]").First.WaitForAsync();
        (await page.Locator("[data-testid=approved-row]").CountAsync()).ShouldBeGreaterThan(0);
        await app.ShotAsync(page, "matching-1440-approved");
        await page.ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotDir, "matching-1440-top.png") });

        var phone = await app.NewPageAsync(375, 800);
        await app.LoginAsync(phone, "curator", "curator2026");
        await phone.GotoAsync("/Matching");
        (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scroll at 375 px");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotDir, "matching-375-top.png") });
        async Task ShotFrom(string selector, string name)
        {
            var y = await phone.EvaluateAsync<double>($"() => document.querySelector('{selector}').getBoundingClientRect().top + window.scrollY");
            await phone.ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotDir, name + ".png"), FullPage = true, Clip = new() { X = 0, Y = (float)y, Width = 375, Height = 800 } });
        }
        await phone.Locator("[data-testid=transfer] summary").First.ClickAsync();
        (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scroll with the transfer form open");
        await ShotFrom("[data-testid=proposal]", "matching-375-rows");

        // Filters and paging: at most 50 rows a page; a name typed with «е» finds «Ё»; the filters stay in the pager's links.
        (await page.Locator("[data-testid=row]").CountAsync()).ShouldBeLessThanOrEqualTo(50);
        await phone.GotoAsync("/Matching?urgent=true");
        (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scroll with filters");
        await ShotFrom("[data-testid=filters]", "matching-375-filters");
        await page.GotoAsync("/Matching");
        if (await page.Locator("[data-testid=next]").CountAsync() > 0)
        {
            await page.Locator("#urgent").CheckAsync();
            await page.Locator("[data-testid=filter]").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("urgent=true"));
            (await page.Locator("[data-testid=row]").CountAsync()).ShouldBeGreaterThan(0);
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(app.ScreenshotDir, "matching-1440-filters.png") });
        await ShotFrom("#approved", "matching-375-approved");
    }
}
