using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Nastavnik.Web.Features.Notifications;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Account;

/// <summary>«Забыли пароль?»: a reset link by e-mail when mail is configured; the answer never tells whether the login exists.</summary>
[AllowAnonymous]
public class ForgotModel(CodeSignInCommands codes, IOptions<PublicUrlOptions> publicUrl) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Введите логин или адрес электронной почты.")]
    [Display(Name = "Логин или адрес электронной почты")]
    public string LoginOrEmail { get; set; } = "";

    public bool MailConfigured => codes.MailConfigured;
    public string? Answer { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!MailConfigured || !ModelState.IsValid) return Page();
        var result = await codes.ForgotAsync(LoginOrEmail, PublicAddress.For(Request, publicUrl.Value), HttpContext.Connection.RemoteIpAddress, ct);
        if (result.Error is { } error) error.AddTo(ModelState);
        else Answer = result.Value;
        return Page();
    }
}
