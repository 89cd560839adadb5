using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Nastavnik.BrowserTests;

/// <summary>
/// Issue 11's path for a teacher: the administrator creates the accounts of a department and gets the slips; a teacher types the
/// login and code from a slip on a 375 px phone, sets a password, is in, sees the bell with the round's reminder and answers.
/// </summary>
[Collection("browser")]
public sealed partial class SignInByCodeFlowTests(AppServer app)
{
    [Fact]
    public async Task A_teacher_types_the_code_from_a_slip_on_a_phone_sets_a_password_sees_the_reminder_and_answers()
    {
        // A round is open (the demo may already have one; an earlier test may have opened it).
        var curator = await app.NewPageAsync();
        await app.LoginAsync(curator, "curator", "curator2026");
        await curator.GotoAsync("/Diagnostics");
        if (await curator.Locator("[data-testid=open-form]").CountAsync() > 0)
        {
            await curator.GetByLabel("Название").FillAsync("Самодиагностика, вход по коду");
            await curator.GetByRole(AriaRole.Button, new() { Name = "Открыть тур" }).ClickAsync();
            await curator.Locator(".alert-success").WaitForAsync();
        }

        // The administrator creates the accounts of one department in one action and gets the slips.
        var admin = await app.NewPageAsync();
        await app.LoginAsync(admin, "admin", "admin2026");
        await admin.GotoAsync("/Admin/Users/Bulk");
        var department = await admin.Locator("#dept option:not([value=''])").First.GetAttributeAsync("value");
        await admin.Locator("#dept").SelectOptionAsync(department!);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Показать" }).ClickAsync();
        await Expect(admin.Locator("#dept")).ToHaveValueAsync(department!);
        await admin.Locator("[data-testid=create-all]").ClickAsync();
        var firstCard = admin.Locator("table tbody tr").First;
        await Expect(firstCard.Locator("td[data-label='Код'] code")).ToHaveTextAsync(CodePattern());
        await app.ShotAsync(admin, "slips-1440");
        var login = (await firstCard.Locator("td[data-label='Логин'] code").InnerTextAsync()).Trim();
        var code = (await firstCard.Locator("td[data-label='Код'] code").InnerTextAsync()).Trim();
        login.ShouldMatch("^[a-z-]+\\.[a-z]{1,3}[0-9]*$");

        // The reminder job's pass (the job runner does it every five minutes): the new account is asked in the open round.
        await RemindAsync();

        // The teacher, on a phone, with nothing but the slip.
        var phone = await app.NewPageAsync(375, 812);
        await phone.GotoAsync("/Account/Login");
        await phone.GetByRole(AriaRole.Link, new() { Name = "Забыли пароль?" }).WaitForAsync();
        await phone.GotoAsync("/Account/Code");
        await phone.GetByLabel("Логин").FillAsync(login);
        await phone.GetByLabel("Одноразовый код").FillAsync(code.ToLowerInvariant());
        await phone.GetByRole(AriaRole.Button, new() { Name = "Продолжить" }).ClickAsync();
        await phone.Locator("[data-testid=code-accepted]").WaitForAsync();
        await app.ShotAsync(phone, "code-password-375");
        (await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth")).ShouldBeLessThanOrEqualTo(0);
        const string password = "Kashtan-Vesna-2026";
        await phone.GetByLabel("Новый пароль").FillAsync(password);
        await phone.GetByLabel("Пароль ещё раз").FillAsync(password);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Задать пароль и войти" }).ClickAsync();

        // In, with the bell telling of the round.
        await Expect(phone.Locator(".alert", new() { HasText = "Пароль задан" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var bell = phone.GetByRole(AriaRole.Link, new() { NameRegex = BellPattern() });
        await Expect(bell).ToBeVisibleAsync();
        await app.ShotAsync(phone, "code-home-375");
        await bell.ClickAsync();
        var reminder = phone.Locator("[data-testid=notification]", new() { HasText = "Открыт тур диагностики" }).First;
        await Expect(reminder).ToBeVisibleAsync();
        await reminder.GetByRole(AriaRole.Button).First.ClickAsync();
        await Expect(phone).ToHaveURLAsync(new Regex("/Diagnostics/Answer"));

        // And answers: one topic where help is needed, then the sheet is sent.
        var card = phone.Locator("form.topic-card").First;
        await card.GetByText("Нужна помощь").ClickAsync();
        await card.Locator("label.choice", new() { HasText = "срочно" }).ClickAsync();
        await card.Locator(".save-state", new() { HasText = "Сохранено" }).WaitForAsync();
        await phone.Locator("[data-testid=submit]").ClickAsync();
        await Expect(phone.Locator(".alert-success")).ToContainTextAsync("Ваши ответы отправлены");

        // The code is used up: a second try says so and who to ask.
        var again = await app.NewPageAsync(375, 812);
        await again.GotoAsync($"/Account/Code?login={login}&code={code}");
        await again.GetByRole(AriaRole.Button, new() { Name = "Продолжить" }).ClickAsync();
        await Expect(again.Locator("[data-testid=code-error]")).ToContainTextAsync("администратор");
    }

    private async Task RemindAsync()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "nastavnik.dll"), "remind"])
        {
            WorkingDirectory = app.DataDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["DOTNET_CONTENTROOT"] = AppContext.BaseDirectory, ["DOTNET_gcServer"] = "0" },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, await output + await errors);
    }

    [GeneratedRegex("^[A-Z0-9]{5}-[A-Z0-9]{5}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^Уведомления: [1-9][0-9]* непрочитанных$")]
    private static partial Regex BellPattern();
}
