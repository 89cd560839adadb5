namespace Nastavnik.BrowserTests;

/// <summary>
/// The curator writes an announcement to all teachers and sees who has read it; a teacher opens it on a phone (which reads it),
/// and the curator's count moves from «0 из N» to «1 из N».
/// </summary>
[Collection("browser")]
public sealed class AnnouncementFlowTests(AppServer app)
{
    [Fact]
    public async Task The_curator_writes_to_all_teachers_a_teacher_reads_it_on_a_phone_and_the_curator_sees_the_count()
    {
        var curator = await app.NewPageAsync();
        await app.LoginAsync(curator, "curator", "curator2026");
        await curator.GotoAsync("/Announcements/New");
        await curator.GetByLabel("Заголовок").FillAsync("Педсовет по итогам диагностики");
        await curator.GetByLabel("Текст").FillAsync("Коллеги, педсовет в четверг в 15:00 в актовом зале. Возьмите с собой планы работы пар.");
        await curator.GetByLabel("Все педагоги").CheckAsync();
        await app.ShotAsync(curator, "announcement-new-1440");
        await curator.Locator("[data-testid=send]").ClickAsync();
        var status = curator.Locator("#read-status");
        await status.WaitForAsync();
        var before = await status.InnerTextAsync();
        before.ShouldStartWith("Прочитали 0 из ");
        var url = curator.Url;

        var phone = await app.NewPageAsync(375, 800);
        await app.LoginAsync(phone, "teacher", "teacher2026");
        await phone.GotoAsync(url);
        var text = phone.Locator("[data-testid=announcement-text]");
        await text.WaitForAsync();
        (await text.InnerTextAsync()).ShouldContain("педсовет в четверг в 15:00");
        (await phone.Locator("[data-testid=read-status]").CountAsync()).ShouldBe(0);
        (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("no sideways scroll at 375 px");
        await app.ShotAsync(phone, "announcement-375-teacher");

        await curator.GotoAsync(url);
        await Expect(curator.Locator("#read-status")).ToHaveTextAsync(before.Replace("Прочитали 0 из", "Прочитали 1 из", StringComparison.Ordinal));
        await app.ShotAsync(curator, "announcement-status-1440");
        await curator.GotoAsync("/Announcements");
        await curator.Locator("[data-testid=read-count]").First.WaitForAsync();
        var list = await app.NewPageAsync(375, 800);
        await app.LoginAsync(list, "curator", "curator2026");
        await list.GotoAsync("/Announcements");
        await list.Locator("[data-testid=read-count]").First.WaitForAsync();
        await app.ShotAsync(list, "announcements-375-curator");
    }
}
