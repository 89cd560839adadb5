using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Account;
using Nastavnik.Web.Features.Staff;
using Nastavnik.Web.Files;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Admin.Users;

/// <summary>Whom to create accounts for: the ticked staff cards when <see cref="PersonIds"/> is given, else everyone the registry's filter shows (empty: all active staff).</summary>
public sealed record BulkSelection(IReadOnlyList<int>? PersonIds = null, string? Q = null, string? Dept = null, string? Status = null);

/// <summary>An account just created or given a new code: the plaintext code exists only here.</summary>
public sealed record IssuedAccount(string UserId, int? PersonId, string Name, string Login, string Code, DateTime ExpiresAt);

public sealed record BulkResult(IReadOnlyList<IssuedAccount> Created, IReadOnlyList<RefusedPerson> Refused, int AlreadyHadAccount, Guid SlipsId);

/// <summary>
/// Accounts for many staff at once (the administrator's page, the API, the CLI): a teacher account per chosen person with
/// consent and no account yet, a login by <see cref="Logins"/> unique in the installation, no password, and a one-time code for 14
/// days. The rows are written directly (one transaction, no per-user password hashing) with everything Identity needs:
/// normalized login and e-mail, security and concurrency stamps, the role row. People without consent are refused with the reason.
/// </summary>
public sealed class BulkAccountCommands(AppDbContext db, SlipStore slips)
{
    public async Task<CommandResult<BulkResult>> CreateAsync(int schoolId, BulkSelection selection, string issuedBy, string baseUrl, CancellationToken ct)
    {
        if (!await db.Organizations.AnyAsync(o => o.Id == schoolId && o.Kind == OrganizationKind.School, ct))
            return CommandError.NotFound($"Школа с id {schoolId} не найдена.");
        var people = db.People.AsNoTracking().Where(p => p.SchoolId == schoolId);
        if (selection.PersonIds is { } ids)
        {
            if (ids.Count == 0) return CommandError.Invalid("Отметьте хотя бы одного педагога.");
            people = people.Where(p => ids.Contains(p.Id) && !p.IsArchived);
        }
        else people = new StaffFilter { Q = selection.Q, Dept = selection.Dept, Status = selection.Status }.Apply(people).Where(p => !p.IsArchived);
        var chosen = await people.Select(p => new { p.Id, p.LastName, p.FirstName, p.MiddleName, p.Email, p.Consent }).ToListAsync(ct);
        if (selection.PersonIds is { } wanted && wanted.Except(chosen.Select(p => p.Id)).FirstOrDefault() is var missing and > 0)
            return CommandError.NotFound($"В школе нет действующего педагога с id {missing}.");

        var withAccount = (await db.Users.Where(u => u.SchoolId == schoolId && u.PersonId != null).Select(u => u.PersonId!.Value).ToListAsync(ct)).ToHashSet();
        var taken = (await db.Users.Select(u => u.NormalizedUserName!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var teacherRole = Roles.Teacher.ToUpperInvariant();
        var roleId = await db.Roles.Where(r => r.NormalizedName == teacherRole).Select(r => r.Id).SingleAsync(ct);
        var now = db.Clock.UtcTime();
        var created = new List<IssuedAccount>();
        var refused = new List<RefusedPerson>();
        var already = 0;
        foreach (var p in chosen.OrderBy(p => NameOrder.Key(p.LastName)).ThenBy(p => NameOrder.Key(p.FirstName)).ThenBy(p => NameOrder.Key(p.MiddleName)).ThenBy(p => p.Id))
        {
            var name = Text.PersonName.Full(p.LastName, p.FirstName, p.MiddleName);
            if (withAccount.Contains(p.Id)) { already++; continue; }
            if (p.Consent != ConsentStatus.Given)
            {
                refused.Add(new RefusedPerson(p.Id, name, p.Consent == ConsentStatus.Withdrawn
                    ? "согласие на обработку персональных данных отозвано"
                    : "нет согласия на обработку персональных данных: отметьте его в карточке педагога, тогда учётную запись можно создать"));
                continue;
            }
            var login = Logins.Unique(Logins.Base(p.LastName, p.FirstName, p.MiddleName), taken);
            var email = string.IsNullOrWhiteSpace(p.Email) ? null : p.Email.Trim();
            var user = new AppUser
            {
                Id = Guid.NewGuid().ToString(), UserName = login, NormalizedUserName = login.ToUpperInvariant(), Email = email,
                NormalizedEmail = email?.ToUpperInvariant(), SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = Guid.NewGuid().ToString(), SchoolId = schoolId, PersonId = p.Id, DisplayName = name,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
            var code = SignInCodes.Add(db, user.Id, schoolId, SignInCodeKind.OneTimeCode, issuedBy, now);
            created.Add(new IssuedAccount(user.Id, p.Id, name, login, code, now + SignInCodes.OneTimeCodeLife));
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return CommandError.Conflict("Учётные записи не созданы: в это же время их создавали в другом окне. Повторите: уже созданные будут пропущены.");
        }
        var batch = new SlipBatch($"Листки входа, {Text.RussianText.Date(DateOnly.FromDateTime(now))}", Cards(created, baseUrl), refused, already);
        return new BulkResult(created, refused, already, await slips.SaveAsync(schoolId, issuedBy, batch, ct));
    }

    public static List<SlipCard> Cards(IEnumerable<IssuedAccount> accounts, string baseUrl) =>
        accounts.Select(a => new SlipCard(a.Name, a.Login, a.Code, baseUrl.TrimEnd('/'), SignInCodes.Link(baseUrl, a.Login, a.Code))).ToList();
}
