using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Nastavnik.Web.Data;

/// <summary>
/// The audit trail of <see cref="IAudited"/> records: who changed what, when, with old and new values as JSON.
/// Collected before the save (old values are lost once it is accepted) and written after it (ids of new rows are known then),
/// in the same transaction (AppDbContext.SaveChangesAsync).
/// </summary>
internal sealed class AuditTrail
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Maintained by the save itself, not changed by a person: not worth a line in the trail.
    private static readonly HashSet<string> Unaudited = ["SearchText", "Version", "UpdatedAt", "CreatedAt"];

    private sealed record Pending(EntityEntry Entry, string Action, int? SchoolId, Func<string> Changes);

    private readonly List<Pending> _pending = [];

    public bool IsEmpty => _pending.Count == 0;

    public static AuditTrail Collect(ChangeTracker tracker)
    {
        var trail = new AuditTrail();
        foreach (var entry in tracker.Entries<IAudited>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var action = entry.State switch { EntityState.Added => "create", EntityState.Deleted => "delete", _ => "update" };
            var schoolId = (entry.Entity as ISchoolOwned)?.SchoolId;
            var props = entry.Properties.Where(p => !p.Metadata.IsPrimaryKey() && !Unaudited.Contains(p.Metadata.Name)).ToList();
            var changed = entry.State == EntityState.Modified ? props.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList() : props;
            if (entry.State == EntityState.Modified && changed.Count == 0) continue;
            // Old values must be read now, before SaveChanges accepts them; new values after (ids of added rows).
            var deleted = entry.State == EntityState.Deleted;
            var old = changed.ToDictionary(p => p.Metadata.Name, p => entry.State == EntityState.Added ? null : p.OriginalValue);
            trail._pending.Add(new Pending(entry, action, schoolId, () => JsonSerializer.Serialize(
                changed.ToDictionary(p => p.Metadata.Name, p => new { old = old[p.Metadata.Name], @new = deleted ? null : p.CurrentValue }), Json)));
        }
        return trail;
    }

    /// <summary>The audit rows of the collected changes, once they are saved.</summary>
    public IEnumerable<AuditEntry> Entries(DateTime at, string userName) => _pending.Select(p => new AuditEntry
    {
        SchoolId = p.SchoolId, At = at, UserName = userName, EntityType = p.Entry.Metadata.ClrType.Name,
        EntityId = ((IAudited)p.Entry.Entity).Id, Action = p.Action, Changes = p.Changes(),
    }).ToList();
}

/// <summary>
/// Events that change no record but belong in the trail beside the changes: sign-ins (kind "SignIn": succeeded, failed,
/// throttled) and downloads of files with personal data (kind "Export"). Written at once, in their own save.
/// </summary>
public static class AuditEvents
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task RecordAsync(AppDbContext db, int? schoolId, string userName, string kind, string action, object details, CancellationToken ct = default)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            SchoolId = schoolId, At = db.Clock.UtcTime(), UserName = userName.Length > 256 ? userName[..256] : userName,
            EntityType = kind, Action = action, Changes = JsonSerializer.Serialize(details, Json),
        });
        await db.SaveChangesAsync(ct);
    }
}
