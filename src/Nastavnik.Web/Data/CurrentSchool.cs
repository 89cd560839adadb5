using System.Security.Claims;

namespace Nastavnik.Web.Data;

/// <summary>
/// The tenant of the current unit of work. Web requests of a signed-in user see only their school;
/// anonymous web requests see no school at all; command-line and startup work (no HTTP context) is unrestricted.
/// </summary>
public sealed class CurrentSchool(IHttpContextAccessor http)
{
    public const string ClaimType = "nastavnik:school";
    public const int NoSchool = -1;

    private int? _override;
    private bool _overridden;

    /// <summary>Null means unrestricted (system work); otherwise the only school whose records are visible.</summary>
    public int? SchoolId
    {
        get
        {
            if (_overridden) return _override;
            var ctx = http.HttpContext;
            if (ctx is null) return null;
            return ctx.User.Identity?.IsAuthenticated == true
                && int.TryParse(ctx.User.FindFirstValue(ClaimType), out var id) ? id : NoSchool;
        }
    }

    public string UserName => http.HttpContext?.User.Identity?.Name ?? "system";

    /// <summary>The signed-in account's id; empty when there is none (it then matches no record).</summary>
    public string UserId => http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public const string PersonClaimType = "nastavnik:person";

    /// <summary>The person linked to the signed-in account; -1 when there is none (it then matches no record).</summary>
    public int PersonId =>
        int.TryParse(http.HttpContext?.User.FindFirstValue(PersonClaimType), out var id) ? id : NoSchool;

    /// <summary>
    /// Curators and administrators manage the school and see its personal records (needs, hidden contacts); so does system work.
    /// Teachers and psychologists see only their own.
    /// </summary>
    public bool IsSchoolManager
    {
        get
        {
            if (_overridden || http.HttpContext is null) return true;
            var user = http.HttpContext.User;
            return user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Curator);
        }
    }

    /// <summary>The school's administrator (a person's data on request is theirs to export or erase), or system work (the operator's command line).</summary>
    public bool IsAdministrator => http.HttpContext is null || http.HttpContext.User.IsInRole(Roles.Administrator);

    /// <summary>Restricts system work (CLI import, demo seeding) to one school.</summary>
    public void Use(int? schoolId)
    {
        _override = schoolId;
        _overridden = true;
    }
}
