using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Activities;

/// <summary>
/// REST API of joint activities and lesson analyses (/api/v1/activities, /api/v1/observation-cards) and of who takes part in a
/// program-wide event (/api/v1/events/{id}/participants), through <see cref="ActivityCommands"/> and
/// <see cref="EventParticipationCommands"/>; writes of versioned rows take If-Match. Who sees what is the privacy filters'.
/// </summary>
public static partial class ActivityApi
{
    public sealed record ActivityDto(int Id, int ProgramId, string Kind, DateOnly Date, string Title, string? Result, int? PairId, int OrganizerId,
        IReadOnlyList<ParticipantDto> Participants, int Version);
    public sealed record ParticipantDto(int PersonId, string Role);
    public sealed record ScoreDto(int CriterionId, int? Score, string? Comment);
    public sealed record ObservationDto(int Id, int ActivityId, int CardId, int ObserverId, int ObservedId, string? ClassName, string? Subject,
        string? LessonTopic, string? Summary, IReadOnlyList<ScoreDto> Scores, int Version);
    public sealed record CriterionDto(int Id, int Order, string Text, int ScaleMin, int ScaleMax);
    public sealed record CardDto(int Id, string Name, bool IsArchived, bool IsDefault, IReadOnlyList<CriterionDto> Criteria, int Version);
    public sealed record EventParticipantDto(int PersonId, DateTime InvitedAt, bool? Attended);
    public sealed record InvitedDto(int Added);

    public static RouteGroupBuilder MapActivityApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/activities").WithTags("Activities").RequireAuthorization(Policies.ProgramRead);

        // A teacher's own; a manager's, the program's; ?pair= narrows to one pair's. The privacy filter decides.
        group.MapGet("/", async (int? pair, AppDbContext db, CancellationToken ct) =>
        {
            var q = db.JointActivities.AsNoTracking();
            if (pair is { } id) q = q.Where(a => a.PairId == id);
            var rows = await q.OrderByDescending(a => a.Date).ThenByDescending(a => a.Id).Take(500).ToListAsync(ct);
            var ids = rows.Select(a => a.Id).ToList();
            var people = (await db.ActivityParticipants.AsNoTracking().Where(p => ids.Contains(p.ActivityId)).ToListAsync(ct)).ToLookup(p => p.ActivityId);
            return TypedResults.Ok(rows.Select(a => Dto(a, people[a.Id])));
        });

        group.MapGet("/{id:int}", async Task<Results<Ok<ActivityDto>, NotFound<ProblemDetailsBody>>> (int id, AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var a = await db.JointActivities.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (a is null) return ApiProblems.NotFound(ActivityCommands.NotFoundText);
            http.Response.Headers.ETag = ApiProblems.ETag(a.Version);
            return TypedResults.Ok(Dto(a, await db.ActivityParticipants.AsNoTracking().Where(p => p.ActivityId == id).ToListAsync(ct)));
        });

        group.MapPost("/", async Task<Results<Created<ActivityDto>, ProblemHttpResult>> (ActivityInput input, ActivityCommands commands, AppDbContext db, CancellationToken ct) =>
        {
            var result = await commands.CreateAsync(input, ct);
            if (result.Error is { } error) return error.ToProblem();
            var a = result.Value!;
            return TypedResults.Created($"/api/v1/activities/{a.Id}", Dto(a, await db.ActivityParticipants.AsNoTracking().Where(p => p.ActivityId == a.Id).ToListAsync(ct)));
        }).RequireAuthorization(Policies.OwnProfile);

        group.MapPut("/{id:int}", async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> (int id, ActivityInput input, ActivityCommands commands, AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            if (ApiProblems.IfMatch(http) is not { } version) return ApiProblems.PreconditionRequired();
            var result = await commands.UpdateAsync(id, input, version, ct);
            if (result.Error is { } error) return error.ToProblem();
            http.Response.Headers.ETag = ApiProblems.ETag(result.Value!.Version);
            return TypedResults.Ok(Dto(result.Value, await db.ActivityParticipants.AsNoTracking().Where(p => p.ActivityId == id).ToListAsync(ct)));
        }).RequireAuthorization(Policies.OwnProfile);

