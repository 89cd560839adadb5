using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Account;

[AllowAnonymous]
public class LoginModel(SignInManager<AppUser> signIn, ILogger<LoginModel> log) : PageModel
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

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Input.UserName.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        var userName = Input.UserName.Trim();
        if (result.Succeeded)
        {
            log.SignedIn(userName);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        log.SignInFailed(userName, result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : "wrong login or password");
        Error = result.IsLockedOut
            ? "Слишком много неудачных попыток входа. Учётная запись заблокирована на 15 минут; администратор школы может сбросить пароль."
            : "Неверный логин или пароль.";
        return Page();
    }
}
