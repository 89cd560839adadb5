using Microsoft.AspNetCore.Http.HttpResults;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Notifications;

/// <summary>REST API of the signed-in person's own notifications: /api/v1/notifications.</summary>
public static class NotificationsApi
{
    public sealed record NotificationListDto(int Total, int Unread, IReadOnlyList<NotificationView> Items);
    public sealed record ReadAllDto(int Marked);

    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        // Every signed-in role has notifications (the fallback policy: signed in); each sees only their own.
        var group = api.MapGroup("/notifications").WithTags("Notifications");

        group.MapGet("/", async (NotificationCommands notifications, int? skip, int? take, CancellationToken ct) =>
            TypedResults.Ok(new NotificationListDto(await notifications.CountAsync(ct), await notifications.UnreadCountAsync(ct),
                await notifications.ListAsync(skip ?? 0, take ?? NotificationCommands.PageSize, ct))));

        group.MapPost("/{id:long}/read", async Task<Results<NoContent, ProblemHttpResult>> (long id, NotificationCommands notifications, CancellationToken ct) =>
        {
            var result = await notifications.MarkReadAsync(id, ct);
            return result.Error is { } error ? error.ToProblem() : TypedResults.NoContent();
        });

        group.MapPost("/read-all", async (NotificationCommands notifications, CancellationToken ct) =>
            TypedResults.Ok(new ReadAllDto(await notifications.MarkAllReadAsync(ct))));
        return group;
    }

    public const string UnsubscribePath = "/unsubscribe";

    /// <summary>
    /// The address of a letter's unsubscribe link and List-Unsubscribe header, without signing in. GET (a person's click, or a link
    /// scanner) goes to the confirmation page and changes nothing; POST is the mail program's one-click unsubscribe (RFC 8058,
    /// body «List-Unsubscribe=One-Click»): the signed token is the only credential, so it carries no antiforgery token.
    /// </summary>
    public static void MapUnsubscribe(this IEndpointRouteBuilder app)
    {
        app.MapGet(UnsubscribePath, (string? t) => TypedResults.Redirect("/Notifications/Unsubscribe?t=" + Uri.EscapeDataString(t ?? "")))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost(UnsubscribePath, async Task<Results<Ok<string>, ProblemHttpResult>> (string? t, NotificationCommands notifications, CancellationToken ct) =>
        {
            var result = await notifications.UnsubscribeAsync(t, ct);
            return result.Error is { } error ? error.ToProblem() : TypedResults.Ok($"Готово: {result.Value} больше не будут приходить.");
        }).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
    }
}
