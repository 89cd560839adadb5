using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Notifications;
using Nastavnik.Web.Features.Notifications.Reminders;

namespace Nastavnik.Web.Features.Surveys;

/// <summary>
/// The pulse of each live pair (Approved or Active): a short named survey to both sides 30 days after the pair started (its StartedAt,
/// or its approval when it has not started), then every 60 days while it lives; answered within 7 days. Only the latest pulse due is
/// sent (a job stopped for months does not send the missed ones). Safe to run again: a pair's pulse number exists once (the unique
/// index on PairId and PulseNumber), so a second run, or a second node, creates nothing more.
/// </summary>
public sealed class PulseJob(IServiceScopeFactory scopes, TimeProvider clock) : IScheduledJob
{
    public const int FirstAfterDays = 30;
    public const int EveryDays = 60;
    public const int AnswerWithinDays = 7;

    public string Name => "survey-pulse";
    public TimeSpan Interval => TimeSpan.FromHours(6);

    public Task RunAsync(CancellationToken ct) => RunOnceAsync(clock.UtcTime(), ct);

    /// <summary>The pulse number due on <paramref name="today"/> for a pair that started on <paramref name="start"/> (0: none yet).</summary>
    public static int Due(DateOnly start, DateOnly today)
    {
        var days = today.DayNumber - start.DayNumber;
        return days < FirstAfterDays ? 0 : 1 + (days - FirstAfterDays) / EveryDays;
    }

    /// <summary>Creates and sends the pulses due at <paramref name="utcNow"/>; returns how many surveys it sent.</summary>
    public async Task<int> RunOnceAsync(DateTime utcNow, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentSchool>().Use(null);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var commands = scope.ServiceProvider.GetRequiredService<SurveyCommands>();
        var today = ReminderSetup.Today(db, utcNow);
        var zone = db.Clock.LocalTimeZone;
        var live = await db.MentoringPairs.Where(p => p.Status == PairStatus.Approved || p.Status == PairStatus.Active)
            .Select(p => new { p.Id, p.SchoolId, p.ProgramId, Start = p.StartedAt ?? p.ApprovedAt }).ToListAsync(ct);
        var due = live.Select(p => (Pair: p, Number: Due(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(p.Start, DateTimeKind.Utc), zone)), today)))
            .Where(x => x.Number > 0).ToList();
        var sentAlready = new HashSet<(int, int)>();
        foreach (var chunk in due.Select(x => (int?)x.Pair.Id).Chunk(500))
        {
            var found = await db.Surveys.Where(s => s.Kind == SurveyKind.Pulse && chunk.Contains(s.PairId))
                .Select(s => new { s.PairId, s.PulseNumber }).ToListAsync(ct);
            foreach (var f in found) sentAlready.Add((f.PairId!.Value, f.PulseNumber ?? 0));
        }
        var sent = 0;
        foreach (var (pair, number) in due.Where(x => !sentAlready.Contains((x.Pair.Id, x.Number))))
        {
            var survey = await SurveyTemplates.BuildAsync(db, SurveyKind.Pulse, pair.ProgramId, ct);
            survey.SchoolId = pair.SchoolId;
            survey.PairId = pair.Id;
            survey.PulseNumber = number;
            survey.Title = $"Анкета-пульс пары №{number}";
            survey.Deadline = today.AddDays(AnswerWithinDays);
            survey.Status = SurveyStatus.Sent;
            survey.SentAt = utcNow;
            survey.CreatedBy = "system";
            foreach (var q in survey.Questions) q.SchoolId = pair.SchoolId;
            var (people, _, refusal) = await commands.GroupAsync(survey, ct);
            if (refusal is not null) continue;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                if (await commands.DeliverAsync(survey, people!, ct) > 0)
                {
                    await tx.CommitAsync(ct);
                    sent++;
                }
            }
            catch (DbUpdateException)
            {
                // Another node sent this pulse first (the unique index on the pair and its number): nothing more to do.
                await tx.RollbackAsync(ct);
            }
            db.ChangeTracker.Clear();
        }
        return sent;
    }
}
