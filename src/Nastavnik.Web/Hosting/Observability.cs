using System.Text.Encodings.Web;
using Nastavnik.Web.Features.Notifications;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Nastavnik.Web.Hosting;

/// <summary>
/// What an operator sees of the running app: the log's format (<c>Logging:Format</c>: <c>text</c> by default, <c>json</c> one object a
/// line on stdout, each request's entries with its <see cref="RequestLogScope"/>), OpenTelemetry metrics (request duration, the
/// database, the jobs, the runtime) at <c>/metrics</c> and over OTLP, and traces over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// Logs are not exported over OTLP: they stay on stdout, where the service manager keeps them.
/// </summary>
public static class Observability
{
    public const string ServiceName = "nastavnik";

    /// <summary>The standard OpenTelemetry setting (an environment variable or a key of the settings) that turns the OTLP export on.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The meters read besides ASP.NET Core's: the jobs, EF Core's counters, Npgsql's command and pool metrics, the runtime.</summary>
    public static readonly string[] Meters = [JobTelemetry.MeterName, "Microsoft.EntityFrameworkCore", "Npgsql", "System.Runtime"];

    /// <summary><c>Logging:Format=json</c>: stdout carries JSON objects only, one a line (a log shipper or <c>jq</c> reads every line).</summary>
    public static bool JsonLogs(IConfiguration config) => string.Equals(config["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase);

    public static WebApplicationBuilder AddNastavnikObservability(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        if (JsonLogs(config))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.JsonWriterOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            });
        }
        var otlp = !string.IsNullOrWhiteSpace(config[OtlpEndpointSetting]);
        builder.Services.AddOptions<MetricsAccessOptions>().BindConfiguration(MetricsAccessOptions.Section)
            .Validate(o => o.IsValid, "Metrics:AllowedNetworks holds an entry that is neither an address nor a network (10.0.0.7, 10.0.0.0/24).")
            .ValidateOnStart();
        builder.Services.AddHealthChecks().AddCheck<MigrationsHealthCheck>(Operations.MigrationsCheck);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddMeter(Meters).AddPrometheusExporter();
                if (otlp) m.AddOtlpExporter();
            });
        // Traces cost a little on every request and database call: they are recorded only when something collects them.
        if (otlp)
        {
            telemetry.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = c => !Operations.IsOperationsPath(c.Request.Path);
                    // A calendar feed's address is its secret: the span keeps the route, not the token.
                    o.EnrichWithHttpRequest = (activity, request) =>
                    {
                        if (request.Path.StartsWithSegments("/calendar")) activity.SetTag("url.path", "/calendar/{token}");
                    };
                })
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource(JobTelemetry.SourceName)
                .AddOtlpExporter());
        }
        return builder;
    }
}
