using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Tests.Operations;

/// <summary>
/// A restart of PostgreSQL while a node serves (issue 15, item 5), on a server of the test's own and a real node: a restart between
/// two requests goes unnoticed by the user (the read is run again on new connections); while the server is down every page and the
/// API answer 503 in Russian with Retry-After and nothing is written; once it is back the same node reads and writes again, without
/// being restarted.
/// </summary>
public sealed class DatabaseRestartTests_Postgres
{
    private static readonly Dictionary<string, string> Settings = new() { ["Demo:Enabled"] = "true", ["Nastavnik:Jobs:Enabled"] = "false" };

    [Fact]
    public async Task A_restart_of_the_server_is_ridden_out_and_while_it_is_down_the_user_gets_the_Russian_503_and_nothing_is_written()
    {
        await using var server = await PrivatePostgres.StartAsync();
        await using var nodes = new NodeProcesses(DatabaseProvider.PostgreSQL, server.ConnectionString);
        var node = await nodes.StartAsync(migrate: true, Settings);
        using var curator = await node.SignInAsync("curator", "curator2026");
        // Several requests at once leave several connections in the node's pool, all of which the restart breaks.
        var warm = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => curator.GetAsync("/Staff")));
        warm.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var before = await TeachersAsync(curator);

        await server.StopAsync();
        await server.StartAgainAsync();
        var after = await curator.GetAsync("/Staff");
        after.StatusCode.ShouldBe(HttpStatusCode.OK, "the first page after a restart is served at once:\n" + nodes.Output);
        (await TeachersAsync(curator)).ShouldBe(before);

        await server.StopAsync();
        var page = await curator.GetAsync("/Staff");
        page.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        page.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(DatabaseFaultHandler.RetryAfterSeconds));
        (await page.Content.ReadAsStringAsync()).ShouldContain(DatabaseFaultHandler.UnavailableTitle);
        var api = await curator.GetAsync("/api/v1/staff");
        api.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().ShouldBe(DatabaseFaultHandler.UnavailableTitle);
        var refused = await curator.PostAsJsonAsync("/api/v1/staff", new { lastName = "Перезапускова", firstName = "Вера" });
        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await node.Browser().GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);

        await server.StartAgainAsync();
        (await curator.GetAsync("/Staff")).StatusCode.ShouldBe(HttpStatusCode.OK, nodes.Output);
        (await node.Browser().GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TeachersAsync(curator)).ShouldBe(before, "the refused write kept nothing");
        var created = await curator.PostAsJsonAsync("/api/v1/staff", new { lastName = "Перезапускова", firstName = "Вера" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        (await TeachersAsync(curator)).ShouldBe(before + 1);
        node.Process.HasExited.ShouldBeFalse();
    }

    private static async Task<int> TeachersAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/staff?size=1")).GetProperty("total").GetInt32();
}
