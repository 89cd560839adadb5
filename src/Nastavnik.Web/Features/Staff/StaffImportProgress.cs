using System.Collections.Concurrent;

namespace Nastavnik.Web.Features.Staff;

/// <summary>How far a running commit is: rows written of all rows.</summary>
public sealed record ImportProgress(int Done, int Total);

/// <summary>
/// The staff imports running in this process, by upload: a second commit of the same upload is refused while the first runs, and
/// the page polls how many rows are written. Kept in memory (one server process), not in the database: on SQLite the commit's
/// transaction holds the only write lock, so a progress row could not be written beside it.
/// </summary>
public sealed class StaffImportProgress
{
    private readonly ConcurrentDictionary<Guid, ImportProgress> _running = new();

    public bool TryBegin(Guid uploadId) => _running.TryAdd(uploadId, new ImportProgress(0, 0));
    public void Report(Guid uploadId, int done, int total) => _running[uploadId] = new ImportProgress(done, total);
    public void End(Guid uploadId) => _running.TryRemove(uploadId, out _);
    public ImportProgress? Find(Guid uploadId) => _running.TryGetValue(uploadId, out var p) ? p : null;
}
