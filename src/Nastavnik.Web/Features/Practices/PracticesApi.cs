using Microsoft.AspNetCore.Http.HttpResults;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Practices;

/// <summary>REST API of the practice bank: /api/v1/practices (the same <see cref="PracticeCommands"/> and <see cref="PracticeQueries"/> as the pages).</summary>
public static class PracticesApi
{
    public sealed record CollectionRequest(IReadOnlyList<int> Ids, string? Title);

    public static RouteGroupBuilder MapPracticesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/practices").WithTags("Practices").RequireAuthorization(Policies.ProgramRead);

        group.MapGet("/", async (PracticeQueries queries, string? q, int? topicId, PracticeKind? kind, string? tag, int? page, int? size, CancellationToken ct) =>
            TypedResults.Ok(await queries.SearchAsync(new PracticeSearchQuery(q, topicId, kind, tag, page ?? 1, size ?? 20), ct)));

        group.MapGet("/{id:int}", async Task<Results<Ok<PracticeView>, NotFound<ProblemDetailsBody>>> (int id, PracticeQueries queries, HttpContext http, CancellationToken ct) =>
        {
            if (await queries.GetAsync(id, ct) is not { } view) return ApiProblems.NotFound(PracticeCommands.NotFoundMessage);
            http.Response.Headers.ETag = ApiProblems.ETag(view.Version);
            return TypedResults.Ok(view);
        });

        group.MapPost("/", async Task<Results<Created<PracticeView>, ProblemHttpResult>> (PracticeInput input, PracticeCommands commands, PracticeQueries queries, HttpContext http, CancellationToken ct) =>
        {
            var result = await commands.CreateAsync(input, [], ct);
            if (result.Error is { } error) return error.ToProblem();
            var view = (await queries.GetAsync(result.Value!.Id, ct))!;
            http.Response.Headers.ETag = ApiProblems.ETag(view.Version);
            return TypedResults.Created($"/api/v1/practices/{view.Id}", view);
        });

        group.MapPut("/{id:int}", async Task<Results<Ok<PracticeView>, ProblemHttpResult>> (int id, PracticeInput input, PracticeCommands commands, PracticeQueries queries, HttpContext http, CancellationToken ct) =>
        {
            if (ApiProblems.IfMatch(http) is not { } version) return ApiProblems.PreconditionRequired();
            var result = await commands.UpdateAsync(id, input, version, [], [], ct);
            if (result.Error is { } error) return error.ToProblem();
            var view = (await queries.GetAsync(id, ct))!;
            http.Response.Headers.ETag = ApiProblems.ETag(view.Version);
            return TypedResults.Ok(view);
        });

        group.MapDelete("/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, PracticeCommands commands, HttpContext http, CancellationToken ct) =>
        {
            if (ApiProblems.IfMatch(http) is not { } version) return ApiProblems.PreconditionRequired();
            var result = await commands.DeleteAsync(id, version, ct);
            return result.Error is { } error ? error.ToProblem() : TypedResults.NoContent();
        });

        group.MapPost("/collection.docx", async (CollectionRequest request, PracticeCollection collection, AppDbContext db, HttpContext http, CancellationToken ct) =>
            await DownloadAudit.ApiFileAsync(await collection.BuildAsync(request.Ids ?? [], request.Title, ct), db, http, ct));

        return api;
    }
}
