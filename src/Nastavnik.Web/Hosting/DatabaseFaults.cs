using System.Globalization;
using System.Net.Mime;
using Microsoft.AspNetCore.Diagnostics;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Hosting;

/// <summary>
/// The one answer to a fault of the database (<see cref="DbErrors.FaultOf"/>), for pages and the API alike (issue 15): a server
/// that cannot be reached is 503 with Retry-After, a full disk is 507; the API gets an RFC 7807 problem, a person a page in
/// Russian. The page is written here, not by the layout: the layout, the bell and the sign-in cookie's check read the database,
/// which is what failed. The request's writes were not kept (a save is one transaction); the process keeps serving and answers
/// normally again as soon as the database does.
/// </summary>
public sealed class DatabaseFaultHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public const int RetryAfterSeconds = 15;
    public const string UnavailableTitle = "База данных временно недоступна. Повторите действие через минуту.";
    public const string DiskFullTitle = "На сервере закончилось место: изменения не сохранены. Сообщите администратору.";

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception.FaultOf() is not { } fault) return false;
        var unavailable = fault == DatabaseFault.Unavailable;
        if (unavailable) ReadRetryStrategy.ForgetConnections();
        http.Response.StatusCode = unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status507InsufficientStorage;
        if (unavailable) http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        var title = unavailable ? UnavailableTitle : DiskFullTitle;
        var detail = unavailable
            ? "Данные не потеряны: то, что было сохранено, сохранено. Несохранённое действие повторите, когда сервис снова заработает."
            : "Последнее действие не записано целиком и не записано частично. Просмотр данных работает.";
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http, Exception = exception,
                ProblemDetails = { Status = http.Response.StatusCode, Title = title, Detail = detail },
            });
        }
        http.Response.ContentType = MediaTypeNames.Text.Html + "; charset=utf-8";
        await http.Response.WriteAsync(Page(title, detail), cancellationToken);
        return true;
    }

    private static string Page(string title, string detail) => $$"""
        <!DOCTYPE html>
        <html lang="ru">
        <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>{{(title == UnavailableTitle ? "Сервис временно недоступен" : "Нет места на диске")}} · Наставник</title>
            <link rel="stylesheet" href="/lib/bootstrap/bootstrap.min.css" />
            <link rel="stylesheet" href="/css/site.css" />
        </head>
        <body>
        <main class="container-xl py-5" id="main">
            <h1 class="h3">{{title}}</h1>
            <p>{{detail}}</p>
            <a class="btn btn-outline-primary" href="/">На главную</a>
        </main>
        </body>
        </html>
        """;
}
