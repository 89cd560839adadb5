using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Notifications;

namespace Nastavnik.Tests.Notifications;

/// <summary>
/// Two app instances on one PostgreSQL: each letter of the outbox reaches the SMTP server once, and none is lost when one
/// instance dies in the middle of a batch (the other sends the rest, the dead one's claims expire).
/// </summary>
[Collection("postgres")]
public sealed class ExactlyOnceTests_Postgres(PostgresApp app) : IAsyncLifetime
{
    private SmtpSink _sink = null!;

    public async Task InitializeAsync() => _sink = await SmtpSink.StartAsync();
    public async Task DisposeAsync() => await _sink.DisposeAsync();

    private async Task<List<long>> EnqueueAsync(int count, string tag)
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        return await app.WithDb(async db =>
        {
            var letters = Enumerable.Range(0, count).Select(i => new OutboxLetter
            {
                SchoolId = school.Id, Kind = "invitation", ToAddress = $"{tag}-{i}@school.example", Subject = $"Письмо {i}",
                TextBody = "Здравствуйте!", CreatedAt = MailNode.Morning.UtcDateTime, NotBefore = MailNode.Morning.UtcDateTime.AddMinutes(-1),
            }).ToList();
            db.OutboxLetters.AddRange(letters);
            await db.SaveChangesAsync();
            return letters.Select(l => l.Id).ToList();
        });
    }

    private Dictionary<long, int> Delivered(string tag) => _sink.Messages()
        .Where(m => m.To.Mailboxes.Single().Address.StartsWith(tag + "-", StringComparison.Ordinal))
        .GroupBy(m => long.Parse(m.MessageId!.Split('@')[0]["letter-".Length..], CultureInfo.InvariantCulture))
        .ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public async Task Two_instances_deliver_each_of_200_letters_exactly_once()
    {
        var tag = "pair" + Guid.NewGuid().ToString("N")[..6];
        var ids = await EnqueueAsync(200, tag);
        await using var a = new MailNode(app, _sink);
        await using var b = new MailNode(app, _sink);

        await Task.WhenAll(Task.Run(() => a.RunAsync<OutboxDispatcher>()), Task.Run(() => b.RunAsync<OutboxDispatcher>()));

        var delivered = Delivered(tag);
        delivered.Keys.Order().ShouldBe(ids);
        delivered.Values.ShouldAllBe(n => n == 1);
        (await a.Db(db => db.OutboxLetters.IgnoreQueryFilters().CountAsync(l => ids.Contains(l.Id) && l.SentAt != null && l.ClaimedBy == null))).ShouldBe(200);
    }

    [Fact]
    public async Task An_instance_killed_mid_run_loses_no_letter_the_other_sends_the_rest()
    {
        var tag = "kill" + Guid.NewGuid().ToString("N")[..6];
        var ids = await EnqueueAsync(200, tag);
        await using var doomed = new MailNode(app, _sink);
        await using var survivor = new MailNode(app, _sink);

        using var kill = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while (_sink.Count < 30) await Task.Delay(5);
            await kill.CancelAsync();
        });
        await Should.ThrowAsync<OperationCanceledException>(() => doomed.RunAsync<OutboxDispatcher>(kill.Token));
        await watcher;
        var sentBeforeDeath = await survivor.Db(db => db.OutboxLetters.IgnoreQueryFilters().CountAsync(l => ids.Contains(l.Id) && l.SentAt != null));
        sentBeforeDeath.ShouldBeInRange(1, 199);
        var leftClaimed = await survivor.Db(db => db.OutboxLetters.IgnoreQueryFilters().CountAsync(l => ids.Contains(l.Id) && l.SentAt == null && l.ClaimedBy != null));
        leftClaimed.ShouldBeGreaterThan(0, "the dead instance held claims on letters it had not sent");

        // The survivor sends what nobody holds at once, and the dead one's letters when their claims expire.
        await survivor.RunAsync<OutboxDispatcher>();
        (await survivor.Db(db => db.OutboxLetters.IgnoreQueryFilters().CountAsync(l => ids.Contains(l.Id) && l.SentAt == null))).ShouldBe(leftClaimed);
        survivor.Clock.Advance(OutboxDispatcher.ClaimFor + TimeSpan.FromSeconds(1));
        await survivor.RunAsync<OutboxDispatcher>();

        (await survivor.Db(db => db.OutboxLetters.IgnoreQueryFilters().CountAsync(l => ids.Contains(l.Id) && l.SentAt != null))).ShouldBe(200);
        var delivered = Delivered(tag);
        delivered.Keys.Order().ShouldBe(ids);
        // At least once: only the letter in flight at the moment of death may have gone twice.
        delivered.Values.Count(n => n > 1).ShouldBeLessThanOrEqualTo(1);
    }
}

