using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Account;

/// <summary>
/// The letters about accounts, enqueued in the outbox (<see cref="OutboxLetter"/>) in the same transaction as their code; the
/// dispatcher sends them. They carry a name, a login and a link, nothing else.
/// </summary>
public static class AccountLetters
{
    public const string InvitationKind = "invitation";
    public const string PasswordResetKind = "password-reset";

    public static OutboxLetter Invitation(AppUser user, string link, DateTime now, DateTime expiresAt) => new()
    {
        SchoolId = user.SchoolId, UserId = user.Id, Kind = InvitationKind, ToAddress = user.Email!, NotBefore = now,
        DedupKey = $"{InvitationKind}:{Guid.NewGuid():N}",
        Subject = "Приглашение в «Наставник»: ваш вход",
        TextBody = $"""
            Здравствуйте, {user.DisplayName}!

            Для вас создана учётная запись в системе «Наставник» — программе наставничества вашей школы.

            Ваш логин: {user.UserName}

            Чтобы войти, откройте ссылку и придумайте пароль:
            {link}

            Ссылка действует один раз, до {Text.RussianText.Date(DateOnly.FromDateTime(expiresAt))}. Если срок прошёл или ссылка не открывается,
            попросите у администратора школы новый код.

            Это письмо отправлено автоматически, отвечать на него не нужно.
            """,
    };

    public static OutboxLetter PasswordReset(AppUser user, string link, DateTime now) => new()
    {
        SchoolId = user.SchoolId, UserId = user.Id, Kind = PasswordResetKind, ToAddress = user.Email!, NotBefore = now,
        DedupKey = $"{PasswordResetKind}:{Guid.NewGuid():N}",
        Subject = "«Наставник»: восстановление пароля",
        TextBody = $"""
            Здравствуйте, {user.DisplayName}!

            Кто-то (надеемся, вы) попросил восстановить пароль к учётной записи «{user.UserName}» в системе «Наставник».

            Чтобы задать новый пароль, откройте ссылку:
            {link}

            Ссылка действует один час и только один раз. Если вы не просили восстановить пароль, просто удалите это письмо:
            ваш пароль остаётся прежним.
            """,
    };
}
