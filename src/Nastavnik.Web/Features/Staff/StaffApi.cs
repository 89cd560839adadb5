using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;
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

    /// <summary>A staff file ready to commit: what the preview page shows, without the rows.</summary>
    public sealed record ImportPreviewDto(Guid Id, string FileName, string Description, int Rows, int NewCount, int DuplicateCount);
    public sealed record ImportCommitRequest(DuplicateAction Duplicates = DuplicateAction.Skip);

    /// <summary>What the import endpoint accepts as the file: not a form, so a cross-site page cannot send it without a preflight.</summary>
    private static readonly string[] FileTypes = ["text/csv", "application/octet-stream", XlsxWriter.ContentType];

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

        // The staff import: the file as the request body (?fileName=staff.csv), then its commit, once (a second one answers 409).
        group.MapPost("/imports", async Task<Results<Created<ImportPreviewDto>, ProblemHttpResult>> (HttpRequest request, string? fileName, StaffImporter importer, CancellationToken ct) =>
        {
            var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
            if (type is null || !FileTypes.Contains(type))
                return CommandError.Invalid("Отправьте файл телом запроса с типом text/csv, application/octet-stream или " + XlsxWriter.ContentType + ".").ToProblem();
            var upload = await importer.UploadAsync(fileName, () => request.Body, request.ContentLength, ct);
            if (upload.Error is { } error) return error.ToProblem();
            var result = await importer.PreviewAsync(upload.Value, null, ct);
            if (result.Error is { } previewError) return previewError.ToProblem();
            var p = result.Value!;
            if (p.Refusal is { } refusal) return refusal.ToProblem();
            return TypedResults.Created($"/api/v1/staff/imports/{upload.Value}", new ImportPreviewDto(upload.Value, p.FileName!, p.File.Description, p.Rows.Count, p.NewCount, p.DuplicateCount));
        }).RequireAuthorization(Policies.StaffWrite);

        group.MapPost("/imports/{id:guid}/commit", async Task<Results<Ok<StaffImportResult>, ProblemHttpResult>> (Guid id, ImportCommitRequest? body, StaffImporter importer, CancellationToken ct) =>
        {
            var result = await importer.CommitAsync(id, null, body?.Duplicates ?? DuplicateAction.Skip, new Dictionary<int, DuplicateAction>(), ct);
            return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(result.Value!);
        }).RequireAuthorization(Policies.StaffWrite);
    }
}
