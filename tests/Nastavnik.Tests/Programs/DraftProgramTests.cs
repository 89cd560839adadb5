using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;

namespace Nastavnik.Tests.Programs;

/// <summary>A draft program is the managers' work in progress: teachers do not see it; a draft (and only a draft) can be deleted.</summary>
public abstract class DraftProgramTests(AppFixture app)
{
    private static async Task<(int Id, string ETag)> CreateAsync(HttpClient client, string name, string status)
    {
        var r = await client.PostAsJsonAsync("/api/v1/programs", new { name, startDate = "2026-09-01", endDate = "2027-08-31", status, forms = new[] { "Reverse" } });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return ((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32(), r.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task A_teacher_sees_neither_a_draft_program_nor_its_roadmap_on_pages_or_in_the_api()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var curator = await school.CuratorAsync();
        var (active, _) = await CreateAsync(curator, "Программа 2026/2027", "Active");
        var (draft, _) = await CreateAsync(curator, "Черновик реверсивной программы", "Draft");
        var teacher = await school.TeacherAsync(0);

        var list = WebUtility.HtmlDecode(await teacher.GetStringAsync("/Programs"));
        list.ShouldContain("Программа 2026/2027");
        list.ShouldNotContain("Черновик реверсивной программы");
        (await teacher.GetAsync($"/Programs?id={draft}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await teacher.GetAsync($"/Programs/Roadmap?id={draft}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await teacher.GetAsync($"/api/v1/programs/{draft}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await teacher.GetAsync($"/api/v1/programs/{draft}/events")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var ids = (await teacher.GetFromJsonAsync<JsonElement>("/api/v1/programs")).EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ToList();
        ids.ShouldBe([active]);
        // The school's managers see it.
        WebUtility.HtmlDecode(await curator.GetStringAsync("/Programs")).ShouldContain("Черновик реверсивной программы");
        (await curator.GetAsync($"/Programs/Roadmap?id={draft}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_draft_is_deleted_with_its_roadmap_an_active_program_is_refused()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var curator = await school.CuratorAsync();
        var (active, activeTag) = await CreateAsync(curator, "Программа 2026/2027", "Active");
        var (draft, _) = await CreateAsync(curator, "Черновик для удаления", "Draft");
        (await curator.PostFormAsync($"/Programs/Roadmap?id={draft}", "/Programs/RoadmapActions?handler=ApplyTemplate",
            new() { ["programId"] = draft.ToString(), ["template"] = "reverse-year" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The API: an active program is history and stays.
        var refuse = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/programs/{active}");
        refuse.Headers.TryAddWithoutValidation("If-Match", activeTag);
        var refused = await curator.SendAsync(refuse);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Удалить можно только черновик");

        // The page: the draft's card has the button (it asks first in the browser), the post deletes it with its roadmap.
        var page = Html.Parse(await curator.GetStringAsync($"/Programs?id={draft}"));
        page.QuerySelector("[data-testid='delete-draft']")!.GetAttribute("data-confirm")!.ShouldContain("Удалить черновик «Черновик для удаления»");
        Html.Parse(await curator.GetStringAsync($"/Programs?id={active}")).QuerySelector("[data-testid='delete-draft']").ShouldBeNull();
        var version = page.QuerySelector("[data-testid='delete-draft']")!.ParentElement!.QuerySelector("input[name='version']")!.GetAttribute("value")!;
        var deleted = await curator.PostFormAsync($"/Programs?id={draft}", "/Programs?handler=Delete", new() { ["id"] = draft.ToString(), ["version"] = version });
        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await curator.GetStringAsync("/Programs")).ShouldContain("Черновик «Черновик для удаления» удалён.");
        (await app.WithDb(db => db.Programs.IgnoreQueryFilters().AnyAsync(p => p.Id == draft))).ShouldBeFalse();
        (await app.WithDb(db => db.RoadmapEvents.IgnoreQueryFilters().AnyAsync(e => e.ProgramId == draft))).ShouldBeFalse();
        (await app.WithDb(db => db.Programs.IgnoreQueryFilters().AnyAsync(p => p.Id == active))).ShouldBeTrue();
    }
}

[Collection("sqlite")] public sealed class DraftProgramTests_Sqlite(SqliteApp app) : DraftProgramTests(app);
[Collection("postgres")] public sealed class DraftProgramTests_Postgres(PostgresApp app) : DraftProgramTests(app);
