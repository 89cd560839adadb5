using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Notifications;
using OpenTelemetry.Trace;

namespace Nastavnik.Tests.Operations;

/// <summary>
/// What an operator reads of a node configured for a server (<c>Logging:Format=json</c>, an OTLP collector): a request's log line
/// as JSON with its request, account and school ids and no login or name; the Prometheus metrics of requests, the database and
/// the jobs, open to loopback and the listed networks only; the spans of a request, its database calls and a job, exported.
/// </summary>
public abstract class ObservabilityTests(AppFixture app)
{
    private sealed class TestJob(string name) : IScheduledJob
    {
        public string Name => name;
        public TimeSpan Interval => TimeSpan.FromHours(1);
        public Task RunAsync(CancellationToken ct) => Task.CompletedTask;
    }

    /// <summary>
    /// One host with tracing at a time: OpenTelemetry's activity listeners are process-wide, so while the SQLite and the PostgreSQL
    /// variants (two collections, run side by side) both lived, each one's in-memory exporter also took the other's spans, appended to
    /// the same unsynchronized list from two threads; the full suite once lost the request's database span that way.
    /// </summary>
    private static readonly SemaphoreSlim OneTracingHost = new(1, 1);

    [Fact]
    public async Task A_request_and_a_job_are_seen_in_json_logs_prometheus_metrics_and_exported_traces_without_names()
    {
        await OneTracingHost.WaitAsync();
        try
        {
            await RequestAndJobAreObservedAsync();
        }
        finally
        {
            OneTracingHost.Release();
        }
    }

    private async Task RequestAndJobAreObservedAsync()
    {
        var school = await app.NewSchoolAsync(teachers: 2);
        var curatorId = await app.WithDb(db => db.Users.Where(u => u.UserName == school.Curator).Select(u => u.Id).SingleAsync());
        var job = new TestJob("observed-" + Guid.NewGuid().ToString("N")[..8]);
        var spans = new List<Activity>();
        using var collector = new OtlpSink();
        var host = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Logging:Format", "json");
            b.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", collector.Endpoint);
            b.UseSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
            // Metrics and traces go out every half second while the node serves; a flush at shutdown alone may be cut short on a busy machine.
            b.UseSetting("OTEL_METRIC_EXPORT_INTERVAL", "500");
            b.UseSetting("OTEL_BSP_SCHEDULE_DELAY", "500");
            b.UseSetting("Metrics:AllowedNetworks:0", "198.51.100.0/24");
            b.ConfigureServices(s =>
            {
                s.AddSingleton<IStartupFilter, ClientAddress>();
                s.AddSingleton<ILoggerProvider, ConsoleLines>();
                s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
                s.RemoveAll<IScheduledJob>();
                s.AddSingleton<IScheduledJob>(job);
            });
        });
        try
        {
            var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var login = await client.PostFormAsync("/Account/Login", "/Account/Login", new()
            { ["Input.UserName"] = school.Curator, ["Input.Password"] = TestSchool.Password });
            login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await client.GetAsync("/Staff/Export")).StatusCode.ShouldBe(HttpStatusCode.OK);
            await host.Services.GetRequiredService<JobRunner>().RunDueJobsAsync(CancellationToken.None);

            // The log: one JSON object a line; the export's entry names the request, the account and the school by id only.
            var lines = host.Services.GetServices<ILoggerProvider>().OfType<ConsoleLines>().Single().Lines;
            var export = lines.Select(l => JsonDocument.Parse(l).RootElement).Single(e => e.GetProperty("EventId").GetInt32() == 1004);
            var ids = export.GetProperty("Scopes").EnumerateArray().Single(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("UserId", out _));
            ids.GetProperty("RequestId").GetString().ShouldNotBeNullOrWhiteSpace();
            ids.GetProperty("UserId").GetString().ShouldBe(curatorId);
            ids.GetProperty("SchoolId").GetInt32().ShouldBe(school.Id);
            lines.ShouldNotContain(l => l.Contains(school.Curator, StringComparison.OrdinalIgnoreCase));
            lines.ShouldNotContain(l => school.Teachers.Any(t => l.Contains(t.FullName.Split(' ')[0], StringComparison.Ordinal)));

            // The metrics: from loopback, Prometheus text with the request's duration, the job's run and time, the database.
            var metrics = await client.GetStringAsync("/metrics");
            metrics.Split('\n').ShouldContain(l => l.StartsWith("http_server_request_duration_seconds_bucket{", StringComparison.Ordinal) && l.Contains("Staff/Export"));
            var run = metrics.Split('\n').Where(l => l.StartsWith("nastavnik_job_runs_total{", StringComparison.Ordinal) && l.Contains($"job=\"{job.Name}\"")).ShouldHaveSingleItem();
            run.ShouldContain("outcome=\"succeeded\"");
            run.Split(' ')[1].ShouldBe("1");
            metrics.ShouldContain("nastavnik_job_duration_seconds_count{");
            metrics.ShouldContain("microsoft_entityframeworkcore_queries_total{");
            if (app.Provider == DatabaseProvider.PostgreSQL) metrics.ShouldContain("db_client_operation_duration_seconds_bucket{");
            // Refused to an address that is neither loopback nor listed; open to the listed network.
            (await client.SendAsync(Scrape("203.0.113.7"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.SendAsync(Scrape("198.51.100.20"))).StatusCode.ShouldBe(HttpStatusCode.OK);

            // The traces: the request with its database calls under it, and the job's run.
            var seen = await SpansAsync(spans, s => s.Any(a => a.DisplayName == "job " + job.Name)
                && s.Any(a => Equals(a.GetTagItem("http.route"), "Staff/Export")));
            var request = seen.First(a => Equals(a.GetTagItem("http.route"), "Staff/Export"));
            seen.ShouldContain(a => a.Source.Name == "OpenTelemetry.Instrumentation.EntityFrameworkCore" && a.TraceId == request.TraceId);
            seen.Single(a => a.DisplayName == "job " + job.Name).Source.Name.ShouldBe(JobTelemetry.SourceName);

            // The metrics and the traces reach the collector over OTLP while the node serves: waited for as a condition, up to a minute.
            for (var i = 0; i < 600 && !(collector.Posts.Contains("/v1/metrics") && collector.Posts.Contains("/v1/traces")); i++) await Task.Delay(100);
            collector.Posts.ShouldContain("/v1/metrics");
            collector.Posts.ShouldContain("/v1/traces");
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static HttpRequestMessage Scrape(string from) => new(HttpMethod.Get, "/metrics") { Headers = { { ClientAddress.Header, from } } };

    private static async Task<IReadOnlyList<Activity>> SpansAsync(List<Activity> spans, Func<IReadOnlyList<Activity>, bool> complete)
    {
        // A request's span ends just after its response reaches the test client.
        for (var i = 0; ; i++)
        {
            Activity[] now;
            lock (spans) now = [.. spans];
            if (complete(now) || i == 50) return now;
            await Task.Delay(100);
        }
    }
}

[Collection("sqlite")] public sealed class ObservabilityTests_Sqlite(SqliteApp app) : ObservabilityTests(app);
[Collection("postgres")] public sealed class ObservabilityTests_Postgres(PostgresApp app) : ObservabilityTests(app);