        group.MapGet("/{id:int}/observation", async Task<Results<Ok<ObservationDto>, NotFound<ProblemDetailsBody>>> (int id, AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var o = await db.LessonObservations.AsNoTracking().FirstOrDefaultAsync(x => x.ActivityId == id, ct);
            if (o is null) return ApiProblems.NotFound("Анализ урока не найден.");
            http.Response.Headers.ETag = ApiProblems.ETag(o.Version);
            return TypedResults.Ok(await DtoAsync(db, o, ct));
        });

        // The first save needs no If-Match (there is nothing to be stale against); a later one does.
        group.MapPut("/{id:int}/observation", async Task<Results<Ok<ObservationDto>, ProblemHttpResult>> (int id, ObservationInput input, ActivityCommands commands, AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var version = ApiProblems.IfMatch(http);
            if (version is null && await db.LessonObservations.AnyAsync(o => o.ActivityId == id, ct)) return ApiProblems.PreconditionRequired();
            var result = await commands.SaveObservationAsync(id, input, version, ct);
            if (result.Error is { } error) return error.ToProblem();
            http.Response.Headers.ETag = ApiProblems.ETag(result.Value!.Version);
            return TypedResults.Ok(await DtoAsync(db, result.Value, ct));
        }).RequireAuthorization(Policies.OwnProfile);

        api.MapGet("/observation-cards", async (AppDbContext db, CancellationToken ct) =>
        {
            var cards = await db.ObservationCards.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
            var criteria = (await db.ObservationCriteria.AsNoTracking().OrderBy(c => c.Order).ToListAsync(ct)).ToLookup(c => c.CardId);
            return TypedResults.Ok(cards.Select(c => new CardDto(c.Id, c.Name, c.IsArchived, c.IsDefault,
                criteria[c.Id].Select(x => new CriterionDto(x.Id, x.Order, x.Text, x.ScaleMin, x.ScaleMax)).ToList(), c.Version)));
        }).WithTags("Activities").RequireAuthorization(Policies.ProgramRead);

        MapCards(api);
        MapParticipants(group);

        MapEventParticipants(api);
        return api;
    }

    private static void MapEventParticipants(RouteGroupBuilder api)
    {
        var events = api.MapGroup("/events/{id:int}").WithTags("Activities").RequireAuthorization(Policies.ProgramWrite);
        events.MapGet("/participants", async Task<Results<Ok<List<EventParticipantDto>>, NotFound<ProblemDetailsBody>>> (int id, AppDbContext db, CancellationToken ct) =>
        {
            if (!await db.RoadmapEvents.AnyAsync(e => e.Id == id, ct)) return ApiProblems.NotFound(EventParticipationCommands.NotFoundText);
            return TypedResults.Ok(await db.EventParticipants.AsNoTracking().Where(x => x.EventId == id).OrderBy(x => x.PersonId)
                .Select(x => new EventParticipantDto(x.PersonId, x.InvitedAt, x.Attended)).ToListAsync(ct));
        });
        events.MapPost("/participants/invite", async Task<Results<Ok<InvitedDto>, ProblemHttpResult>> (int id, EventInvite input, EventParticipationCommands commands, CancellationToken ct) =>
        {
            var result = await commands.InviteAsync(id, input, ct);
            return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(new InvitedDto(result.Value));
        });
        // Body: { "personId": true | false | null, ... } — who came, who did not, who is not marked yet.
        events.MapPut("/participants/attendance", async Task<Results<NoContent, ProblemHttpResult>> (int id, Dictionary<int, bool?> attendance, EventParticipationCommands commands, CancellationToken ct) =>
        {
            var result = await commands.MarkAsync(id, attendance, ct);
            return result.Error is { } error ? error.ToProblem() : TypedResults.NoContent();
        });
    }

    private static ActivityDto Dto(JointActivity a, IEnumerable<ActivityParticipant> people) => new(a.Id, a.ProgramId, a.Kind.ToString(), a.Date, a.Title,
        a.Result, a.PairId, a.OrganizerId, people.Select(p => new ParticipantDto(p.PersonId, p.Role.ToString())).ToList(), a.Version);

    private static async Task<ObservationDto> DtoAsync(AppDbContext db, LessonObservation o, CancellationToken ct) => new(o.Id, o.ActivityId, o.CardId,
        o.ObserverId, o.ObservedId, o.ClassName, o.Subject, o.LessonTopic, o.Summary,
        await db.ObservationScores.AsNoTracking().Where(s => s.ObservationId == o.Id).OrderBy(s => s.CriterionId)
            .Select(s => new ScoreDto(s.CriterionId, s.Score, s.Comment)).ToListAsync(ct), o.Version);
}
