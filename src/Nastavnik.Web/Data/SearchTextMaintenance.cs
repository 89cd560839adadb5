using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Nastavnik.Web.Data;

/// <summary>A record with a search column derived from its own fields (folded or stemmed text), refreshed on every save.</summary>
public interface ISearchIndexed
{
    void RefreshSearchText();
}

/// <summary>Keeps the search columns of people and portfolio items in step with what they say.</summary>
internal static class SearchTextMaintenance
{
    public static void Apply(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries<ISearchIndexed>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified) entry.Entity.RefreshSearchText();
        }
    }
}
