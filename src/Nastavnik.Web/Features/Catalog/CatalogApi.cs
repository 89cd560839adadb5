using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

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
            if (t is null) return ApiProblems.NotFound("Тема не найдена.");
            http.Response.Headers.ETag = ApiProblems.ETag(t.Version);
            return TypedResults.Ok(Dto(t));
        });

        write.MapPost("/topics", async Task<Results<Created<TopicDto>, ProblemHttpResult>> (TopicInput input, AppDbContext db, CancellationToken ct) =>
        {
            var direction = await db.Directions.FirstOrDefaultAsync(d => d.Id == input.DirectionId, ct);
            if (direction is null) return ApiProblems.BadRequest("Направление не найдено.");
            var name = RussianText.Clean(input.Name)!;
            if (await CatalogRules.TopicNameTakenAsync(db, direction.Id, name, null, ct)) return ApiProblems.BadRequest($"Тема «{name}» уже есть в этом направлении.");
            var order = await db.Topics.Where(t => t.DirectionId == direction.Id).Select(t => (int?)t.SortOrder).MaxAsync(ct) ?? 0;
            var topic = new Topic { SchoolId = direction.SchoolId, DirectionId = direction.Id, Code = await CatalogRules.NextTopicCodeAsync(db, direction, ct), Name = name, IsDigital = input.IsDigital, SortOrder = input.SortOrder ?? order + 1 };
            db.Topics.Add(topic);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/v1/topics/{topic.Id}", Dto(topic));
        });

        write.MapPut("/topics/{id:int}", async Task<Results<Ok<TopicDto>, NotFound<ProblemDetailsBody>, ProblemHttpResult>> (int id, TopicInput input, AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var topic = await db.Topics.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (topic is null) return ApiProblems.NotFound("Тема не найдена.");
            if (ApiProblems.IfMatch(http) is not { } version) return ApiProblems.PreconditionRequired();
            if (!await db.Directions.AnyAsync(d => d.Id == input.DirectionId, ct)) return ApiProblems.BadRequest("Направление не найдено.");
            var name = RussianText.Clean(input.Name)!;
            if (await CatalogRules.TopicNameTakenAsync(db, input.DirectionId!.Value, name, id, ct)) return ApiProblems.BadRequest($"Тема «{name}» уже есть в этом направлении.");
            db.Entry(topic).Property(t => t.Version).OriginalValue = version;
            (topic.Name, topic.DirectionId, topic.IsDigital, topic.IsRetired) = (name, input.DirectionId.Value, input.IsDigital, input.IsRetired);
            if (input.SortOrder is { } order) topic.SortOrder = order;
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException) { return ApiProblems.Conflict(); }
            http.Response.Headers.ETag = ApiProblems.ETag(topic.Version);
            return TypedResults.Ok(Dto(topic));
        });

        write.MapPost("/directions", async (DirectionInput input, AppDbContext db, CancellationToken ct) =>
        {
            var order = await db.Directions.Select(d => (int?)d.SortOrder).MaxAsync(ct) ?? 0;
            var direction = new Direction { Code = await CatalogRules.NextDirectionCodeAsync(db, ct), Name = RussianText.Clean(input.Name)!, SortOrder = input.SortOrder ?? order + 1 };
            db.Directions.Add(direction);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/v1/directions/{direction.Id}", new DirectionDto(direction.Id, direction.Code, direction.Name, direction.SortOrder, false, []));
        });

        write.MapPut("/directions/{id:int}", async Task<Results<Ok<DirectionDto>, NotFound<ProblemDetailsBody>>> (int id, DirectionInput input, AppDbContext db, CancellationToken ct) =>
        {
            var d = await db.Directions.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (d is null) return ApiProblems.NotFound("Направление не найдено.");
            (d.Name, d.IsRetired) = (RussianText.Clean(input.Name)!, input.IsRetired);
            if (input.SortOrder is { } order) d.SortOrder = order;
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(new DirectionDto(d.Id, d.Code, d.Name, d.SortOrder, d.IsRetired, []));
        });
    }
}
