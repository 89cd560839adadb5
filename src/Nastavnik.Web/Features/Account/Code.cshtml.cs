using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Account;

/// <summary>
/// Sign-in with a one-time code (a slip's QR code or a letter's link fill both fields): first the login and code are checked,
/// then the person sets a password and is signed in. The code is used up only when the password is set.
/// </summary>
[AllowAnonymous]
public class CodeModel(CodeSignInCommands codes) : PageModel
{
    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Введите логин.")]
        [Display(Name = "Логин")]
        public string Login { get; set; } = "";

        [Required(ErrorMessage = "Введите код.")]
        [Display(Name = "Одноразовый код")]
        public string Code { get; set; } = "";
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Придумайте пароль.")]
        [DataType(DataType.Password)]
        [Display(Name = "Новый пароль")]
        public string New { get; set; } = "";

        [Compare(nameof(New), ErrorMessage = "Пароли не совпадают.")]
        [DataType(DataType.Password)]
        [Display(Name = "Пароль ещё раз")]
        public string Confirm { get; set; } = "";
    }

    [BindProperty] public CodeInput Input { get; set; } = new();
    [BindProperty] public PasswordInput Password { get; set; } = new();
    /// <summary>True once the login and code are checked: the page asks for the new password.</summary>
    public bool CodeAccepted { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? login, string? code, CancellationToken ct)
    {
        Input = new CodeInput { Login = login ?? "", Code = code ?? "" };
        if (!string.IsNullOrWhiteSpace(login) && !string.IsNullOrWhiteSpace(code)) await CheckAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (!TryValidateModel(Input, nameof(Input))) return Page();
        await CheckAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        CodeAccepted = true;
        if (!ModelState.IsValid) return Page();
        var result = await codes.RedeemAsync(Input.Login, Input.Code, Password.New, HttpContext.Connection.RemoteIpAddress, ct);
        if (result.Error is { } error)
        {
            // A code that stopped working (or a throttled address) sends the person back to the first step with the reason.
            var check = await codes.CheckAsync(Input.Login, Input.Code, HttpContext.Connection.RemoteIpAddress, ct);
            if (!check.Ok) { CodeAccepted = false; Error = check.Message; }
            else error.AddTo(ModelState);
            return Page();
        }
        TempData["Flash"] = "Пароль задан, вы вошли в «Наставник». Дальше входите с логином и этим паролем.";
        return LocalRedirect("/");
    }

    private async Task CheckAsync(CancellationToken ct)
    {
        var check = await codes.CheckAsync(Input.Login, Input.Code, HttpContext.Connection.RemoteIpAddress, ct);
        CodeAccepted = check.Ok;
        Error = check.Message;
    }
}
