using System.Net;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Hosting;

/// <summary>Who may read <c>/metrics</c> besides loopback (section <c>Metrics</c>).</summary>
public sealed class MetricsAccessOptions
{
    public const string Section = "Metrics";

    /// <summary>Addresses or networks, e.g. "10.0.0.7" or "10.0.0.0/24", of the Prometheus server(s) that scrape this node.</summary>
    public string[] AllowedNetworks { get; set; } = [];

    public bool IsValid => Entries.All(e => IPAddress.TryParse(e, out _) || System.Net.IPNetwork.TryParse(e, out _));

    private IEnumerable<string> Entries => AllowedNetworks.Select(e => e.Trim()).Where(e => e.Length > 0);

    public bool Admits(IPAddress? address)
    {
        if (address is null) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return true;
        foreach (var entry in Entries)
        {
            if (entry.Contains('/', StringComparison.Ordinal) ? System.Net.IPNetwork.Parse(entry).Contains(address) : IPAddress.Parse(entry).Equals(address))
                return true;
        }
        return false;
    }
}

/// <summary>The operator's endpoints: liveness, readiness and the Prometheus metrics (docs/architecture.md, «Operations»).</summary>
public static class Operations
{
    public const string DatabaseCheck = "database";
    public const string MigrationsCheck = "migrations";

    public static bool IsOperationsPath(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");

    /// <summary>
    /// <c>/health/live</c>: the process answers (no check). <c>/health/ready</c>: the database is reachable and every migration is
    /// applied, 503 otherwise. <c>/metrics</c>: Prometheus text, to loopback and <see cref="MetricsAccessOptions.AllowedNetworks"/>
    /// only (403 to anyone else; behind a proxy set <c>Web:BehindProxy</c>, so the proxy's loopback address is not taken for the caller's).
    /// </summary>
    public static WebApplication MapNastavnikOperations(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Name is DatabaseCheck or MigrationsCheck,
            ResponseWriter = WriteJson,
        }).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint("/metrics", null, branch => branch.Use((context, next) =>
        {
            if (context.RequestServices.GetRequiredService<IOptions<MetricsAccessOptions>>().Value.Admits(context.Connection.RemoteIpAddress))
                return next(context);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }), null).AllowAnonymous();
        return app;
    }

    // The status of each check by name, never an exception's text: the endpoints are open to anyone who reaches the node.
    private static Task WriteJson(HttpContext context, HealthReport report) => context.Response.WriteAsJsonAsync(new
    {
        status = report.Status.ToString(),
        checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
    });
}

/// <summary>Ready means the database answers and holds every migration of this version (none pending).</summary>
public sealed class MigrationsHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await db.Database.CanConnectAsync(cancellationToken))
            return new HealthCheckResult(context.Registration.FailureStatus, "The database cannot be reached.");
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        return pending == 0 ? HealthCheckResult.Healthy("Every migration is applied.")
            : new HealthCheckResult(context.Registration.FailureStatus, $"{pending} migration(s) pending: run `nastavnik migrate`.");
    }
}
