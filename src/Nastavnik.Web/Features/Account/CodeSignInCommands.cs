using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Notifications;

namespace Nastavnik.Web.Features.Account;

public enum CodeState { Valid, Wrong, Used, Revoked, Expired, Throttled }

/// <summary>What a code check found: its state and, when it is not valid, what to tell the person.</summary>
public sealed record CodeCheck(CodeState State, string? Message)
{
    public bool Ok => State == CodeState.Valid;
}

/// <summary>
/// Sign-in with a one-time code or a reset link, and «Забыли пароль?». A wrong code counts as a wrong password in
/// <see cref="SignInThrottle"/> (per address, and per login and address); a used, revoked or expired code says so and who to ask.
/// The request for a reset link answers the same whether or not the login exists.
/// </summary>
public sealed class CodeSignInCommands(
    AppDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, SignInThrottle throttle,
    IOptions<SmtpOptions> smtp, IOptions<PublicUrlOptions> publicUrl)
{
    public const string AskAdministrator = "Попросите у администратора школы новый код.";
    public const string ForgotAnswer = "Если такой пользователь есть и у него указан адрес электронной почты, мы отправили на этот адрес письмо со ссылкой для смены пароля. Ссылка действует один час.";
    public const string ForgotWithoutMail = "Письма из «Наставника» не отправляются: обратитесь к администратору школы, он выдаст новый одноразовый код.";
    public const string ThrottledMessage = "Слишком много неудачных попыток с этого адреса. Подождите 15 минут и попробуйте снова.";

    public bool MailConfigured => smtp.Value.IsConfigured;

    /// <summary>Checks a login and code without using the code up; a wrong pair is counted by the throttle.</summary>
    public async Task<CodeCheck> CheckAsync(string? login, string? code, IPAddress? address, CancellationToken ct) =>
        (await FindAsync(login, code, address, ct)).Check;

    /// <summary>Sets the password with a valid code, uses the code up, and signs the person in.</summary>
    public async Task<CommandResult> RedeemAsync(string? login, string? code, string password, IPAddress? address, CancellationToken ct)
    {
        var (check, user, row) = await FindAsync(login, code, address, ct);
        if (!check.Ok) return CommandError.Invalid(check.Message!);
        if (await users.HasPasswordAsync(user!)) await users.RemovePasswordAsync(user!);
        var result = await users.AddPasswordAsync(user!, password);
        if (!result.Succeeded) return CommandError.Invalid("Пароль не подходит.", result.Errors.Select(e => e.Description).ToList());
        row!.UsedAt = db.Clock.UtcTime();
        user!.MustChangePassword = false;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await users.UpdateAsync(user); // saves the code's use with the account, in one SaveChanges
        await AuditEvents.RecordAsync(db, user.SchoolId, user.UserName!, "SignIn", "code", new { kind = row.Kind.ToString(), address = address?.ToString() }, ct);
        await signIn.SignInAsync(user, isPersistent: false);
        return CommandResult.Success;
    }

    /// <summary>
    /// «Забыли пароль?»: when mail is configured and the account (by login or e-mail) has an address, a reset link valid one hour is
    /// enqueued. The answer is the same either way; too many requests from one address are refused.
    /// </summary>
    public async Task<CommandResult<string>> ForgotAsync(string? loginOrEmail, string baseUrl, IPAddress? address, CancellationToken ct)
    {
        if (!MailConfigured) return ForgotWithoutMail;
        var key = (loginOrEmail ?? "").Trim();
        if (key.Length == 0) return CommandError.Invalid("Введите логин или адрес электронной почты.");
        var from = address?.ToString() ?? "unknown";
        if (!throttle.MayTry(from, "reset:" + key)) return CommandError.Invalid(ThrottledMessage);
        throttle.Failed(from, "reset:" + key); // every request counts: the limit is on asking, not on guessing
        var normalized = key.ToUpperInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct)
            ?? await db.Users.Where(u => u.NormalizedEmail == normalized).OrderBy(u => u.Id).FirstOrDefaultAsync(ct);
        if (user is { Email.Length: > 0 })
        {
            db.School.Use(user.SchoolId); // an anonymous request sees no school: this one works in the account's school only
            var code = await SignInCodes.IssueAsync(db, user, SignInCodeKind.ResetLink, "password-reset", ct);
            db.OutboxLetters.Add(AccountLetters.PasswordReset(user, SignInCodes.Link(PublicBase(baseUrl), user.UserName!, code), db.Clock.UtcTime()));
            await db.SaveChangesAsync(ct);
        }
        return ForgotAnswer;
    }

    /// <summary>The address in links: <c>Nastavnik:PublicUrl</c> when set, else the request's own.</summary>
    public string PublicBase(string requestBase) => string.IsNullOrWhiteSpace(publicUrl.Value.PublicUrl) ? requestBase : publicUrl.Value.PublicUrl!;

    private async Task<(CodeCheck Check, AppUser? User, SignInCode? Row)> FindAsync(string? login, string? code, IPAddress? address, CancellationToken ct)
    {
        login = (login ?? "").Trim();
        var from = address?.ToString() ?? "unknown";
        if (!throttle.MayTry(from, login)) return (new CodeCheck(CodeState.Throttled, ThrottledMessage), null, null);
        var user = login.Length == 0 ? null : await users.FindByNameAsync(login);
        if (user is not null) db.School.Use(user.SchoolId); // an anonymous request sees no school: this one works in the account's school only
        var hash = SignInCodes.Hash(code ?? "");
        var row = user is null ? null : await db.SignInCodes.FirstOrDefaultAsync(c => c.UserId == user.Id && c.Hash == hash, ct);
        if (row is null)
        {
            throttle.Failed(from, login);
            await AuditEvents.RecordAsync(db, user?.SchoolId, login, "SignIn", "code-failed", new { address = from }, ct);
            return (new CodeCheck(CodeState.Wrong, "Неверный логин или код. Проверьте, как они написаны на листке или в письме."), null, null);
        }
        var now = db.Clock.UtcTime();
        var check = row switch
        {
            { UsedAt: not null } => new CodeCheck(CodeState.Used, "Этот код уже использован: он действует только один раз. Если пароль не задан или забыт, попросите у администратора школы новый код."),
            { RevokedAt: not null } => new CodeCheck(CodeState.Revoked, "Этот код отменён: после него вам выдан новый. Возьмите последний код или попросите у администратора школы новый."),
            _ when row.ExpiresAt <= now => new CodeCheck(CodeState.Expired, $"Срок действия кода истёк {Text.RussianText.DateTime(row.ExpiresAt)}. {AskAdministrator}"),
            _ => new CodeCheck(CodeState.Valid, null),
        };
        return (check, user, row);
    }
}
