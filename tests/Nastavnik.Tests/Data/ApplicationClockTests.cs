using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Nastavnik.Tests.Infrastructure;

namespace Nastavnik.Tests.Data;

/// <summary>Pages and the API take the date from the application's TimeProvider, not from the machine's clock.</summary>
[Collection("sqlite")]
public sealed class ApplicationClockTests(SqliteApp app)
{
    [Fact]
    public async Task Exports_and_ages_follow_the_application_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 3, 14, 9, 0, 0, TimeSpan.Zero));
        clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        await using var later = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock)));
        var client = later.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await client.PostFormAsync("/Account/Login", "/Account/Login",
            new Dictionary<string, string> { ["Input.UserName"] = "curator", ["Input.Password"] = "curator2026" });
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var export = await client.GetAsync("/Staff/Export");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("Педагоги 14.03.2031.xlsx");

        using var staff = JsonDocument.Parse(await client.GetStringAsync("/api/v1/staff?size=5"));
        var rows = staff.RootElement.GetProperty("items").EnumerateArray().ToList();
        rows.ShouldNotBeEmpty();
        foreach (var row in rows)
            row.GetProperty("age").GetInt32().ShouldBe(2031 - row.GetProperty("birthYear").GetInt32());
    }
}
