using System.CommandLine;
using System.Diagnostics;
using Nastavnik.Web.Features.Notifications.Reminders;

namespace Nastavnik.Web.Cli;

/// <summary>
/// <c>nastavnik remind</c>: one pass of the reminder job over every school (what the job runner does every five minutes), for an
/// installation without the web app's runner (cron) and for the benchmark. Each notification is still created once.
/// </summary>
internal static class RemindCommand
{
    public static Command Create()
    {
        var runs = new Option<int>("--runs") { Description = "Run the pass this many times (to measure the steady state).", DefaultValueFactory = _ => 1 };
        var remind = new Command("remind", "Run the reminders once: create the notifications that are due now (each only once).") { runs };
        remind.SetAction((r, ct) => NastavnikCommandLine.WithServices(async sp =>
        {
            var job = sp.GetRequiredService<ReminderJob>();
            for (var i = 0; i < Math.Max(1, r.GetValue(runs)); i++)
            {
                var watch = Stopwatch.StartNew();
                var created = await job.RunOnceAsync(ct, (kind, added, took) => Console.WriteLine($"  {kind.Code}: {added} in {took.TotalMilliseconds:0} ms"));
                Console.WriteLine($"Notifications created: {created} in {watch.ElapsedMilliseconds} ms.");
            }
            return 0;
        }));
        return remind;
    }
}
