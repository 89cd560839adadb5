using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Nastavnik.Web.Features.Notifications;

/// <summary>
/// The metrics and traces of the background jobs: each run a span «job {name}», counted by job and outcome
/// (<c>nastavnik.job.runs</c>) and timed (<c>nastavnik.job.duration</c>, seconds). The job runner runs every job through it.
/// </summary>
public sealed class JobTelemetry
{
    public const string MeterName = "Nastavnik.Jobs";
    public const string SourceName = "Nastavnik.Jobs";

    private static readonly ActivitySource Source = new(SourceName);
    private readonly Counter<long> _runs;
    private readonly Histogram<double> _duration;

    public JobTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _runs = meter.CreateCounter<long>("nastavnik.job.runs", "{run}", "Runs of the background jobs, by job and outcome.");
        _duration = meter.CreateHistogram<double>("nastavnik.job.duration", "s", "How long a run of a background job took, by job and outcome.");
    }

    public async Task RunAsync(IScheduledJob job, CancellationToken ct)
    {
        using var activity = Source.StartActivity("job " + job.Name);
        activity?.SetTag("nastavnik.job", job.Name);
        // A duration, not a moment: measured on the monotonic stopwatch, not on the application's (possibly test) clock.
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            await job.RunAsync(ct);
            outcome = "succeeded";
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
        finally
        {
            var tags = new TagList { { "job", job.Name }, { "outcome", outcome } };
            _runs.Add(1, tags);
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }
}
