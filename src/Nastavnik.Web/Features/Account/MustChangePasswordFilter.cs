using Microsoft.AspNetCore.Mvc.Filters;

namespace Nastavnik.Web.Features.Account;

/// <summary>
/// An account with a temporary password (new, or reset by the administrator) must set its own before anything else: pages send
/// it to «Смена пароля», the API refuses with 403.
/// </summary>
public sealed class MustChangePasswordFilter : IAsyncPageFilter, IEndpointFilter
{
    public const string ClaimType = "nastavnik:must-change-password";
    public const string ApiRefusal = "Вы вошли с временным паролем: смените его на странице «Смена пароля» (/Account/ChangePassword), затем повторите запрос.";

    private static bool MustChange(HttpContext context) => context.User.HasClaim(c => c.Type == ClaimType);

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var page = context.ActionDescriptor.ViewEnginePath;
        if (MustChange(context.HttpContext) && page is not ("/Account/ChangePassword" or "/Account/Logout" or "/Error"))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectToPageResult("/Account/ChangePassword");
            return;
        }
        await next();
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        MustChange(context.HttpContext)
            ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Смените временный пароль", detail: ApiRefusal)
            : await next(context);
}
