using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;

namespace Nastavnik.Tests.Monitoring;

/// <summary>The indicator pages and the API as the curator uses them; a teacher is refused; a proof's download is audited.</summary>
public abstract class IndicatorPagesTests(AppFixture app)
{
    [Fact]
    public async Task The_curator_reads_the_table_and_an_indicators_formula_adds_a_value_with_a_proof_and_downloads_it()
    {
        var scenario = await IndicatorScenario.SeedAsync(app);
        var curator = await scenario.School.CuratorAsync();
        var table = await curator.GetStringAsync($"/Monitoring/{scenario.ProgramId}/Indicators?asOf=2026-11-30");
        table.ShouldContain("Охват педагогов");
        table.ShouldContain("80 %");
        table.ShouldContain("достигнуто");
        var coverage = await curator.GetStringAsync($"/Monitoring/{scenario.ProgramId}/Indicators/coverage");
        coverage.ShouldContain("Доля педагогов в действующих или завершённых парах программы от всех работающих педагогов школы");
        coverage.ShouldContain("data-testid=\"fraction\">4 / 5<");

        var page = await curator.GetStringAsync($"/Monitoring/{scenario.ProgramId}/Indicators/students");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("72,5"), "Input.Value" }, { new StringContent("2026-11-20"), "Input.Date" }, { new StringContent("Отчёт о ВПР"), "Input.Source" },
            { new StringContent(Html.Token(page)), "__RequestVerificationToken" },
            { new ByteArrayContent("%PDF-1.4\n"u8.ToArray()), "Proof", "vpr.pdf" },
        };
        (await curator.PostAsync($"/Monitoring/{scenario.ProgramId}/Indicators/students", form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await curator.GetStringAsync($"/Monitoring/{scenario.ProgramId}/Indicators/students");
        page.ShouldContain("Отчёт о ВПР");
        var valueId = await app.WithDb(db => db.IndicatorValues.Where(v => v.IndicatorId == scenario.ExternalId && v.Source == "Отчёт о ВПР").Select(v => v.Id).SingleAsync());
        var proof = await curator.GetAsync($"/Monitoring/{scenario.ProgramId}/Indicators/students?handler=Proof&valueId={valueId}");
        (proof.StatusCode, proof.Content.Headers.ContentDisposition?.FileNameStar).ShouldBe((HttpStatusCode.OK, "vpr.pdf"));
        (await app.WithDb(db => db.AuditEntries.CountAsync(a => a.SchoolId == scenario.School.Id && a.Action == "download" && a.Changes.Contains("vpr.pdf")))).ShouldBe(1);

        var teacher = await scenario.School.TeacherAsync(0);
        (await teacher.GetAsync($"/Monitoring/{scenario.ProgramId}/Indicators")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await teacher.GetAsync($"/api/v1/programs/{scenario.ProgramId}/indicators")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_api_gives_the_report_and_takes_an_external_value()
    {
        var scenario = await IndicatorScenario.SeedAsync(app);
        var curator = await scenario.School.CuratorAsync();
        var report = await curator.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{scenario.ProgramId}/indicators?asOf=2026-11-30");
        var coverage = report.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "coverage");
        coverage.GetProperty("value").GetDecimal().ShouldBe(80.0m);
        var created = await curator.PostAsJsonAsync($"/api/v1/programs/{scenario.ProgramId}/indicators/students/values", new { value = 66, date = "2026-11-29", source = "ВПР" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var refused = await curator.PostAsJsonAsync($"/api/v1/programs/{scenario.ProgramId}/indicators/coverage/values", new { value = 66, date = "2026-11-29", source = "ВПР" });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await curator.GetAsync($"/api/v1/programs/{scenario.ProgramId}/snapshot")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection("sqlite")] public sealed class IndicatorPagesTests_Sqlite(SqliteApp app) : IndicatorPagesTests(app);
