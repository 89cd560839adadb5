using Microsoft.Extensions.Options;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Notifications;

/// <summary>The job runner's settings (<c>Nastavnik:Jobs</c>). Tests turn it off and call the jobs themselves.</summary>
public sealed class JobOptions
{
    public const string Section = "Nastavnik:Jobs";
    public bool Enabled { get; set; } = true;
    /// <summary>How often the runner looks for a job whose interval has passed.</summary>
    public int TickMilliseconds { get; set; } = 5_000;
    /// <summary>How long a run may hold its job's lease before another node may take it (a node that died mid-run).</summary>
    public int LeaseMinutes { get; set; } = 10;
}

/// <summary>This process among the nodes on one database: the holder of job leases and claims of letters.</summary>
public sealed class NodeIdentity
{
    public string Id { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
}

/// <summary>
/// Runs every <see cref="IScheduledJob"/> registered in DI when its interval has passed since its last run on any node, under
/// the job's <see cref="JobLease"/>: the lease is taken by a conditional update that also checks the last run, so one node runs
/// it and the others skip it. A failing job is logged and tried again at the next interval; the runner itself never stops.
/// </summary>
public sealed partial class JobRunner(
    IServiceScopeFactory scopes, IOptions<JobOptions> options, NodeIdentity node, JobTelemetry telemetry, ILogger<JobRunner> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled) return;
        var tick = TimeSpan.FromMilliseconds(Math.Max(50, o.TickMilliseconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await Task.Delay(tick, stoppingToken); }
            catch (OperationCanceledException) { return; }
            await RunDueJobsAsync(stoppingToken);
        }
    }

    /// <summary>One pass: each job that is due and whose lease this node takes is run once.</summary>
    public async Task RunDueJobsAsync(CancellationToken ct)
    {
        IReadOnlyList<string> names;
        await using (var scope = scopes.CreateAsyncScope())
            names = scope.ServiceProvider.GetServices<IScheduledJob>().Select(j => j.Name).ToList();
        foreach (var name in names)
        {
            if (ct.IsCancellationRequested) return;
            try { await RunIfDueAsync(name, ct); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception e) { JobFailed(log, e, name); }
        }
    }

    private async Task RunIfDueAsync(string name, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var job = scope.ServiceProvider.GetServices<IScheduledJob>().First(j => j.Name == name);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var lastRunBefore = db.Clock.UtcTime() - job.Interval;
        var lease = TimeSpan.FromMinutes(Math.Max(1, options.Value.LeaseMinutes));
        if (!await JobLeases.TryTakeAsync(db, name, node.Id, lease, lastRunBefore, ct)) return;
        // Every entry the job logs says which job wrote it.
        using var logScope = log.BeginScope(new Dictionary<string, object?> { ["Job"] = name });
        try
        {
            await telemetry.RunAsync(job, ct);
        }
        finally
        {
            // The run is recorded even when it failed, so a broken job is retried at its interval, not on every tick.
            await JobLeases.ReleaseAsync(db, name, node.Id, CancellationToken.None);
        }
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Error, Message = "Background job {Job} failed; it runs again at its next interval")]
    private static partial void JobFailed(ILogger logger, Exception e, string job);
}

/// <summary>Registration of the background work: the node's identity, the runner and the jobs.</summary>
public static class JobRegistration
{
    public static IServiceCollection AddNastavnikJobs(this IServiceCollection services)
    {
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section);
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section);
        services.AddSingleton<NodeIdentity>();
        services.AddSingleton<JobTelemetry>();
        services.AddSingleton<IMailTransport, SmtpMailTransport>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddScoped<LetterComposer>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<IScheduledJob>(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddScoped<DigestJob>();
        services.AddScoped<IScheduledJob>(sp => sp.GetRequiredService<DigestJob>());
        services.AddScoped<NotificationCommands>();
        services.AddScoped<OutboxCommands>();
        services.AddSingleton<Surveys.PulseJob>();
        services.AddSingleton<IScheduledJob>(sp => sp.GetRequiredService<Surveys.PulseJob>());
        services.AddSingleton<JobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        return services;
    }
}
