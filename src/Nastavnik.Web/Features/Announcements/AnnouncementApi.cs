using Microsoft.AspNetCore.Http.HttpResults;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Announcements;

/// <summary>REST API of announcements: /api/v1/announcements, with the policies of the pages.</summary>
public static class AnnouncementApi
{
    public sealed record CreatedDto(int Id, string Title, string Audience, int Recipients);

    public static RouteGroupBuilder MapAnnouncementApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/announcements").WithTags("Announcements").RequireAuthorization(Policies.ProgramRead);

        // Managers: every announcement of the school with its read count; anyone else: those addressed to them.
        group.MapGet("/", async (AppDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await AnnouncementQueries.ListAsync(db, db.School.IsSchoolManager, db.School.UserId, ct)));

        // Managers: the text and who has read it; a recipient: the text (now read); anyone else: not found.
        group.MapGet("/{id:int}", async Task<Results<Ok<AnnouncementQueries.Details>, ProblemHttpResult>> (int id, AnnouncementCommands commands, CancellationToken ct) =>
        {
            var result = await commands.OpenAsync(id, ct);
            return result.Error is { } error ? error.ToProblem() : TypedResults.Ok(result.Value!);
        });

        group.MapPost("/", async Task<Results<Created<CreatedDto>, ProblemHttpResult>> (AnnouncementInput input, AnnouncementCommands commands, CancellationToken ct) =>
        {
            var result = await commands.CreateAsync(input, ct);
            if (result.Error is { } error) return error.ToProblem();
            var sent = result.Value!;
            return TypedResults.Created($"/api/v1/announcements/{sent.Announcement.Id}",
                new CreatedDto(sent.Announcement.Id, sent.Announcement.Title, sent.Announcement.Audience, sent.Recipients));
        }).RequireAuthorization(Policies.AnnouncementsWrite);

        return api;
    }
}
