using System.Net;
using System.Net.Http.Json;
using System.Text;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Tests.Plans;
using Nastavnik.Web.Features.Plans;
using Nastavnik.Web.Features.Portfolio;

namespace Nastavnik.Tests.Security;

/// <summary>
/// Break-ins into a mentee's plan (ИОМ): a third teacher, another school's curator, the psychologist, a former mentor whose pair ended
/// early, and a mentee's second mentor, each by the pages and the API with guessed ids. They get «not found»; the second mentor sees
/// only their own pair's part; the mentee and the curator see every part.
/// </summary>
public abstract class PlansPrivacyTests(AppFixture app)
{
    private static readonly System.Text.Json.JsonSerializerOptions Json =
        new(System.Text.Json.JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private sealed record Arranged(PlanSetup Setup, int PlanId, int TaskA, int TaskB, int FileB);

    private async Task<Arranged> ArrangeAsync()
    {
        var setup = await PlanSetup.ArrangeAsync(app);
        var (planId, taskA) = await setup.PlanWithTaskAsync("Секретная задача пары А");
        await using var second = setup.SecondMentor;
        var plans = second.Get<PlanCommands>();
        var taskB = await plans.AddTaskAsync(planId, new PlanTaskInput { PairId = setup.PairB, Title = "Задача пары Б" }, [], default);
        taskB.Error.ShouldBeNull();
        (await plans.AddFilesAsync(taskB.Value!.Id, [new FileUpload("план урока.pdf", 3, new MemoryStream(Encoding.UTF8.GetBytes("pdf")))], default)).Error.ShouldBeNull();
        var fileB = await app.WithDb(db => Task.FromResult(Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.PlanTaskFiles).Single(f => f.TaskId == taskB.Value.Id).Id));
        return new Arranged(setup, planId, taskA, taskB.Value.Id, fileB);
    }

    private static async Task NothingAsync(HttpClient client, Arranged a, string who)
    {
        foreach (var url in new[] { $"/Plans/{a.PlanId}", $"/Plans/ForPair/{a.Setup.PairA}", $"/Plans/Task/{a.TaskA}", $"/Plans/File/{a.FileB}",
                     $"/Plans/Report/{a.Setup.PairA}", $"/api/v1/plans/{a.PlanId}" })
            (await client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{who}: {url}");
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/plans/tasks/{a.TaskA}") { Content = JsonContent.Create(new { title = "взлом", owner = "Mentee", status = "Done" }) };
        put.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"0\""));
        (await client.SendAsync(put)).StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{who}: PUT task");
    }

    [Fact]
    public async Task A_third_teacher_another_schools_curator_the_psychologist_and_a_former_mentor_find_nothing()
    {
        var a = await ArrangeAsync();
        var school = a.Setup.School;
        await NothingAsync(await school.TeacherAsync(3), a, "third teacher");
        await NothingAsync(await app.CuratorOfBAsync(), a, "curator of school B");
        await NothingAsync(await school.PsychologistAsync(), a, "psychologist");
        var former = await school.TeacherAsync(4);
        await NothingAsync(former, a, "former mentor");
        (await former.GetAsync($"/Plans/ForPair/{a.Setup.PairC}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the former mentor's own ended pair");
    }

    [Fact]
    public async Task A_second_mentor_sees_only_their_pairs_part_while_the_mentee_and_the_curator_see_all()
    {
        var a = await ArrangeAsync();
        var school = a.Setup.School;
        var second = await school.TeacherAsync(2);
        var page = WebUtility.HtmlDecode(await second.GetStringAsync($"/Plans/{a.PlanId}"));
        page.ShouldContain("Задача пары Б");
        page.ShouldNotContain("Секретная задача пары А");
        var plan = (await second.GetFromJsonAsync<PlanView>($"/api/v1/plans/{a.PlanId}", Json))!;
        plan.Pairs.Select(p => p.PairId).ShouldBe([a.Setup.PairB]);
        plan.Corrections.ShouldAllBe(c => c.PairId == a.Setup.PairB);
        (await second.GetAsync($"/Plans/Task/{a.TaskA}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var accept = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/plans/tasks/{a.TaskA}/accept");
        accept.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"0\""));
        (await second.SendAsync(accept)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        foreach (var reader in new[] { await school.TeacherAsync(1), await school.CuratorAsync() })
        {
            var all = WebUtility.HtmlDecode(await reader.GetStringAsync($"/Plans/{a.PlanId}"));
            all.ShouldContain("Задача пары Б");
            all.ShouldContain("Секретная задача пары А");
            (await reader.GetAsync($"/Plans/File/{a.FileB}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        (await (await school.TeacherAsync(0)).GetAsync("/Plans/Reports")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the reports list is the managers'");
    }
}

[Collection("sqlite")] public sealed class PlansPrivacyTests_Sqlite(SqliteApp app) : PlansPrivacyTests(app);
[Collection("postgres")] public sealed class PlansPrivacyTests_Postgres(PostgresApp app) : PlansPrivacyTests(app);
