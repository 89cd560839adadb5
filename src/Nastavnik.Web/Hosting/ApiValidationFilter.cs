using Nastavnik.Web.Features;

namespace Nastavnik.Web.Hosting;

/// <summary>
/// Validates the app's inputs once for every endpoint of the /api/v1 group by <see cref="InputRules"/> (annotations, rules across fields and
/// value rules, all at once); errors come back as RFC 7807 validation problems in Russian.
/// </summary>
public sealed class ApiValidationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var arg in context.Arguments)
        {
            // Only the app's own input models (StaffInput, TopicInput, …) carry validation rules.
            if (arg?.GetType().Namespace?.StartsWith("Nastavnik.Web.Features", StringComparison.Ordinal) != true) continue;
            var results = InputRules.Validate(arg, context.HttpContext.RequestServices);
            if (results.Count > 0)
            {
                var errors = results.SelectMany(r => r.MemberNames.DefaultIfEmpty("").Select(m => (m, r.ErrorMessage ?? "Неверное значение.")))
                    .GroupBy(x => x.m).ToDictionary(g => g.Key, g => g.Select(x => x.Item2).ToArray());
                return TypedResults.ValidationProblem(errors, title: "Данные не прошли проверку.");
            }
        }
        return await next(context);
    }
}
