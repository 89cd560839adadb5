using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Staff;

public static class StaffApi
{
    public sealed record StaffDto(int Id, string LastName, string FirstName, string? MiddleName, string FullName, string? Position, string? Subjects,
        string? Department, int? ExperienceYears, int? BirthYear, QualificationCategory Category, string? Email, string? Phone, bool IsArchived,
        ConsentStatus Consent, DateOnly? ConsentDate, int Version)
    {
        public static StaffDto From(Person p) => new(p.Id, p.LastName, p.FirstName, p.MiddleName, p.FullName, p.Position, p.Subjects, p.Department,
            p.ExperienceYears, p.BirthYear, p.Category, p.Email, p.Phone, p.IsArchived, p.Consent, p.ConsentDate, p.Version);
    }

    public sealed record StaffList(IReadOnlyList<StaffRow> Items, int Total, int Page, int Size);

    public static void MapStaffApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/staff").WithTags("Staff").RequireAuthorization(Policies.StaffRead);

        group.MapGet("/", async (AppDbContext db, string? q, string? dept, string? status, string? sort, int? page, int? size, CancellationToken ct) =>
        {
            var result = await db.PageAsync(new StaffFilter { Q = q, Dept = dept, Status = status, Sort = sort, Page = page ?? 1, Size = size ?? 50 }, ct);
            return TypedResults.Ok(new StaffList(result.Rows, result.Total, result.Page, result.Size));
        });

        group.MapGet("/{id:int}", async Task<Results<Ok<StaffDto>, NotFound<ProblemDetailsBody>>> (int id, AppDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var p = await db.People.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (p is null) return ApiProblems.NotFound(StaffCommands.NotFoundMessage);
            http.Response.Headers.ETag = ApiProblems.ETag(p.Version);
            return TypedResults.Ok(StaffDto.From(p));
        });

        group.MapPost("/", async Task<Results<Created<StaffDto>, ProblemHttpResult>> (StaffInput input, StaffCommands staff, HttpContext http, CancellationToken ct) =>
        {
            var result = await staff.CreateAsync(input, ct);
            if (result.Error is { } error) return error.ToProblem();
            var person = result.Value!;
            http.Response.Headers.ETag = ApiProblems.ETag(person.Version);
            return TypedResults.Created($"/api/v1/staff/{person.Id}", StaffDto.From(person));
        }).RequireAuthorization(Policies.StaffWrite);

        group.MapPut("/{id:int}", async Task<Results<Ok<StaffDto>, ProblemHttpResult>> (int id, StaffInput input, StaffCommands staff, HttpContext http, CancellationToken ct) =>
        {
            if (ApiProblems.IfMatch(http) is not { } version) return ApiProblems.PreconditionRequired();
            var result = await staff.UpdateAsync(id, input, version, ct);
            if (result.Error is { } error) return error.ToProblem();
            http.Response.Headers.ETag = ApiProblems.ETag(result.Value!.Version);
            return TypedResults.Ok(StaffDto.From(result.Value));
        }).RequireAuthorization(Policies.StaffWrite);
    }
}
