using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Notifications.Reminders;

/// <summary>Who is told about a program's affairs: the program's curators who have accounts, or, when none has one, the school's curators.</summary>
public static class CuratorAccounts
{
    /// <summary>Reads the curators of the given programs and schools in two queries; the result gives the account ids for a (program, school).</summary>
    public static async Task<Func<int, int, IReadOnlyList<string>>> OfProgramsAsync(
        AppDbContext db, IReadOnlyCollection<int> programIds, IReadOnlyCollection<int> schoolIds, CancellationToken ct)
    {
        var curators = (await (
                from c in db.ProgramCurators
                where programIds.Contains(c.ProgramId)
                from u in db.Users
                where u.PersonId == c.PersonId && u.SchoolId == c.SchoolId
                select new { c.ProgramId, u.Id }).ToListAsync(ct))
            .ToLookup(c => c.ProgramId, c => c.Id);
        var schoolCurators = (await (
                from u in db.Users
                where schoolIds.Contains(u.SchoolId)
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where r.Name == Roles.Curator
                select new { u.SchoolId, u.Id }).ToListAsync(ct))
            .ToLookup(c => c.SchoolId, c => c.Id);
        return (programId, schoolId) =>
        {
            var own = curators[programId].Distinct().ToList();
            return own.Count > 0 ? own : schoolCurators[schoolId].Distinct().ToList();
        };
    }
}
