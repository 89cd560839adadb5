using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Diagnostics;

namespace Nastavnik.Tests.Diagnostics;

/// <summary>Issue 10, item 10: completing a program closes its diagnostics; a round of a completed program takes no answers.</summary>
public abstract class CompletedProgramRoundTests(AppFixture app)
{
    [Fact]
    public async Task Completing_a_program_closes_its_round_and_every_way_of_answering_is_refused()
    {
        var (school, programId, roundId, topics) = await app.SchoolWithOpenRoundAsync();
        var me = school.Teachers[0];
        var teacher = await school.TeacherAsync(0);
        (await teacher.SaveTopicAsync(topics[0], level: 1)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var curator = await school.CuratorAsync();
        var version = await app.WithDb(db => db.Programs.Where(p => p.Id == programId).Select(p => p.Version).SingleAsync());
        var completed = await curator.PostFormAsync($"/Programs/Edit?id={programId}", $"/Programs/Edit?id={programId}", new()
        {
            ["Input.Name"] = "Программа наставничества 2026/2027", ["Input.StartDate"] = "2026-09-01", ["Input.EndDate"] = "2027-06-30",
            ["Input.Status"] = "Completed", ["Version"] = version.ToString(),
        });
        completed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await completed.BodyAsync());
        (await app.WithDb(db => db.DiagnosticsRounds.Where(r => r.Id == roundId).Select(r => r.ClosedAt).SingleAsync())).ShouldNotBeNull();

        var save = await teacher.SaveTopicAsync(topics[1], level: 2);
        save.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await save.BodyAsync()).ShouldContain("закрыт, ответы больше нельзя изменить");
        var put = await teacher.PutAsJsonAsync($"/api/v1/rounds/{roundId}/answers/{me.PersonId}", new { offers = new[] { new { topicId = topics[1], level = 1 } } });
        put.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await app.WithDb(db => db.Offers.CountAsync(o => o.RoundId == roundId))).ShouldBe(1);
    }

    [Fact]
    public async Task A_round_left_open_in_a_completed_program_takes_no_answers_and_cannot_be_reopened()
    {
        var (school, programId, roundId, topics) = await app.SchoolWithOpenRoundAsync();
        var me = school.Teachers[0];
        // Data from before the fix: the program was completed while its round stayed open.
        await app.WithDb(db => db.Programs.Where(p => p.Id == programId).ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, ProgramStatus.Completed)));

        await using (var scope = SignedInScope.Teacher(school, 0))
        {
            var answers = scope.Get<AnswerCommands>();
            (await answers.SaveTopicAsync(roundId, me.PersonId, new TopicAnswer(topics[0], 1, null, null, null), default)).Error
                .ShouldBeRefusal(ErrorKind.Conflict, "Программа наставничества завершена: ответы в туре «Самодиагностика педагогов, осень» больше не принимаются.");
            (await answers.SubmitAsync(roundId, me.PersonId, default)).Error!.Kind.ShouldBe(ErrorKind.Conflict);
        }
        var teacher = await school.TeacherAsync(0);
        var put = await teacher.PutAsJsonAsync($"/api/v1/rounds/{roundId}/answers/{me.PersonId}", new { offers = new[] { new { topicId = topics[1], level = 1 } } });
        put.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await app.WithDb(async db => await db.Offers.CountAsync(o => o.RoundId == roundId) + await db.RoundResponses.CountAsync(r => r.RoundId == roundId))).ShouldBe(0);

        await using (var scope = SignedInScope.Curator(school))
        {
            var rounds = scope.Get<RoundCommands>();
            var version = await app.WithDb(db => db.DiagnosticsRounds.Where(r => r.Id == roundId).Select(r => r.Version).SingleAsync());
            (await rounds.SetOpenAsync(roundId, false, version, default)).Error.ShouldBeNull();
            (await rounds.SetOpenAsync(roundId, true, version + 1, default)).Error
                .ShouldBeRefusal(ErrorKind.Conflict, "Программа наставничества завершена: её тур диагностики нельзя открыть снова.");
        }
    }
}

[Collection("sqlite")] public sealed class CompletedProgramRoundTests_Sqlite(SqliteApp app) : CompletedProgramRoundTests(app);
[Collection("postgres")] public sealed class CompletedProgramRoundTests_Postgres(PostgresApp app) : CompletedProgramRoundTests(app);
