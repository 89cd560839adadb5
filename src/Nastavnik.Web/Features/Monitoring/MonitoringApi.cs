using Microsoft.AspNetCore.Http.HttpResults;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Monitoring;

/// <summary>REST API of monitoring (issue 13): a program's indicators, its frozen snapshot, values of external indicators. Managers only.</summary>
public static class MonitoringApi
{
    public sealed record SnapshotDto(DateTime TakenAt, ProgramIndicatorReport Report);
    public sealed record IndicatorValueDto(int Id, int IndicatorId, decimal Value, DateOnly Date, string Source, string? Comment, string? ProofFileName, int Version)
    {
        public static IndicatorValueDto From(IndicatorValue v) => new(v.Id, v.IndicatorId, v.Value, v.Date, v.Source, v.Comment, v.ProofFileName, v.Version);
    }

    public static RouteGroupBuilder MapMonitoringApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/programs").WithTags("Monitoring").RequireAuthorization(Policies.ProgramWrite);

        // The report on a day (?asOf=yyyy-MM-dd; today by default).
        group.MapGet("/{id:int}/indicators", async Task<Results<Ok<ProgramIndicatorReport>, NotFound<ProblemDetailsBody>>> (int id, DateOnly? asOf, ProgramIndicators indicators, TimeProvider clock, CancellationToken ct) =>
            await indicators.ComputeAsync(id, asOf ?? clock.Today(), ct) is { } report ? TypedResults.Ok(report) : ApiProblems.NotFound("Программа не найдена."));

        group.MapGet("/{id:int}/snapshot", async Task<Results<Ok<SnapshotDto>, NotFound<ProblemDetailsBody>>> (int id, AppDbContext db, CancellationToken ct) =>
            await IndicatorSnapshots.ReadAsync(db, id, ct) is { } s ? TypedResults.Ok(new SnapshotDto(s.TakenAt, s.Report))
                : ApiProblems.NotFound("Снимка показателей нет: он сохраняется, когда программа завершается."));

        group.MapPost("/{id:int}/indicators/{code}/values", async Task<Results<Created<IndicatorValueDto>, ProblemHttpResult>> (int id, string code, IndicatorValueInput input, IndicatorValueCommands commands, HttpContext http, CancellationToken ct) =>
        {
            var result = await commands.AddAsync(id, code, input, null, ct);
            if (result.Error is { } error) return error.ToProblem();
            http.Response.Headers.ETag = ApiProblems.ETag(result.Value!.Version);
            return TypedResults.Created($"/api/v1/programs/{id}/indicators/{code}", IndicatorValueDto.From(result.Value));
        });

        return api;
    }
}
