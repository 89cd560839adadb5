using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Tests.Matching;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Matching;
using Nastavnik.Web.Features.Meetings;

namespace Nastavnik.Tests.Meetings;

/// <summary>
/// Approved pairs to hold meetings in, created through «Утвердить пары» on the matching case (<see cref="MatchingCase"/>): T0 mentors T1
/// (MET-01, <see cref="Pair"/>), T1 mentors T0 (ICT-01), T4 mentors a group of three in ICT-02 (<see cref="GroupPairs"/>); T5 has no
/// pair (the third teacher). The clock of the commands starts on 05.10.2026 at 12:00 in Moscow (09:00 UTC).
/// </summary>
public sealed record MeetingCase(MatchingCase Match, int Pair, IReadOnlyList<int> GroupPairs, FakeTimeProvider Clock)
{
    public static readonly DateTimeOffset Start = new(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);
    public TestSchool School => Match.School;
    public int P(int i) => Match.P(i);
    public AppFixture App => School.App;

    public static async Task<MeetingCase> SeedAsync(AppFixture app)
    {
        var c = await MatchingCase.SeedAsync(app);
        var clock = new FakeTimeProvider(Start);
        await app.WithDb(async db =>
        {
            var workflow = new MatchingWorkflow(db, clock);
            var run = (await workflow.RunAsync(c.ProgramId, false, "curator")).Value!;
            (await workflow.ApproveAsync(c.ProgramId, run.Id, confirm: true, "curator")).Ok.ShouldBeTrue();
            return 0;
        });
        var pairs = await app.WithDb(db => db.MentoringPairs.Where(p => p.ProgramId == c.ProgramId).ToListAsync());
        var pair = pairs.Single(p => p.MentorId == c.P(0) && p.MenteeId == c.P(1)).Id;
        var group = pairs.Where(p => p.MentorId == c.P(4)).OrderBy(p => p.Id).Select(p => p.Id).ToList();
        group.Count.ShouldBe(3);
        return new MeetingCase(c, pair, group, clock);
    }

    /// <summary>Runs a command as teacher <paramref name="teacher"/> (or the curator with -1) on this case's clock.</summary>
    public async Task<T> As<T>(int teacher, Func<MeetingCommands, Task<T>> action)
    {
        await using var scope = teacher < 0 ? SignedInScope.Curator(School) : SignedInScope.Teacher(School, teacher);
        return await action(new MeetingCommands(scope.Get<AppDbContext>(), scope.Get<CurrentSchool>(), Clock));
    }

    /// <summary>Reads as teacher <paramref name="teacher"/> (or the curator with -1) through the privacy filters.</summary>
    public async Task<T> Read<T>(int teacher, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = teacher < 0 ? SignedInScope.Curator(School) : SignedInScope.Teacher(School, teacher);
        return await query(scope.Get<AppDbContext>());
    }

    public static MeetingInput Input(MeetingKind kind, int day, int hour = 15, int month = 10, int year = 2026, string? link = null) => new()
    {
        Kind = kind, Date = new DateOnly(year, month, day), Time = new TimeOnly(hour, 0), DurationMinutes = 45, Place = "Кабинет 214",
        OnlineLink = link, Agenda = "Знакомство, ожидания, формат работы",
    };

    /// <summary>The organizational meeting of <see cref="Pair"/> planned by the mentor on 06.10.2026 at 15:00 and held with both present.</summary>
    public async Task<Meeting> HeldOrganizationalAsync()
    {
        var planned = (await As(0, c => c.PlanAsync(Pair, false, Input(MeetingKind.Organizational, 6), default))).Value!;
        Clock.SetUtcNow(new DateTimeOffset(2026, 10, 6, 13, 0, 0, TimeSpan.Zero));
        return (await As(0, c => c.RecordOutcomeAsync(planned.Id, true, null, planned.Version, default))).Value!;
    }
}
