using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Account;
using Nastavnik.Web.Features.Notifications;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Admin.Users;

/// <summary>
/// Accounts in bulk over /api/v1/accounts, with the pages' policy (<see cref="Policies.UsersManage"/>). A plaintext code appears
/// only in the response of the call that issued it (bulk creation, a new code); lists never carry codes.
/// </summary>
public static class AccountsApi
{
    public sealed record BulkRequest(IReadOnlyList<int>? PersonIds = null, string? Q = null, string? Dept = null, string? Status = null);
    public sealed record InviteRequest(IReadOnlyList<string>? UserIds = null);

    public static void MapAccountsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/accounts").WithTags("Accounts").RequireAuthorization(Policies.UsersManage);

        group.MapPost("/bulk", async Task<Results<Ok<BulkResult>, ProblemHttpResult>> (BulkRequest? body, BulkAccountCommands bulk, AppDbContext db,
            HttpContext http, IOptions<PublicUrlOptions> publicUrl, CancellationToken ct) =>
        {
            var selection = new BulkSelection(body?.PersonIds, body?.Q, body?.Dept, body?.Status);
            var result = await bulk.CreateAsync(db.School.SchoolId!.Value, selection, http.User.Identity!.Name!, PublicAddress.For(http.Request, publicUrl.Value), ct);
            return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(result.Value!);
        });

        group.MapPost("/{id}/code", async Task<Results<Ok<IssuedAccount>, ProblemHttpResult>> (string id, InvitationCommands invitations, AppDbContext db,
            HttpContext http, IOptions<PublicUrlOptions> publicUrl, CancellationToken ct) =>
        {
            var result = await invitations.IssueCodeAsync(db.School.SchoolId!.Value, id, http.User.Identity!.Name!, PublicAddress.For(http.Request, publicUrl.Value), ct);
            return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(result.Value.Account);
        });

        group.MapGet("/not-signed-in", async (InvitationCommands invitations, AppDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await invitations.NotSignedInAsync(db.School.SchoolId!.Value, ct)));

        group.MapPost("/invitations", async Task<Results<Ok<InvitationResult>, ProblemHttpResult>> (InviteRequest? body, InvitationCommands invitations,
            AppDbContext db, HttpContext http, IOptions<PublicUrlOptions> publicUrl, CancellationToken ct) =>
        {
            var result = await invitations.InviteAsync(db.School.SchoolId!.Value, body?.UserIds, http.User.Identity!.Name!, PublicAddress.For(http.Request, publicUrl.Value), ct);
            return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(result.Value!);
        });
    }
}
