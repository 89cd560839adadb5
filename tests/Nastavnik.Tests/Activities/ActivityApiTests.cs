using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;

namespace Nastavnik.Tests.Activities;

/// <summary>
/// /api/v1/activities, /api/v1/observation-cards and /api/v1/events/{id}/participants: a mentor records a lesson visit, fills the
/// analysis and changes the visit with If-Match (a stale one is refused with 412); the mentee reads the analysis; a third teacher's
/// guessed ids answer 404; the curator invites to a program event and marks who came.
/// </summary>
public abstract class ActivityApiTests(AppFixture app)
{
    [Fact]
    public async Task A_lesson_visit_and_its_analysis_go_through_the_api_with_if_match_and_stay_hidden_from_a_third_teacher()
    {
        var school = await app.NewSchoolAsync(teachers: 3);
        await school.OpenRoundAsync(withRound: false);
        var mentor = await school.TeacherAsync(0);

        var created = await mentor.PostAsJsonAsync("/api/v1/activities", new
        {
            kind = "LessonVisit", date = "2026-11-18", title = "Урок физики в 8 «А»", observedId = school.Teachers[1].PersonId,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var activity = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = activity.GetProperty("id").GetInt32();
        activity.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("role").GetString()).Order().ShouldBe(["Observed", "Observer"]);

        // The analysis on the school's card: the first save needs no If-Match, the next one does, and a stale one is refused.
        var cards = await mentor.GetFromJsonAsync<JsonElement>("/api/v1/observation-cards");
        cards.GetArrayLength().ShouldBe(0, "the default card is created on first use");
        var first = await mentor.PutAsJsonAsync($"/api/v1/activities/{id}/observation", new { summary = "Сильный урок" });
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var read = first.Headers.ETag!.Tag;
        cards = await mentor.GetFromJsonAsync<JsonElement>("/api/v1/observation-cards");
        var criterion = cards[0].GetProperty("criteria")[0].GetProperty("id").GetInt32();
        (await mentor.PutAsJsonAsync($"/api/v1/activities/{id}/observation", new { summary = "без If-Match" })).StatusCode.ShouldBe((HttpStatusCode)428);
        var body = new { className = "8 «А»", summary = "Цель достигнута; добавить рефлексию.", scores = new[] { new { criterionId = criterion, score = 2, comment = "Цель сформулировали вместе" } } };
        (await mentor.SendAsync(Put($"/api/v1/activities/{id}/observation", body, read))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await mentor.SendAsync(Put($"/api/v1/activities/{id}/observation", new { summary = "старая вкладка" }, read));
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("Пока вы заполняли анализ, его сохранили в другой вкладке.");

        // The visit itself: changed from the version read, refused from an older one.
        var get = await mentor.GetAsync($"/api/v1/activities/{id}");
        var change = new { kind = "LessonVisit", date = "2026-11-19", title = "Урок физики в 8 «Б»" };
        (await mentor.SendAsync(Put($"/api/v1/activities/{id}", change, get.Headers.ETag!.Tag))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await mentor.SendAsync(Put($"/api/v1/activities/{id}", change, get.Headers.ETag!.Tag))).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await mentor.GetFromJsonAsync<JsonElement>("/api/v1/activities")).EnumerateArray().Select(a => a.GetProperty("title").GetString()).ShouldBe(["Урок физики в 8 «Б»"]);

        var mentee = await school.TeacherAsync(1);
        var analysis = await mentee.GetFromJsonAsync<JsonElement>($"/api/v1/activities/{id}/observation");
        analysis.GetProperty("summary").GetString().ShouldBe("Цель достигнута; добавить рефлексию.");
        analysis.GetProperty("scores").EnumerateArray().Single().GetProperty("comment").GetString().ShouldBe("Цель сформулировали вместе");
        (await mentee.SendAsync(Put($"/api/v1/activities/{id}/observation", new { summary = "моё" }, "\"9\""))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var third = await school.TeacherAsync(2);
        (await third.GetAsync($"/api/v1/activities/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await third.GetAsync($"/api/v1/activities/{id}/observation")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await third.SendAsync(Put($"/api/v1/activities/{id}", change, "\"9\""))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await third.GetFromJsonAsync<JsonElement>("/api/v1/activities")).GetArrayLength().ShouldBe(0);
        var curator = await school.CuratorAsync();
        (await curator.GetFromJsonAsync<JsonElement>("/api/v1/activities")).GetArrayLength().ShouldBe(1, "a manager sees the program's activities");
    }

    [Fact]
    public async Task The_curator_invites_to_a_program_event_and_marks_who_came_through_the_api()
    {
        var school = await app.NewSchoolAsync(teachers: 2);
        var (programId, _) = await school.OpenRoundAsync(withRound: false);
        var eventId = await app.WithDb(async db =>
        {
            var stage = new RoadmapStage { SchoolId = school.Id, ProgramId = programId, Title = "Запуск" };
            db.RoadmapStages.Add(stage);
            await db.SaveChangesAsync();
            var ev = new RoadmapEvent { SchoolId = school.Id, ProgramId = programId, StageId = stage.Id, Title = "Круглый стол наставников" };
            db.RoadmapEvents.Add(ev);
            await db.SaveChangesAsync();
            return ev.Id;
        });
        var t = school.Teachers;
        (await (await school.TeacherAsync(0)).PostAsJsonAsync($"/api/v1/events/{eventId}/participants/invite", new { group = "AllStaff" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var curator = await school.CuratorAsync();
        var invited = await curator.PostAsJsonAsync($"/api/v1/events/{eventId}/participants/invite", new { group = "Picked", personIds = new[] { t[0].PersonId, t[1].PersonId } });
        invited.StatusCode.ShouldBe(HttpStatusCode.OK, await invited.Content.ReadAsStringAsync());
        (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32().ShouldBe(2);
        var marked = await curator.PutAsJsonAsync($"/api/v1/events/{eventId}/participants/attendance", new Dictionary<string, bool?> { [t[0].PersonId.ToString()] = true, [t[1].PersonId.ToString()] = false });
        marked.StatusCode.ShouldBe(HttpStatusCode.NoContent, await marked.Content.ReadAsStringAsync());
        var people = await curator.GetFromJsonAsync<JsonElement>($"/api/v1/events/{eventId}/participants");
        people.EnumerateArray().Select(p => (p.GetProperty("personId").GetInt32(), p.GetProperty("attended").GetBoolean()))
            .ShouldBe([(t[0].PersonId, true), (t[1].PersonId, false)], ignoreOrder: true);
        (await (await app.CuratorOfBAsync()).GetAsync($"/api/v1/events/{eventId}/participants")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_curator_edits_a_card_through_the_api_and_a_card_in_use_comes_back_as_a_new_version()
    {
        var school = await app.NewSchoolAsync(teachers: 2);
        await school.OpenRoundAsync(withRound: false);
        var curator = await school.CuratorAsync();
        var body = new { name = "Карта МО", criteria = new[] { new { order = 1, text = "Цель урока", scaleMin = 1, scaleMax = 5 } } };
        (await (await school.TeacherAsync(0)).PostAsJsonAsync("/api/v1/observation-cards", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var bad = await curator.PostAsJsonAsync("/api/v1/observation-cards", new { name = "Карта МО", criteria = new[] { new { order = 1, text = "Цель", scaleMin = 5, scaleMax = 1 } } });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("Критерий 1: шкала от 5 до 1 не подходит");
        var created = await curator.PostAsJsonAsync("/api/v1/observation-cards", body);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var card = await created.Content.ReadFromJsonAsync<JsonElement>();
        var cardId = card.GetProperty("id").GetInt32();
        (await curator.PutAsync($"/api/v1/observation-cards/{cardId}/default", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var mentor = await school.TeacherAsync(0);
        var visit = await (await mentor.PostAsJsonAsync("/api/v1/activities", new { kind = "LessonVisit", date = "2026-11-18", title = "Урок", observedId = school.Teachers[1].PersonId }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var analysed = await mentor.PutAsJsonAsync($"/api/v1/activities/{visit.GetProperty("id").GetInt32()}/observation", new { summary = "Итог" });
        (await analysed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cardId").GetInt32().ShouldBe(cardId);

        var read = (await curator.GetAsync($"/api/v1/observation-cards/{cardId}")).Headers.ETag!.Tag;
        var edited = await curator.SendAsync(Put($"/api/v1/observation-cards/{cardId}", new { name = "Карта МО, 2027", criteria = body.criteria }, read));
        edited.StatusCode.ShouldBe(HttpStatusCode.Created, await edited.Content.ReadAsStringAsync());
        var next = await edited.Content.ReadFromJsonAsync<JsonElement>();
        edited.Headers.Location!.ToString().ShouldBe($"/api/v1/observation-cards/{next.GetProperty("id").GetInt32()}");
        next.GetProperty("isDefault").GetBoolean().ShouldBeTrue();
        var old = await curator.GetFromJsonAsync<JsonElement>($"/api/v1/observation-cards/{cardId}");
        old.GetProperty("isArchived").GetBoolean().ShouldBeTrue();
        old.GetProperty("name").GetString().ShouldBe("Карта МО");
    }

    private static HttpRequestMessage Put(string url, object body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }
}

[Collection("sqlite")] public sealed class ActivityApiTests_Sqlite(SqliteApp app) : ActivityApiTests(app);
