using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Matching;

namespace Nastavnik.Tests.Matching;

/// <summary>The choice stage's rules through <see cref="ChoiceStageCommands"/>, on the school of <see cref="MatchingCase"/>.</summary>
public abstract class ChoiceStageCommandTests(AppFixture app)
{
    private static readonly DateTimeOffset Now = new(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.ToLocalTime().DateTime);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static readonly TimeProvider Time = new FixedTime(Now);

    /// <summary>Runs with the case's school as the tenant, as a curator's request would.</summary>
    private Task<T> In<T>(MatchingCase c, Func<AppDbContext, Task<T>> action) => app.WithDb(db =>
    {
        db.School.Use(c.School.Id);
        return action(db);
    });

    private Task<ChoiceStage?> StageAsync(MatchingCase c) => In(c, async db => (await ChoiceStageQueries.CurrentAsync(db, default)).Stage);
    private Task<Person> PersonAsync(MatchingCase c, int i) => In(c, db => db.People.SingleAsync(p => p.Id == c.P(i)));

    [Fact]
    public async Task Open_needs_a_deadline_from_today_and_close_refuses_a_stale_version()
    {
        var c = await MatchingCase.SeedAsync(app);
        var past = await In(c, db => new ChoiceStageCommands(db, Time).OpenAsync(Today.AddDays(-1), "curator", default));
        past.Error!.Kind.ShouldBe(ErrorKind.Invalid);
        (await StageAsync(c)).ShouldBeNull();

        var opened = await In(c, db => new ChoiceStageCommands(db, Time).OpenAsync(Today, "curator", default));
        opened.Value.ShouldBe($"Выбор наставников открыт до {Today:dd.MM.yyyy}. Педагоги увидят его на главной странице.");
        var stage = (await StageAsync(c))!;
        stage.OpenedAt.ShouldBe(Now.UtcDateTime);

        var stale = await In(c, db => new ChoiceStageCommands(db, Time).CloseAsync(stage.Version + 1, default));
        stale.Error!.Kind.ShouldBe(ErrorKind.Stale);
        (await StageAsync(c))!.IsOpen.ShouldBeTrue();
        (await In(c, db => new ChoiceStageCommands(db, Time).CloseAsync(stage.Version, default))).Ok.ShouldBeTrue();
        (await StageAsync(c))!.ClosedAt.ShouldBe(Now.UtcDateTime);

        // Closed: neither side can save any more.
        var closed = await In(c, async db => await new ChoiceStageCommands(db, Time).SaveChoiceAsync(await PersonAsync(c, 1), await StageAsync(c),
            c.Topics["MET-01"], [c.P(0)], "", "t2", default));
        closed.Error!.Message.ShouldBe("Выбор наставников закрыт: изменения не сохранены.");
    }

    [Fact]
    public async Task A_mentors_answer_is_refused_without_consent_out_of_range_or_over_a_newer_version()
    {
        var c = await MatchingCase.SeedAsync(app);
        await In(c, db => new ChoiceStageCommands(db, Time).OpenAsync(Today.AddDays(7), "curator", default));
        var stage = await StageAsync(c);
        Task<CommandResult<string>> Save(Person mentor, int capacity, int version) =>
            In(c, db => new ChoiceStageCommands(db, Time).SaveMentorAsync(mentor, stage, capacity, [], version, "curator", default));
        var t0 = await PersonAsync(c, 0);

        (await Save(await PersonAsync(c, 6), 2, 0)).Error!.Message.ShouldContain("нет согласия на обработку персональных данных");
        (await Save(t0, ChoiceStageQueries.MaxCapacity + 1, 0)).Error!.Kind.ShouldBe(ErrorKind.Invalid);
        (await Save(t0, 2, 0)).Value.ShouldBe("Сохранено: вы готовы взять до 2 наставляемых.");
        // A second form loaded before the first save still carries version 0.
        (await Save(t0, 1, 0)).Error!.Kind.ShouldBe(ErrorKind.Stale);
        var saved = await In(c, db => db.MentorAvailabilities.SingleAsync(a => a.PersonId == c.P(0)));
        (saved.Capacity, saved.UpdatedAt).ShouldBe((2, Now.UtcDateTime));
        // T0 kept none of their offered topics: MET-01 is declined.
        (await In(c, db => db.DeclinedOffers.Where(d => d.PersonId == c.P(0)).Select(d => d.TopicId).ToListAsync())).ShouldBe([c.Topics["MET-01"]]);
    }
}

[Collection("sqlite")] public sealed class ChoiceStageCommandTests_Sqlite(SqliteApp app) : ChoiceStageCommandTests(app);
[Collection("postgres")] public sealed class ChoiceStageCommandTests_Postgres(PostgresApp app) : ChoiceStageCommandTests(app);
