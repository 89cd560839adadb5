using Microsoft.AspNetCore.Mvc.Filters;

namespace Nastavnik.Web.Features.Account;

/// <summary>An account with a temporary password (new, or reset by the administrator) must set its own before anything else.</summary>
public sealed class MustChangePasswordFilter : IAsyncPageFilter
{
    public const string ClaimType = "nastavnik:must-change-password";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var page = context.ActionDescriptor.ViewEnginePath;
        if (context.HttpContext.User.HasClaim(c => c.Type == ClaimType) && page is not ("/Account/ChangePassword" or "/Account/Logout" or "/Error"))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectToPageResult("/Account/ChangePassword");
            return;
        }
        await next();
    }
}
