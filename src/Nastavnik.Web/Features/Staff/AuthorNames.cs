using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Staff;

/// <summary>
/// Who made a change, in words for a card's history (issue 10, item 23): the account's person or display name instead of its
/// login, «система» for changes made without a signed-in user (the command line, the demo), the login itself only for an account
/// that no longer exists.
/// </summary>
public sealed class AuthorNames
{
    public const string System = "система";
    private static readonly HashSet<string> Machine = ["system", "cli"];
    private readonly Dictionary<string, string> _names;

    private AuthorNames(Dictionary<string, string> names) => _names = names;

    /// <summary>Looks the logins up among the accounts of <paramref name="schoolId"/> (another school's accounts are never named).</summary>
    public static async Task<AuthorNames> LoadAsync(AppDbContext db, int schoolId, IEnumerable<string?> logins, CancellationToken ct)
    {
        var wanted = logins.OfType<string>().Where(l => !Machine.Contains(l)).Distinct().ToList();
        var names = wanted.Count == 0 ? [] : (await db.Users.AsNoTracking()
                .Where(u => u.SchoolId == schoolId && wanted.Contains(u.UserName!))
                .Select(u => new { u.UserName, u.DisplayName, Person = u.Person == null ? null : new { u.Person.LastName, u.Person.FirstName, u.Person.MiddleName } })
                .ToListAsync(ct))
            .ToDictionary(u => u.UserName!, u => u.Person is { } p ? Text.PersonName.Full(p.LastName, p.FirstName, p.MiddleName) : u.DisplayName);
        return new AuthorNames(names);
    }

    public string Of(string? login) => login is null ? "—" : Machine.Contains(login) ? System : _names.GetValueOrDefault(login, login);
}
