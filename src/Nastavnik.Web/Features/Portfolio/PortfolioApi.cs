using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Portfolio;

/// <summary>REST API of portfolios and the «Супервизор» search: /api/v1/portfolio.</summary>
public static class PortfolioApi
{
    public sealed record FileDto(int Id, string FileName, string ContentType, long Length, string Url);
    public sealed record ItemDto(int Id, int PersonId, int? TopicId, string? TopicName, string Title, string? Description, string? Achievements,
        IReadOnlyList<string> Links, IReadOnlyList<FileDto> Files, DateTime UpdatedAt, int Version);
    public sealed record PersonPortfolioDto(int PersonId, string FullName, string? Position, string? Department, int? ExperienceYears,
        IReadOnlyList<ItemDto> Items, IReadOnlyList<ContactView> Contacts);

    public static RouteGroupBuilder MapPortfolioApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/portfolio").WithTags("Portfolio").RequireAuthorization(Policies.ProgramRead);

        group.MapGet("/search", async (AppDbContext db, string? q, int? topicId, int? page, int? size, CancellationToken ct) =>
            TypedResults.Ok(await db.SearchAsync(new PortfolioSearchQuery(q, topicId, page ?? 1, size ?? 20), ct)));

        group.MapGet("/people/{personId:int}", async Task<Results<Ok<PersonPortfolioDto>, NotFound<ProblemDetailsBody>>> (int personId, AppDbContext db, CancellationToken ct) =>
        {
            var p = await db.People.AsNoTracking().FirstOrDefaultAsync(x => x.Id == personId, ct);
            if (p is null) return ApiProblems.NotFound("Педагог не найден.");
            var items = await ItemsAsync(db.PortfolioItems.Where(i => i.PersonId == personId), ct);
            var contacts = await db.PortfolioContacts.AsNoTracking().Where(c => c.PersonId == personId).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
            return TypedResults.Ok(new PersonPortfolioDto(p.Id, p.FullName, p.Position, p.Department, p.ExperienceYears, items, contacts.Select(PortfolioSearch.View).ToList()));
        });

        var own = group.MapGroup("/items").RequireAuthorization(Policies.OwnProfile);

        own.MapGet("/", async (PortfolioCommands portfolio, CancellationToken ct) => TypedResults.Ok(await ItemsAsync(portfolio.OwnItems, ct)));

        own.MapGet("/{id:int}", async Task<Results<Ok<ItemDto>, NotFound<ProblemDetailsBody>>> (int id, PortfolioCommands portfolio, HttpContext http, CancellationToken ct) =>
        {
            // Another teacher's item answers exactly like a missing one: its existence is not confirmed.
            var item = (await ItemsAsync(portfolio.OwnItems.Where(i => i.Id == id), ct)).SingleOrDefault();
            if (item is null) return ApiProblems.NotFound(PortfolioCommands.ItemNotFound);
            http.Response.Headers.ETag = ApiProblems.ETag(item.Version);
            return TypedResults.Ok(item);
        });

        own.MapPost("/", async Task<Results<Created<ItemDto>, ProblemHttpResult>> (PortfolioItemInput input, PortfolioCommands portfolio, AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var result = await portfolio.CreateItemAsync(input, [], ct);
            if (result.Error is { } error) return error.ToProblem();
            var dto = (await ItemsAsync(db.PortfolioItems.Where(i => i.Id == result.Value!.Id), ct)).Single();
            http.Response.Headers.ETag = ApiProblems.ETag(dto.Version);
            return TypedResults.Created($"/api/v1/portfolio/items/{dto.Id}", dto);
        });

        own.MapPut("/{id:int}", async Task<Results<Ok<ItemDto>, ProblemHttpResult>> (int id, PortfolioItemInput input, PortfolioCommands portfolio, AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            if (ApiProblems.IfMatch(http) is not { } version) return ApiProblems.PreconditionRequired();
            var result = await portfolio.UpdateItemAsync(id, input, version, [], [], ct);
            if (result.Error is { } error) return error.ToProblem();
            var dto = (await ItemsAsync(db.PortfolioItems.Where(i => i.Id == id), ct)).Single();
            http.Response.Headers.ETag = ApiProblems.ETag(dto.Version);
            return TypedResults.Ok(dto);
        });

        own.MapDelete("/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, PortfolioCommands portfolio, HttpContext http, CancellationToken ct) =>
        {
            if (ApiProblems.IfMatch(http) is not { } version) return ApiProblems.PreconditionRequired();
            var result = await portfolio.DeleteItemAsync(id, version, ct);
            return result.Error is { } error ? error.ToProblem() : TypedResults.NoContent();
        });

        return api;
    }

    private static async Task<List<ItemDto>> ItemsAsync(IQueryable<PortfolioItem> items, CancellationToken ct)
    {
        var rows = await items.AsNoTracking().OrderByDescending(i => i.UpdatedAt).ThenByDescending(i => i.Id)
            .Select(i => new
            {
                i.Id, i.PersonId, i.TopicId, TopicName = i.Topic != null ? i.Topic.Name : null, i.Title, i.Description, i.Achievements, i.Links, i.UpdatedAt, i.Version,
                Files = i.Files.OrderBy(f => f.Id).Select(f => new FileDto(f.Id, f.FileName, f.ContentType, f.Length, "/Portfolio/File?id=" + f.Id)).ToList(),
            }).ToListAsync(ct);
        return rows.Select(i => new ItemDto(i.Id, i.PersonId, i.TopicId, i.TopicName, i.Title, i.Description, i.Achievements, PortfolioLinks.Split(i.Links),
            i.Files, i.UpdatedAt, i.Version)).ToList();
    }
}
