using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Catalog;

public static class CatalogApi
{
    public sealed record TopicDto(int Id, string Code, string Name, int DirectionId, int SortOrder, bool IsDigital, bool IsRetired, int Version);
    public sealed record DirectionDto(int Id, string Code, string Name, int SortOrder, bool IsRetired, IReadOnlyList<TopicDto> Topics);

    public sealed class TopicInput
    {
        [Required(ErrorMessage = "Укажите направление.")] public int? DirectionId { get; set; }
        [Required(ErrorMessage = "Введите название темы."), StringLength(300, ErrorMessage = "Название длиннее 300 символов.")] public string Name { get; set; } = "";
        public bool IsDigital { get; set; }
        public bool IsRetired { get; set; }
        public int? SortOrder { get; set; }
    }

    public sealed class DirectionInput
    {
        [Required(ErrorMessage = "Введите название направления."), StringLength(200, ErrorMessage = "Название длиннее 200 символов.")] public string Name { get; set; } = "";
        public bool IsRetired { get; set; }
        public int? SortOrder { get; set; }
    }

    private static TopicDto Dto(Topic t) => new(t.Id, t.Code, t.Name, t.DirectionId, t.SortOrder, t.IsDigital, t.IsRetired, t.Version);

    public static void MapCatalogApi(this RouteGroupBuilder api)
    {
        var read = api.MapGroup("").WithTags("Catalog").RequireAuthorization(Policies.CatalogRead);
        var write = api.MapGroup("").WithTags("Catalog").RequireAuthorization(Policies.CatalogWrite);

        read.MapGet("/directions", async (AppDbContext db, bool? includeRetired, CancellationToken ct) =>
        {
            var all = includeRetired == true;
            var list = await db.Directions.AsNoTracking().Where(d => all || !d.IsRetired).OrderBy(d => d.SortOrder)
                .Select(d => new DirectionDto(d.Id, d.Code, d.Name, d.SortOrder, d.IsRetired,
                    d.Topics.Where(t => all || !t.IsRetired).OrderBy(t => t.SortOrder)
                        .Select(t => new TopicDto(t.Id, t.Code, t.Name, t.DirectionId, t.SortOrder, t.IsDigital, t.IsRetired, t.Version)).ToList()))
                .ToListAsync(ct);
            return TypedResults.Ok(list);
        });

        read.MapGet("/topics", async (AppDbContext db, bool? includeRetired, CancellationToken ct) =>
            TypedResults.Ok(await db.Topics.AsNoTracking().Where(t => includeRetired == true || !t.IsRetired)
                .OrderBy(t => t.Direction!.SortOrder).ThenBy(t => t.SortOrder)
                .Select(t => new TopicDto(t.Id, t.Code, t.Name, t.DirectionId, t.SortOrder, t.IsDigital, t.IsRetired, t.Version)).ToListAsync(ct)));

        read.MapGet("/topics/{id:int}", async Task<Results<Ok<TopicDto>, NotFound<ProblemDetailsBody>>> (int id, AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var t = await db.Topics.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (t is null) return ApiProblems.NotFound(CatalogCommands.TopicNotFound);
            http.Response.Headers.ETag = ApiProblems.ETag(t.Version);
            return TypedResults.Ok(Dto(t));
        });

        write.MapPost("/topics", async Task<Results<Created<TopicDto>, ProblemHttpResult>> (TopicInput input, CatalogCommands catalog, CancellationToken ct) =>
        {
            var result = await catalog.AddTopicAsync(input.DirectionId!.Value, input.Name, input.IsDigital, input.SortOrder, ct);
            if (result.Error is { } error) return error.ToProblem();
            return TypedResults.Created($"/api/v1/topics/{result.Value!.Id}", Dto(result.Value));
        });

        write.MapPut("/topics/{id:int}", async Task<Results<Ok<TopicDto>, ProblemHttpResult>> (int id, TopicInput input, CatalogCommands catalog, HttpContext http, CancellationToken ct) =>
        {
            if (ApiProblems.IfMatch(http) is not { } version) return ApiProblems.PreconditionRequired();
            var change = new TopicChange(input.Name, input.DirectionId, input.IsDigital, input.IsRetired, input.SortOrder);
            var result = await catalog.UpdateTopicAsync(id, change, version, ct);
            if (result.Error is { } error) return error.ToProblem();
            http.Response.Headers.ETag = ApiProblems.ETag(result.Value!.Version);
            return TypedResults.Ok(Dto(result.Value));
        });

        write.MapPost("/directions", async Task<Results<Created<DirectionDto>, ProblemHttpResult>> (DirectionInput input, CatalogCommands catalog, CancellationToken ct) =>
        {
            var result = await catalog.AddDirectionAsync(input.Name, input.SortOrder, ct);
            if (result.Error is { } error) return error.ToProblem();
            var d = result.Value!;
            return TypedResults.Created($"/api/v1/directions/{d.Id}", new DirectionDto(d.Id, d.Code, d.Name, d.SortOrder, d.IsRetired, []));
        });

        write.MapPut("/directions/{id:int}", async Task<Results<Ok<DirectionDto>, ProblemHttpResult>> (int id, DirectionInput input, CatalogCommands catalog, CancellationToken ct) =>
        {
            var result = await catalog.UpdateDirectionAsync(id, new DirectionChange(input.Name, input.IsRetired, input.SortOrder), ct);
            if (result.Error is { } error) return error.ToProblem();
            var d = result.Value!;
            return TypedResults.Ok(new DirectionDto(d.Id, d.Code, d.Name, d.SortOrder, d.IsRetired, []));
        });
    }
}
