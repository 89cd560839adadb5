using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Tests.Operations;

/// <summary>
/// PostgreSQL restarted under a serving node (issue 15, item 5), on a server of the test's own: meanwhile a page is a Russian 503
/// page and the API a problem, both with Retry-After, and a write is refused whole; once the server is back, the same process
/// serves and writes again (the first reads find the pool's dead connections, are retried on fresh ones and succeed).
/// </summary>
public sealed class DatabaseRestartTests_Postgres
{
    [Fact]
    public async Task Meanwhile_the_app_answers_503_in_Russian_and_afterwards_the_same_process_serves_again()
    {
        await using var pg = await PrivatePostgres.StartAsync();
        await using var nodes = new NodeProcesses(DatabaseProvider.PostgreSQL, pg.ConnectionString);
        var node = await nodes.StartAsync(migrate: true, new Dictionary<string, string> { ["Demo:Enabled"] = "true", ["Nastavnik:Jobs:Enabled"] = "false" });
        using var admin = node.Browser();
        var login = await admin.GetStringAsync("/Account/Login");
        (await admin.PostAsync("/Account/Login", Form(login, ("Input.UserName", "admin"), ("Input.Password", "admin2026")))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetAsync("/Staff")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var edit = await admin.GetStringAsync("/Staff/Edit");
        FormUrlEncodedContent Card() => Form(edit, ("Input.LastName", "Перезапускова"), ("Input.FirstName", "Вера"), ("Input.MiddleName", "Павловна"),
            ("Input.Position", "Учитель"), ("Input.Category", "None"), ("Input.Consent", "Given"), ("Input.ConsentDate", "2026-09-01"));

        await pg.StopAsync();

        var page = await admin.GetAsync("/Staff");
        page.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        page.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(DatabaseFaultHandler.RetryAfterSeconds));
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = Html.Parse(await page.Content.ReadAsStringAsync());
        html.QuerySelector("h1")!.TextContent.ShouldBe(DatabaseFaultHandler.UnavailableTitle);
        html.DocumentElement.GetAttribute("lang").ShouldBe("ru");

        var api = await admin.GetAsync("/api/v1/staff");
        api.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        api.Headers.RetryAfter.ShouldNotBeNull();
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().ShouldBe(DatabaseFaultHandler.UnavailableTitle);

        // A write meanwhile is refused, not half done; the form may be sent again later.
        (await admin.PostAsync("/Staff/Edit", Card())).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await admin.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);

        await pg.StartAgainAsync();

        node.Process.HasExited.ShouldBeFalse();
        (await admin.GetAsync("/Staff")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetStringAsync("/api/v1/staff")).ShouldNotContain("Перезапускова");
        var saved = await admin.PostAsync("/Staff/Edit", Card());
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        (await admin.GetStringAsync("/api/v1/staff")).ShouldContain("Перезапускова");
        (await admin.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        node.Process.HasExited.ShouldBeFalse();
    }

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", Html.Token(page))));
}
