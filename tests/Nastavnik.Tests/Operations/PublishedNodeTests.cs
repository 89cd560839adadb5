using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;

namespace Nastavnik.Tests.Operations;

/// <summary>
/// A node as docs/deploy.md runs it: the executable started from a working folder that is not the app's own (systemd's
/// <c>WorkingDirectory</c>, an operator's shell), with <c>Logging__Format=json</c> for journald. Found by following deploy.md on a
/// clean Debian machine: the app did not find its appsettings.json there, and the start-up lines broke the JSON log.
/// </summary>
public sealed class PublishedNodeTests
{
    private static readonly Dictionary<string, string> JsonLog = new()
    {
        ["Logging:Format"] = "json",
        ["Logging:LogLevel:Default"] = "Information",
    };

    [Fact]
    public async Task A_node_started_from_another_folder_reads_its_settings_and_writes_json_lines_only()
    {
        var folder = Directory.CreateTempSubdirectory("nastavnik-published-").FullName;
        try
        {
            await using var nodes = new NodeProcesses(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "n.db")}");
            var node = await nodes.StartAsync(migrate: true, JsonLog);
            using var browser = node.Browser();
            (await browser.GetAsync("/Account/Login")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await browser.GetAsync("/css/site.css")).StatusCode.ShouldBe(HttpStatusCode.OK);
            await Task.Delay(500); // the console logger writes on a thread of its own

            var lines = nodes.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var entries = lines.Select(line =>
            {
                line.ShouldStartWith("{", customMessage: "a line of a JSON log that is not JSON:\n" + nodes.Output);
                return JsonDocument.Parse(line).RootElement;
            }).ToList();
            var categories = entries.Select(e => e.GetProperty("Category").GetString()).ToList();
            categories.ShouldContain("Microsoft.Hosting.Lifetime");
            // appsettings.json (in the app's folder, not the working one) keeps EF Core's per-command entries out of the log.
            categories.ShouldNotContain("Microsoft.EntityFrameworkCore.Database.Command", nodes.Output);
            // The start-up hint of an empty database is an entry of its own, not a plain line.
            entries.ShouldContain(e => e.GetProperty("Message").GetString()!.StartsWith("No accounts yet", StringComparison.Ordinal));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task A_node_that_cannot_reach_its_database_at_start_exits_with_code_1_and_says_why()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        await using var nodes = new NodeProcesses(DatabaseProvider.PostgreSQL,
            $"Host=127.0.0.1;Port={port};Database=nastavnik;Username=nastavnik;Password=x;Timeout=5");

        var (code, output) = await nodes.RunAsync(JsonLog, "--urls", "http://127.0.0.1:0");

        code.ShouldBe(1, output);
        output.ShouldContain("The database cannot be reached at start");
        output.ShouldNotContain("Unhandled exception");
    }
}
