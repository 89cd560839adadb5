using System.Collections;
using System.Security.Claims;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Hosting;

/// <summary>
/// The fields every log entry of a request carries (a logging scope): the request's id (<see cref="HttpContext.TraceIdentifier"/>),
/// the signed-in account's id and its school's id. Ids only: never a name, a login, an address or an answer.
/// </summary>
public sealed class RequestLogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    public required string RequestId { get; init; }
    public string? UserId { get; set; }
    public int? SchoolId { get; set; }

    public int Count => 3;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new(nameof(RequestId), RequestId),
        1 => new(nameof(UserId), UserId),
        2 => new(nameof(SchoolId), SchoolId),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"RequestId:{RequestId} UserId:{UserId} SchoolId:{SchoolId}";
}

/// <summary>The two steps of the pipeline that open the request's <see cref="RequestLogScope"/> and fill in who is signed in.</summary>
public static class RequestLogging
{
    /// <summary>First in the pipeline: every entry of the request, errors included, carries its id.</summary>
    public static IApplicationBuilder UseRequestLogScope(this IApplicationBuilder app)
    {
        var log = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Nastavnik.Request");
        return app.Use(async (context, next) =>
        {
            var scope = new RequestLogScope { RequestId = context.TraceIdentifier };
            context.Features.Set(scope);
            using (log.BeginScope(scope)) await next(context);
        });
    }

    /// <summary>After authentication: the account and school of the cookie, read from its claims (no database call).</summary>
    public static IApplicationBuilder UseRequestLogUser(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Features.Get<RequestLogScope>() is { } scope && context.User.Identity?.IsAuthenticated == true)
        {
            scope.UserId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
            scope.SchoolId = int.TryParse(context.User.FindFirstValue(CurrentSchool.ClaimType), out var school) ? school : null;
        }
        return next(context);
    });
}
