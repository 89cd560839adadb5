using System.ComponentModel.DataAnnotations;

namespace Nastavnik.Web.Hosting;

/// <summary>Validates data-annotated API inputs once for every endpoint of the /api/v1 group; errors come back as RFC 7807 validation problems in Russian.</summary>
public sealed class ApiValidationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var arg in context.Arguments)
        {
            // Only the app's own input models (StaffInput, TopicInput, …) carry validation rules.
            if (arg?.GetType().Namespace?.StartsWith("Nastavnik.Web.Features", StringComparison.Ordinal) != true) continue;
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(arg, new ValidationContext(arg, context.HttpContext.RequestServices, null), results, validateAllProperties: true))
            {
                var errors = results.SelectMany(r => r.MemberNames.DefaultIfEmpty("").Select(m => (m, r.ErrorMessage ?? "Неверное значение.")))
                    .GroupBy(x => x.m).ToDictionary(g => g.Key, g => g.Select(x => x.Item2).ToArray());
                return TypedResults.ValidationProblem(errors, title: "Данные не прошли проверку.");
            }
        }
        return await next(context);
    }
}
