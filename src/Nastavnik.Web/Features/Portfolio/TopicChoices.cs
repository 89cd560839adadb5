using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Portfolio;

public sealed record TopicGroup(string Direction, IReadOnlyList<(int Id, string Name)> Topics);

public static class TopicChoices
{
    /// <summary>The school's topics grouped by direction for a select; retired ones only when already chosen.</summary>
    public static async Task<List<TopicGroup>> TopicGroupsAsync(this AppDbContext db, int? current, CancellationToken ct)
    {
        var rows = await db.Topics.AsNoTracking().Where(t => (!t.IsRetired && !t.Direction!.IsRetired) || t.Id == current)
            .OrderBy(t => t.Direction!.SortOrder).ThenBy(t => t.Direction!.Name).ThenBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new { t.Id, t.Name, Direction = t.Direction!.Name, t.DirectionId }).ToListAsync(ct);
        return rows.GroupBy(r => (r.DirectionId, r.Direction)).Select(g => new TopicGroup(g.Key.Direction, g.Select(r => (r.Id, r.Name)).ToList())).ToList();
    }
}
