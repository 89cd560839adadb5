using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Programs;

/// <summary>REST API of programs and their roadmap events: /api/v1/programs.</summary>
public static class ProgramApi
{
    public sealed record TargetDto(int Year, decimal Value);
    public sealed record IndicatorDto(int Id, string Code, string Name, string Unit, IReadOnlyList<TargetDto> Targets);
    public sealed record ProgramSummaryDto(int Id, string Name, DateOnly StartDate, DateOnly EndDate, ProgramStatus Status, int Version);
    public sealed record ProgramDto(int Id, string Name, DateOnly StartDate, DateOnly EndDate, string? Goal, string? Description,
        IReadOnlyList<MentoringForms> Forms, ProgramStatus Status, IReadOnlyList<int> CuratorIds, IReadOnlyList<IndicatorDto> Indicators, int Version)
    {
        public static ProgramDto From(MentoringProgram p) => new(p.Id, p.Name, p.StartDate, p.EndDate, p.Goal, p.Description,
            ProgramLabels.Forms.Select(f => f.Form).Where(f => p.Forms.HasFlag(f)).ToList(), p.Status,
            p.Curators.Select(c => c.PersonId).Order().ToList(),
            p.Indicators.OrderBy(i => i.SortOrder).Select(i => new IndicatorDto(i.Id, i.Code, i.Name, i.Unit, i.Targets.OrderBy(t => t.Year).Select(t => new TargetDto(t.Year, t.Value)).ToList())).ToList(),
            p.Version);
    }

    public sealed record EventDto(int Id, int StageId, string Stage, string Title, DateOnly? StartDate, DateOnly? DueDate, string? Timing,
        int? ResponsiblePersonId, string? ResponsibleText, EventStatus Status, bool IsOverdue, string? Result, int Version)
    {
        public static EventDto From(RoadmapEvent e, string stage, DateOnly today) => new(e.Id, e.StageId, stage, e.Title, e.StartDate, e.DueDate, e.Timing,
            e.ResponsiblePersonId, e.ResponsibleText, e.Status, e.IsOverdue(today), e.Result, e.Version);
    }

    public static RouteGroupBuilder MapProgramApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/programs").WithTags("Programs").RequireAuthorization(Policies.ProgramRead);

        group.MapGet("/", async (AppDbContext db, CancellationToken ct) => TypedResults.Ok(await db.Programs.AsNoTracking()
            .OrderBy(p => p.Status == ProgramStatus.Active ? 0 : p.Status == ProgramStatus.Draft ? 1 : 2).ThenByDescending(p => p.StartDate)
            .Select(p => new ProgramSummaryDto(p.Id, p.Name, p.StartDate, p.EndDate, p.Status, p.Version)).ToListAsync(ct)));

        group.MapGet("/{id:int}", async Task<Results<Ok<ProgramDto>, NotFound<ProblemDetailsBody>>> (int id, AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var p = await db.LoadForEditAsync(id, ct);
            if (p is null) return ApiProblems.NotFound("Программа не найдена.");
            http.Response.Headers.ETag = ApiProblems.ETag(p.Version);
            return TypedResults.Ok(ProgramDto.From(p));
        });

        group.MapPost("/", async Task<Results<Created<ProgramDto>, ProblemHttpResult>> (ProgramInput input, ProgramCommands commands, HttpContext http, CancellationToken ct) =>
        {
            var result = await commands.SaveAsync(null, input, 0, null, ct);
            if (result.Error is { } error) return error.ToProblem();
            var program = result.Value!.Program;
            http.Response.Headers.ETag = ApiProblems.ETag(program.Version);
            return TypedResults.Created($"/api/v1/programs/{program.Id}", ProgramDto.From(program));
        }).RequireAuthorization(Policies.ProgramWrite);

        group.MapPut("/{id:int}", async Task<Results<Ok<ProgramDto>, ProblemHttpResult>> (int id, ProgramInput input, ProgramCommands commands, HttpContext http, CancellationToken ct) =>
        {
            if (ApiProblems.IfMatch(http) is not { } version) return ApiProblems.PreconditionRequired();
            var result = await commands.SaveAsync(id, input, version, null, ct);
            if (result.Error is { } error) return error.ToProblem();
            var program = result.Value!.Program;
            http.Response.Headers.ETag = ApiProblems.ETag(program.Version);
            return TypedResults.Ok(ProgramDto.From(program));
        }).RequireAuthorization(Policies.ProgramWrite);

        group.MapDelete("/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, ProgramCommands commands, HttpContext http, CancellationToken ct) =>
        {
            if (ApiProblems.IfMatch(http) is not { } version) return ApiProblems.PreconditionRequired();
            var result = await commands.DeleteDraftAsync(id, version, ct);
            return result.Error is { } error ? error.ToProblem() : TypedResults.NoContent();
        }).RequireAuthorization(Policies.ProgramWrite);

        group.MapGet("/{id:int}/events", async Task<Results<Ok<List<EventDto>>, NotFound<ProblemDetailsBody>>> (int id, AppDbContext db, CancellationToken ct) =>
        {
            var roadmap = await Roadmap.LoadAsync(db, id, ct);
            if (roadmap is null) return ApiProblems.NotFound("Программа не найдена.");
            return TypedResults.Ok(roadmap.Stages.SelectMany(s => s.Events.Select(e => EventDto.From(e, s.Title, db.Clock.Today()))).ToList());
        });

        group.MapPost("/{id:int}/events", async Task<Results<Created<EventDto>, ProblemHttpResult>> (int id, EventInput input, ProgramCommands commands, AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var result = await commands.AddEventAsync(id, input, ct);
            if (result.Error is { } error) return error.ToProblem();
            var ev = result.Value!;
            http.Response.Headers.ETag = ApiProblems.ETag(ev.Version);
            return TypedResults.Created($"/api/v1/programs/{id}/events/{ev.Id}", EventDto.From(ev, await StageTitle(db, ev.StageId, ct), db.Clock.Today()));
        }).RequireAuthorization(Policies.ProgramWrite);

        group.MapPut("/{id:int}/events/{eventId:int}", async Task<Results<Ok<EventDto>, ProblemHttpResult>> (int id, int eventId, EventInput input, ProgramCommands commands, AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            if (ApiProblems.IfMatch(http) is not { } version) return ApiProblems.PreconditionRequired();
            var result = await commands.UpdateEventAsync(id, eventId, input, version, ct);
            if (result.Error is { } error) return error.ToProblem();
            var ev = result.Value!;
            http.Response.Headers.ETag = ApiProblems.ETag(ev.Version);
            return TypedResults.Ok(EventDto.From(ev, await StageTitle(db, ev.StageId, ct), db.Clock.Today()));
        }).RequireAuthorization(Policies.ProgramWrite);

        group.MapDelete("/{id:int}/events/{eventId:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, int eventId, ProgramCommands commands, HttpContext http, CancellationToken ct) =>
        {
            if (ApiProblems.IfMatch(http) is not { } version) return ApiProblems.PreconditionRequired();
            var result = await commands.DeleteEventAsync(id, eventId, version, ct);
            return result.Error is { } error ? error.ToProblem() : TypedResults.NoContent();
        }).RequireAuthorization(Policies.ProgramWrite);

        return api;
    }

    private static Task<string> StageTitle(AppDbContext db, int stageId, CancellationToken ct) =>
        db.RoadmapStages.Where(s => s.Id == stageId).Select(s => s.Title).FirstAsync(ct);
}
