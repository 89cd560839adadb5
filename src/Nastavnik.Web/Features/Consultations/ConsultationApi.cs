using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Consultations;

/// <summary>REST API of one-off consultations: /api/v1/consultations, through <see cref="ConsultationCommands"/>; writes take If-Match.</summary>
public static class ConsultationApi
{
    public sealed record ConsultationDto(int Id, int RequesterId, int ConsultantId, int? TopicId, string Question, string Status,
        DateTime RequestedAt, string? Answer, DateOnly? HeldOn, int? DurationMinutes, int Version);

    private static ConsultationDto Dto(Consultation c) => new(c.Id, c.RequesterId, c.ConsultantId, c.TopicId, c.Question, c.Status.ToString(),
        c.RequestedAt, c.Answer, c.HeldOn, c.DurationMinutes, c.Version);

    public static RouteGroupBuilder MapConsultationApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/consultations").WithTags("Consultations").RequireAuthorization(Policies.ProgramRead);

        // The caller's own (asked and asked of them); a manager's, the school's. The privacy filter decides.
        group.MapGet("/", async (AppDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.Consultations.AsNoTracking().OrderByDescending(c => c.RequestedAt).Take(500).ToListAsync(ct)).Select(Dto)));

        group.MapGet("/{id:int}", async Task<Results<Ok<ConsultationDto>, NotFound<ProblemDetailsBody>>> (int id, AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var c = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (c is null) return ApiProblems.NotFound(ConsultationCommands.NotFoundText);
            http.Response.Headers.ETag = ApiProblems.ETag(c.Version);
            return TypedResults.Ok(Dto(c));
        });

        group.MapPost("/", async Task<Results<Created<ConsultationDto>, ProblemHttpResult>> (ConsultationAsk input, ConsultationCommands commands, CancellationToken ct) =>
        {
            var result = await commands.AskAsync(input, ct);
            return result.Error is { } error ? error.ToProblem() : TypedResults.Created($"/api/v1/consultations/{result.Value!.Id}", Dto(result.Value));
        }).RequireAuthorization(Policies.OwnProfile);

        group.MapPost("/{id:int}/accept", (int id, ConsultationReply input, ConsultationCommands commands, HttpContext http, CancellationToken ct) =>
            Write(http, version => commands.AcceptAsync(id, version, input, ct))).RequireAuthorization(Policies.OwnProfile);
        group.MapPost("/{id:int}/decline", (int id, ConsultationReply input, ConsultationCommands commands, HttpContext http, CancellationToken ct) =>
            Write(http, version => commands.DeclineAsync(id, version, input, ct))).RequireAuthorization(Policies.OwnProfile);
        group.MapPost("/{id:int}/held", (int id, ConsultationHeld input, ConsultationCommands commands, HttpContext http, CancellationToken ct) =>
            Write(http, version => commands.HeldAsync(id, version, input, ct))).RequireAuthorization(Policies.OwnProfile);
        group.MapPost("/{id:int}/cancel", (int id, ConsultationCommands commands, HttpContext http, CancellationToken ct) =>
            Write(http, version => commands.CancelAsync(id, version, ct))).RequireAuthorization(Policies.OwnProfile);
        return api;
    }

    private static async Task<Results<Ok<ConsultationDto>, ProblemHttpResult>> Write(HttpContext http, Func<int, Task<CommandResult<Consultation>>> command)
    {
        if (ApiProblems.IfMatch(http) is not { } version) return ApiProblems.PreconditionRequired();
        var result = await command(version);
        if (result.Error is { } error) return error.ToProblem();
        http.Response.Headers.ETag = ApiProblems.ETag(result.Value!.Version);
        return TypedResults.Ok(Dto(result.Value));
    }
}
