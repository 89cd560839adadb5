using Microsoft.AspNetCore.Identity;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Account;

/// <summary>
/// The password rules beyond length and a digit (Services: <see cref="MinimumLength"/>): not the login, not one of the passwords
/// everybody tries first (common-passwords.txt, compared without case and without the digits and signs around a word:
/// «Qwerty2026!» is «qwerty»).
/// </summary>
public sealed class PasswordRules : IPasswordValidator<AppUser>
{
    public const int MinimumLength = 10;
    public const string Hint = "Не короче 10 символов, хотя бы одна цифра; не логин и не распространённый пароль вроде qwerty123456.";

    private static readonly Lazy<HashSet<string>> Common = new(() =>
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("common-passwords.txt")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
    });

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        var lower = password.ToLowerInvariant();
        if (!string.IsNullOrEmpty(user.UserName) && lower.Contains(user.UserName.ToLowerInvariant(), StringComparison.Ordinal))
            return Failed("PasswordContainsLogin", "Пароль не должен совпадать с логином или содержать его.");
        var core = lower.Trim("0123456789 !?.,-_@#$%^&*()+=".ToCharArray());
        if (core.Length == 0 || Common.Value.Contains(lower) || Common.Value.Contains(core))
            return Failed("PasswordTooCommon", "Этот пароль слишком распространён: его подбирают первым. Придумайте другой.");
        return Task.FromResult(IdentityResult.Success);
    }

    private static Task<IdentityResult> Failed(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));
}
