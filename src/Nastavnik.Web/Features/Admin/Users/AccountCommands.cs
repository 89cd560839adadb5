using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Admin.Users;

/// <summary>What an account is created from: its school, login, role, and either a staff card or a display name.</summary>
public sealed record AccountRequest(int SchoolId, string? UserName, string? Role, int? PersonId, string? DisplayName, string? Password = null);

/// <summary>A created account and the password to hand over (the user must change it at first sign-in).</summary>
public sealed record CreatedAccount(AppUser User, string Password);

/// <summary>
/// Accounts, written once for the administrator's pages and the CLI: the login pattern, roles, the link to a staff card of the
/// same school, temporary passwords. Accounts are not behind the tenant query filter (sign-in looks them up across schools), so
/// every lookup here names its school.
/// </summary>
public sealed partial class AccountCommands(AppDbContext db, UserManager<AppUser> users)
{
    public const string LoginRule = "Логин: 3–64 латинские буквы, цифры, точка, дефис или подчёркивание.";

    [GeneratedRegex(@"^[A-Za-z0-9._\-]{3,64}$")]
    public static partial Regex LoginPattern();

    public async Task<CommandResult<CreatedAccount>> CreateAsync(AccountRequest request, CancellationToken ct)
    {
        var userName = request.UserName?.Trim() ?? "";
        if (userName.Length == 0) return CommandError.Invalid("Введите логин.");
        if (!LoginPattern().IsMatch(userName)) return CommandError.Invalid(LoginRule);
        if (request.Role is not { } role || !Roles.All.Contains(role)) return CommandError.Invalid("Неизвестная роль.");
        if (!await db.Organizations.AnyAsync(o => o.Id == request.SchoolId && o.Kind == OrganizationKind.School, ct))
            return CommandError.NotFound($"Школа с id {request.SchoolId} не найдена.");
        Person? person = null;
        if (request.PersonId is { } pid
            && (person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid && p.SchoolId == request.SchoolId, ct)) is null)
            return CommandError.NotFound($"В школе нет педагога с id {pid}.");
        if (person?.ErasedAt is not null) return CommandError.Conflict(PersonData.PersonDataCommands.ErasedCardMessage);
        var displayName = person?.FullName ?? request.DisplayName?.Trim();
        if (string.IsNullOrEmpty(displayName)) return CommandError.Invalid("Укажите имя пользователя или создайте запись из карточки педагога.");
        if (displayName.Length > 300) return CommandError.Invalid("Имя пользователя длиннее 300 символов.");
        if (await users.FindByNameAsync(userName) is not null)
            return CommandError.Conflict($"Логин «{userName}» уже занят: выберите другой.");

        var password = request.Password ?? TemporaryPassword();
        var user = new AppUser
        {
            UserName = userName, SchoolId = request.SchoolId, PersonId = person?.Id, DisplayName = displayName, Email = person?.Email,
            MustChangePassword = true,
        };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, role);
        if (!result.Succeeded) return CommandError.Invalid("Учётная запись не создана.", result.Errors.Select(e => e.Description).ToList());
        return new CreatedAccount(user, password);
    }

    /// <summary>A new temporary password for an account of the school; it unlocks the account and signs out its other sessions.</summary>
    public async Task<CommandResult<CreatedAccount>> ResetPasswordAsync(int schoolId, string userId, CancellationToken ct)
    {
        if (await SchoolUserAsync(schoolId, userId, ct) is not { } user) return CommandError.NotFound("Учётная запись не найдена.");
        var password = TemporaryPassword();
        await users.RemovePasswordAsync(user);
        var result = await users.AddPasswordAsync(user, password);
        if (!result.Succeeded) return CommandError.Invalid("Пароль не изменён.", result.Errors.Select(e => e.Description).ToList());
        user.MustChangePassword = true;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);
        return new CreatedAccount(user, password);
    }

    /// <summary>The account's one role becomes <paramref name="role"/>; its sessions end within a minute (a new security stamp).</summary>
    public async Task<CommandResult<AppUser>> ChangeRoleAsync(int schoolId, string userId, string role, CancellationToken ct)
    {
        if (!Roles.All.Contains(role)) return CommandError.Invalid("Неизвестная роль.");
        if (await SchoolUserAsync(schoolId, userId, ct) is not { } user) return CommandError.NotFound("Учётная запись не найдена.");
        var result = await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        if (result.Succeeded) result = await users.AddToRoleAsync(user, role);
        if (!result.Succeeded) return CommandError.Invalid("Роль не изменена.", result.Errors.Select(e => e.Description).ToList());
        await users.UpdateSecurityStampAsync(user);
        return user;
    }

    public async Task<CommandResult<AppUser>> UnlockAsync(int schoolId, string userId, CancellationToken ct)
    {
        if (await SchoolUserAsync(schoolId, userId, ct) is not { } user) return CommandError.NotFound("Учётная запись не найдена.");
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return user;
    }

    private Task<AppUser?> SchoolUserAsync(int schoolId, string userId, CancellationToken ct) =>
        db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.SchoolId == schoolId, ct);

    /// <summary>Twelve characters that are easy to read aloud and type on a phone: no 0/O, 1/l/i; every fourth a digit.</summary>
    public static string TemporaryPassword()
    {
        const string letters = "abcdefghjkmnpqrstuvwxyz";
        var chars = Enumerable.Range(0, 12).Select(i => i % 4 == 3 ? (char)('2' + RandomNumberGenerator.GetInt32(8)) : letters[RandomNumberGenerator.GetInt32(letters.Length)]);
        return new string(chars.ToArray());
    }

    /// <summary>A login suggested for a staff card: the e-mail's local part when it fits the pattern, else user{id}.</summary>
    public static string SuggestLogin(Person p)
    {
        var email = p.Email?.Split('@')[0];
        return !string.IsNullOrEmpty(email) && LoginPattern().IsMatch(email) ? email : $"user{p.Id}";
    }
}
