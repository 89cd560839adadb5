using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Activities;

/// <summary>
/// The card editor's API (/api/v1/observation-cards, for a curator or an administrator, writes with If-Match) and an activity's
/// participants (/api/v1/activities/{id}/participants, with the activity's If-Match), through the same commands as the pages.
/// </summary>
public static partial class ActivityApi
{
    public sealed record ParticipantInput(int PersonId);

    private static void MapCards(RouteGroupBuilder api)
    {
        var cards = api.MapGroup("/observation-cards").WithTags("Activities").RequireAuthorization(Policies.ProgramWrite);
        cards.MapGet("/{id:int}", async Task<Results<Ok<CardDto>, NotFound<ProblemDetailsBody>>> (int id, AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var card = await db.ObservationCards.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
            if (card is null) return ApiProblems.NotFound(ObservationCardCommands.NotFoundText);
            http.Response.Headers.ETag = ApiProblems.ETag(card.Version);
            return TypedResults.Ok(await CardDtoAsync(db, card, ct));
        });
        cards.MapPost("/", async Task<Results<Created<CardDto>, ProblemHttpResult>> (CardInput input, ObservationCardCommands commands, AppDbContext db, CancellationToken ct) =>
            await CreatedAsync(await commands.CreateAsync(input, ct), db, ct));
        cards.MapPost("/{id:int}/copy", async Task<Results<Created<CardDto>, ProblemHttpResult>> (int id, ObservationCardCommands commands, AppDbContext db, CancellationToken ct) =>
            await CreatedAsync(await commands.CopyAsync(id, ct), db, ct));
        // A card in use is saved as a new version: 201 with its address; the old one stays for its analyses.
        cards.MapPut("/{id:int}", async Task<Results<Ok<CardDto>, Created<CardDto>, ProblemHttpResult>> (int id, CardInput input, ObservationCardCommands commands, AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            if (ApiProblems.IfMatch(http) is not { } version) return ApiProblems.PreconditionRequired();
            var result = await commands.UpdateAsync(id, input, version, ct);
            if (result.Error is { } error) return error.ToProblem();
            var (card, copied) = result.Value!;
            http.Response.Headers.ETag = ApiProblems.ETag(card.Version);
            var dto = await CardDtoAsync(db, card, ct);
            return copied ? TypedResults.Created($"/api/v1/observation-cards/{card.Id}", dto) : TypedResults.Ok(dto);
        });
        cards.MapPut("/{id:int}/default", async Task<Results<Ok<CardDto>, ProblemHttpResult>> (int id, ObservationCardCommands commands, AppDbContext db, CancellationToken ct) =>
        {
            var result = await commands.SetDefaultAsync(id, ct);
            return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(await CardDtoAsync(db, result.Value!, ct));
        });
    }

    private static void MapParticipants(RouteGroupBuilder activities)
    {
        activities.MapPost("/{id:int}/participants", async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> (int id, ParticipantInput input, ActivityCommands commands, AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            if (ApiProblems.IfMatch(http) is not { } version) return ApiProblems.PreconditionRequired();
            return await ActivityAsync(await commands.AddParticipantAsync(id, input.PersonId, version, ct), db, http, ct);
        });
        activities.MapDelete("/{id:int}/participants/{personId:int}", async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> (int id, int personId, ActivityCommands commands, AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            if (ApiProblems.IfMatch(http) is not { } version) return ApiProblems.PreconditionRequired();
            return await ActivityAsync(await commands.RemoveParticipantAsync(id, personId, version, ct), db, http, ct);
        });
    }

    private static async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> ActivityAsync(CommandResult<JointActivity> result, AppDbContext db, HttpContext http, CancellationToken ct)
    {
        if (result.Error is { } error) return error.ToProblem();
        var a = result.Value!;
        http.Response.Headers.ETag = ApiProblems.ETag(a.Version);
        return TypedResults.Ok(Dto(a, await db.ActivityParticipants.AsNoTracking().Where(p => p.ActivityId == a.Id).ToListAsync(ct)));
    }

    private static async Task<Results<Created<CardDto>, ProblemHttpResult>> CreatedAsync(CommandResult<ObservationCard> result, AppDbContext db, CancellationToken ct)
    {
        if (result.Error is { } error) return error.ToProblem();
        return TypedResults.Created($"/api/v1/observation-cards/{result.Value!.Id}", await CardDtoAsync(db, result.Value, ct));
    }

    private static async Task<CardDto> CardDtoAsync(AppDbContext db, ObservationCard c, CancellationToken ct) => new(c.Id, c.Name, c.IsArchived, c.IsDefault,
        await db.ObservationCriteria.AsNoTracking().Where(x => x.CardId == c.Id).OrderBy(x => x.Order)
            .Select(x => new CriterionDto(x.Id, x.Order, x.Text, x.ScaleMin, x.ScaleMax)).ToListAsync(ct), c.Version);
}
