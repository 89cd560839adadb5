using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Notifications;

/// <summary>The accounts of a group of people: what an announcement or a survey notifies once it has resolved its group to person ids.</summary>
public static class PeopleAccounts
{
    /// <summary>The school's accounts linked to one of <paramref name="people"/> (a query, so the group is never loaded).</summary>
    public static IQueryable<AppUser> Of(AppDbContext db, int schoolId, IQueryable<int> people) =>
        db.Users.Where(u => u.SchoolId == schoolId && u.PersonId != null && people.Contains(u.PersonId.Value));
}
