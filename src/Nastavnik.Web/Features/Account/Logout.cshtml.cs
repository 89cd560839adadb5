using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Nastavnik.Web.Features.Account;

[Authorize]
public class LogoutModel(SignInCommands signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync(User);
        return RedirectToPage("/Account/Login");
    }
}