/// <summary>The job runner: every registered job runs when its interval has passed, on one node at a time, and survives a failing job.</summary>
public abstract class JobRunnerTests(AppFixture app)
{
    private sealed class CountingJob(string name) : IScheduledJob
    {
        public int Runs;
        public string Name => name;
        public TimeSpan Interval => TimeSpan.FromHours(1);
        public Task RunAsync(CancellationToken ct)
        {
            Interlocked.Increment(ref Runs);
            return Task.CompletedTask;
        }
    }

    private sealed class FailingJob(string name) : IScheduledJob
    {
        public int Runs;
        public string Name => name;
        public TimeSpan Interval => TimeSpan.FromMilliseconds(1);
        public Task RunAsync(CancellationToken ct)
        {
            Interlocked.Increment(ref Runs);
            throw new InvalidOperationException("broken job");
        }
    }

    [Fact]
    public async Task Two_nodes_run_a_due_job_once_and_a_failing_job_does_not_stop_the_runner()
    {
        var name = "test-" + Guid.NewGuid().ToString("N")[..8];
        var counting = new CountingJob(name);
        var failing = new FailingJob(name + "-bad");
        void Jobs(IServiceCollection s)
        {
            s.RemoveAll<IScheduledJob>();
            s.AddSingleton<IScheduledJob>(failing);
            s.AddSingleton<IScheduledJob>(counting);
        }
        await using var a = new MailNode(app, null, Jobs);
        await using var b = new MailNode(app, null, Jobs);
        // The runner is off in the fixture; these nodes run a pass each, at the same moment, several times.
        for (var i = 0; i < 5; i++)
        {
            await Task.WhenAll(
                Task.Run(() => a.Host.Services.GetRequiredService<JobRunner>().RunDueJobsAsync(CancellationToken.None)),
                Task.Run(() => b.Host.Services.GetRequiredService<JobRunner>().RunDueJobsAsync(CancellationToken.None)));
            a.Clock.Advance(TimeSpan.FromMinutes(1));
            b.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        counting.Runs.ShouldBe(1);
        failing.Runs.ShouldBeGreaterThanOrEqualTo(5); // failed each time, tried again at its interval
        var lease = await a.Db(db => db.JobLeases.SingleAsync(l => l.Name == name));
        (lease.Holder, lease.LastRunAt).ShouldBe((null, MailNode.Morning.UtcDateTime));

        // An hour later it is due again, and again one node runs it.
        a.Clock.Advance(TimeSpan.FromHours(1));
        b.Clock.Advance(TimeSpan.FromHours(1));
        await Task.WhenAll(
            Task.Run(() => a.Host.Services.GetRequiredService<JobRunner>().RunDueJobsAsync(CancellationToken.None)),
            Task.Run(() => b.Host.Services.GetRequiredService<JobRunner>().RunDueJobsAsync(CancellationToken.None)));
        counting.Runs.ShouldBe(2);
    }
}

[Collection("sqlite")] public sealed class JobRunnerTests_Sqlite(SqliteApp app) : JobRunnerTests(app);
[Collection("postgres")] public sealed class JobRunnerTests_Postgres(PostgresApp app) : JobRunnerTests(app);
