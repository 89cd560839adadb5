using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Data.Migrations;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Catalog;

namespace Nastavnik.Tests.Catalog;

/// <summary>The catalog's use cases through <see cref="CatalogCommands"/>, and the catalog page and the API answering its refusals alike.</summary>
public abstract class CatalogCommandTests(AppFixture app)
{
    private Task<Dictionary<string, int>> DirectionsAsync(int schoolId) =>
        app.WithDb(db => db.Directions.IgnoreQueryFilters().Where(d => d.SchoolId == schoolId).ToDictionaryAsync(d => d.Code, d => d.Id));

    private Task<Topic> TopicAsync(int id) => app.WithDb(db => db.Topics.IgnoreQueryFilters().AsNoTracking().SingleAsync(t => t.Id == id));

    [Fact]
    public async Task Names_are_required_short_enough_and_unique_in_their_direction()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var dirs = await DirectionsAsync(school.Id);
        var topics = await school.TopicIdsAsync();
        await using var s = SignedInScope.Curator(school);
        var catalog = s.Get<CatalogCommands>();

        (await catalog.AddTopicAsync(dirs["MET"], "   ", false, null, default)).Error.ShouldBeRefusal(ErrorKind.Invalid, "Введите название.");
        (await catalog.AddTopicAsync(dirs["MET"], new string('т', 301), false, null, default)).Error!.Message.ShouldBe("Название длиннее 300 символов.");
        (await catalog.AddDirectionAsync(new string('н', 201), null, default)).Error!.Message.ShouldBe("Название длиннее 200 символов.");
        var twin = await catalog.AddTopicAsync(dirs["MET"], "  КЕЙС-технология ", false, null, default);
        (twin.Error!.Kind, twin.Error.Message).ShouldBe((ErrorKind.Conflict, "Тема «КЕЙС-технология» уже есть в направлении «Методическое наставничество»."));
        // Renaming into a neighbour's name and moving next to a namesake are refused the same way.
        var rename = await catalog.UpdateTopicAsync(topics["MET-01"], new TopicChange("Кейс-технология"), null, default);
        rename.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        await catalog.AddTopicAsync(dirs["SUB"], "Кейс-технология", false, null, default);
        var move = await catalog.UpdateTopicAsync(topics["MET-04"], new TopicChange("Кейс-технология", DirectionId: dirs["SUB"]), null, default);
        move.Error!.Message.ShouldBe("Тема «Кейс-технология» уже есть в направлении «Предметное наставничество».");
        // The same name in another direction is fine.
        (await catalog.AddTopicAsync(dirs["ICT"], "Кейс-технология", true, null, default)).Value!.Code.ShouldBe("ICT-06");
        (await TopicAsync(topics["MET-04"])).DirectionId.ShouldBe(dirs["MET"]);
    }

    [Fact]
    public async Task Another_schools_directions_and_topics_are_not_found_and_stay_as_they_were()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var dirsB = await DirectionsAsync(app.SchoolB);
        var topicB = await app.WithDb(db => db.Topics.IgnoreQueryFilters().Where(t => t.SchoolId == app.SchoolB).OrderBy(t => t.Id).FirstAsync());
        var ownTopic = (await school.TopicIdsAsync())["MET-01"];
        await using (var s = SignedInScope.Curator(school))
        {
            var catalog = s.Get<CatalogCommands>();
            (await catalog.AddTopicAsync(dirsB["MET"], "Чужая тема", false, null, default)).Error.ShouldBeRefusal(ErrorKind.NotFound, "Направление не найдено.");
            (await catalog.UpdateTopicAsync(topicB.Id, new TopicChange("Захвачено"), topicB.Version, default)).Error.ShouldBeRefusal(ErrorKind.NotFound, "Тема не найдена.");
            (await catalog.RetireTopicAsync(topicB.Id, true, default)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
            (await catalog.MoveTopicAsync(topicB.Id, 1, default)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
            (await catalog.UpdateDirectionAsync(dirsB["MET"], new DirectionChange("Захвачено"), default)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
            // Moving one's own topic into another school's direction: that direction does not exist for this school.
            (await catalog.UpdateTopicAsync(ownTopic, new TopicChange("Подготовка к конкурсам", DirectionId: dirsB["SUB"]), null, default))
                .Error.ShouldBeRefusal(ErrorKind.Invalid, "Направление не найдено.");
        }
        var after = await TopicAsync(topicB.Id);
        (after.Name, after.IsRetired, after.SortOrder, after.Version).ShouldBe((topicB.Name, false, topicB.SortOrder, topicB.Version));
        (await app.WithDb(db => db.Topics.IgnoreQueryFilters().CountAsync(t => t.Name == "Чужая тема"))).ShouldBe(0);
        (await TopicAsync(ownTopic)).Name.ShouldBe("Подготовка к конкурсам профессионального мастерства");
    }

    [Fact]
    public async Task A_rename_from_an_older_version_is_stale()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var id = (await school.TopicIdsAsync())["PSY-01"];
        var seen = (await TopicAsync(id)).Version;
        await using var s = SignedInScope.Curator(school);
        var catalog = s.Get<CatalogCommands>();
        (await catalog.UpdateTopicAsync(id, new TopicChange("Работа с группой риска"), seen, default)).Ok.ShouldBeTrue();
        var stale = await catalog.UpdateTopicAsync(id, new TopicChange("Группа риска"), seen, default);
        (stale.Error!.Kind, stale.Error.Message).ShouldBe((ErrorKind.Stale, "Эту тему только что изменил другой пользователь."));
        (await TopicAsync(id)).Name.ShouldBe("Работа с группой риска");
    }

    [Fact]
    public async Task A_code_taken_by_another_curator_at_the_same_moment_is_a_conflict_and_the_next_try_gets_the_next_code()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var met = (await DirectionsAsync(school.Id))["MET"];
        await using var s = SignedInScope.Curator(school);
        // The other curator saves after this one has chosen its code, just before it writes.
        var hook = new JustBeforeWriting(async () =>
        {
            await using var other = app.Services.CreateAsyncScope();
            var first = await other.ServiceProvider.GetRequiredService<CatalogCommands>().AddTopicAsync(met, "Смысловое чтение", false, null, default);
            first.Value!.Code.ShouldBe("MET-06");
        });
        // A second context of the provider's own type (as DI builds it), with the hook added.
        await using AppDbContext racing = s.Get<AppDbContext>() switch
        {
            PostgresAppDbContext => new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>(s.Get<DbContextOptions<PostgresAppDbContext>>())
                .AddInterceptors(hook).Options, s.Get<CurrentSchool>(), TimeProvider.System),
            _ => new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>(s.Get<DbContextOptions<SqliteAppDbContext>>())
                .AddInterceptors(hook).Options, s.Get<CurrentSchool>(), TimeProvider.System),
        };

        var late = await new CatalogCommands(racing).AddTopicAsync(met, "Финансовая грамотность", false, null, default);
        late.Error.ShouldBeRefusal(ErrorKind.Conflict, "В этот же момент в каталог добавил запись другой пользователь.", "Повторите добавление.");
        var again = await s.Get<CatalogCommands>().AddTopicAsync(met, "Финансовая грамотность", false, null, default);
        again.Value!.Code.ShouldBe("MET-07");
        var codes = await app.WithDb(db => db.Topics.IgnoreQueryFilters().Where(t => t.SchoolId == school.Id && t.Code.StartsWith("MET-0"))
            .OrderBy(t => t.Code).Select(t => t.Code + " " + t.Name).ToListAsync());
        codes.TakeLast(2).ShouldBe(["MET-06 Смысловое чтение", "MET-07 Финансовая грамотность"]);
    }

    [Fact]
    public async Task A_topic_moved_to_another_direction_keeps_its_code_and_new_topics_do_not_reuse_it()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var dirs = await DirectionsAsync(school.Id);
        var met05 = (await school.TopicIdsAsync())["MET-05"];
        await using var s = SignedInScope.Curator(school);
        var catalog = s.Get<CatalogCommands>();
        var moved = await catalog.UpdateTopicAsync(met05, new TopicChange("Работа с обучающимися с ОВЗ", DirectionId: dirs["PSY"]), null, default);
        (moved.Value!.Code, moved.Value.DirectionId).ShouldBe(("MET-05", dirs["PSY"]));
        var added = await catalog.AddTopicAsync(dirs["MET"], "Наставничество для молодых учителей", false, null, default);
        added.Error.ShouldBeNull();
        added.Value!.Code.ShouldBe("MET-06");
    }

    [Fact]
    public async Task Moving_a_topic_swaps_it_with_its_neighbour_and_the_ends_stay_put()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var topics = await school.TopicIdsAsync();
        await using var s = SignedInScope.Curator(school);
        var catalog = s.Get<CatalogCommands>();
        (await catalog.MoveTopicAsync(topics["SUB-01"], -1, default)).Ok.ShouldBeTrue();
        (await catalog.MoveTopicAsync(topics["SUB-03"], -5, default)).Ok.ShouldBeTrue();
        (await catalog.MoveTopicAsync(topics["SUB-05"], 1, default)).Ok.ShouldBeTrue();
        var order = await app.WithDb(db => db.Topics.IgnoreQueryFilters().Where(t => t.SchoolId == school.Id && t.Code.StartsWith("SUB"))
            .OrderBy(t => t.SortOrder).Select(t => t.Code).ToListAsync());
        order.ShouldBe(["SUB-01", "SUB-03", "SUB-02", "SUB-04", "SUB-05"]);
    }

    [Fact]
    public async Task The_page_and_the_api_refuse_a_duplicate_topic_with_the_same_russian_message()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var met = (await DirectionsAsync(school.Id))["MET"];
        CommandError refusal;
        await using (var s = SignedInScope.Curator(school))
            refusal = (await s.Get<CatalogCommands>().AddTopicAsync(met, "Игровые образовательные технологии", false, null, default)).Error!;
        refusal.Kind.ShouldBe(ErrorKind.Conflict);

        var curator = await school.CuratorAsync();
        var page = await curator.PostFormAsync("/Catalog", "/Catalog?handler=AddTopic", new() { ["directionId"] = met.ToString(), ["name"] = "Игровые образовательные технологии" });
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        Html.Parse(await page.Content.ReadAsStringAsync()).QuerySelector(".alert-danger")!.TextContent.ShouldBe(refusal.FullText);

        var api = await curator.PostAsJsonAsync("/api/v1/topics", new { directionId = met, name = "Игровые образовательные технологии" });
        api.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().ShouldBe(refusal.Message);
        (await app.WithDb(db => db.Topics.IgnoreQueryFilters().CountAsync(t => t.DirectionId == met))).ShouldBe(5);
    }

    /// <summary>Runs another user's work once, at the moment this context is about to open its write transaction.</summary>
    private sealed class JustBeforeWriting(Func<Task> otherUser) : DbTransactionInterceptor
    {
        private bool _done;

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
            TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (!_done)
            {
                _done = true;
                await otherUser();
            }
            return result;
        }
    }
}

[Collection("sqlite")] public sealed class CatalogCommandTests_Sqlite(SqliteApp app) : CatalogCommandTests(app);
[Collection("postgres")] public sealed class CatalogCommandTests_Postgres(PostgresApp app) : CatalogCommandTests(app);
