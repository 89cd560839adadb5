using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Nastavnik.Web.Data;

/// <summary>What a row records about itself on save: the moments it was created and last updated, and its version.</summary>
internal static class RowStamps
{
    private const string UpdatedAt = "UpdatedAt";

    /// <summary>
    /// On insert, a moment the code left unset (CreatedAt, OpenedAt, ApprovedAt, UploadedAt, UpdatedAt: any non-nullable
    /// DateTime still at its default) is the moment of the save. On update, UpdatedAt moves to it unless the code set it
    /// itself, and the concurrency token of an <see cref="IVersioned"/> row is bumped.
    /// </summary>
    public static void Apply(ChangeTracker tracker, DateTime now)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State == EntityState.Added)
            {
                foreach (var p in entry.Properties)
                {
                    if (p.Metadata.ClrType == typeof(DateTime) && (DateTime)p.CurrentValue! == default) p.CurrentValue = now;
                }
            }
            else if (entry.State == EntityState.Modified)
            {
                if (entry.Metadata.FindProperty(UpdatedAt) is { } updated && updated.ClrType == typeof(DateTime) && !entry.Property(UpdatedAt).IsModified)
                    entry.Property(UpdatedAt).CurrentValue = now;
                if (entry.Entity is IVersioned versioned) versioned.Version++;
            }
        }
    }
}
