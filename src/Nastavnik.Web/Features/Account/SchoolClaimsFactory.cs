using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Account;

/// <summary>Puts the user's school (the tenant) and display name into the sign-in cookie.</summary>
public sealed class SchoolClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentSchool.ClaimType, user.SchoolId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim("nastavnik:name", user.DisplayName));
        if (user.MustChangePassword) identity.AddClaim(new Claim(MustChangePasswordFilter.ClaimType, "1"));
        if (user.PersonId is { } pid) identity.AddClaim(new Claim(CurrentSchool.PersonClaimType, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}

public sealed class RussianIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"Логин «{userName}» уже занят." };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"Логин «{userName}» недопустим: используйте латинские буквы, цифры, точку, дефис и подчёркивание." };
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Пароль должен быть не короче {length} символов." };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "Пароль должен содержать хотя бы одну цифру." };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "Текущий пароль указан неверно." };
    public override IdentityError UserAlreadyInRole(string role) => new() { Code = nameof(UserAlreadyInRole), Description = "Пользователь уже имеет эту роль." };
}
