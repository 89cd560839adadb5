using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Nastavnik.Web.Features.Account;

[AllowAnonymous]
public class LoginModel(SignInCommands signIn) : PageModel
{
    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Введите логин.")]
        [Display(Name = "Логин")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Введите пароль.")]
        [DataType(DataType.Password)]
        [Display(Name = "Пароль")]
        public string Password { get; set; } = "";

        [Display(Name = "Запомнить меня")]
        public bool RememberMe { get; set; }
    }

    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var outcome = await signIn.SignInAsync(Input.UserName, Input.Password, Input.RememberMe, HttpContext.Connection.RemoteIpAddress, ct);
        if (outcome == SignInOutcome.SignedIn) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        Error = outcome switch
        {
            SignInOutcome.Throttled => "Слишком много неудачных попыток входа с этого адреса. Подождите 15 минут и попробуйте снова; если пароль забыт, администратор школы выдаст новый.",
            SignInOutcome.Blocked => "Учётная запись заблокирована. Обратитесь к администратору школы.",
            _ => "Неверный логин или пароль.",
        };
        return Page();
    }
}
