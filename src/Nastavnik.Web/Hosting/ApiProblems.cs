using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Nastavnik.Web.Hosting;

/// <summary>A problem body the OpenAPI document can describe (RFC 7807).</summary>
public sealed record ProblemDetailsBody(string Type, string Title, int Status, string? Detail);

/// <summary>RFC 7807 problem responses and ETag/If-Match handling shared by the API endpoints.</summary>
public static class ApiProblems
{
    public static NotFound<ProblemDetailsBody> NotFound(string title) =>
        TypedResults.NotFound(new ProblemDetailsBody("https://tools.ietf.org/html/rfc9110#section-15.5.5", title, 404, null));

    public static ProblemHttpResult PreconditionRequired() => TypedResults.Problem(
        title: "Нужен заголовок If-Match.",
        detail: "Передайте в If-Match значение ETag, полученное при чтении записи, чтобы не перезаписать чужие изменения.", statusCode: StatusCodes.Status428PreconditionRequired);

    public static ProblemHttpResult BadRequest(string title, string? detail = null) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);

    public static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static int? IfMatch(HttpContext http)
    {
        var value = http.Request.Headers.IfMatch.ToString().Trim().Replace("W/", "", StringComparison.Ordinal).Trim('"');
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
    }
}
