using Microsoft.AspNetCore.Http.HttpResults;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Admin.PersonData;

/// <summary>A person's data on request through the API: the .zip of everything stored and the erasure (the administrator only).</summary>
public static class PersonDataApi
{
    public sealed record EraseRequest(string? Confirm);

    public static void MapPersonDataApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/staff/{id:int}").WithTags("Staff").RequireAuthorization(Policies.UsersManage);

        group.MapGet("/personal-data", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (int id, PersonDataCommands commands, CancellationToken ct) =>
        {
            var result = await commands.ExportAsync(id, ct);
            if (result.Error is { } error) return error.ToProblem();
            return TypedResults.File(result.Value!.Content, "application/zip", result.Value.FileName);
        });

        group.MapPost("/erase", async Task<Results<NoContent, ProblemHttpResult>> (int id, EraseRequest? body, PersonDataCommands commands, CancellationToken ct) =>
        {
            var result = await commands.EraseAsync(id, body?.Confirm, ct);
            return result.Error is { } error ? error.ToProblem() : TypedResults.NoContent();
        });
    }
}
