using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;

namespace Nastavnik.Web.Data;

/// <summary>
/// The one cache of what pages compute from the data (the teacher's home and cabinet, the curator's board, the monitoring pages, the
/// competency map, the registry, the matching page): an entry is served only to the viewer who computed it (school, account, person,
/// roles; so the privacy filters that applied to the computation apply to every reuse) and only while the school's data stamp
/// (<see cref="DataStamp"/>) and the minute of the application's clock are the same. A write anywhere in the school, on any node,
/// makes the next request compute afresh, and that result replaces the stale one at once: a viewer holds one entry per page and
/// argument, so a school that writes all the time does not fill the memory with results nobody can use again. Nothing is kept in
/// memory that another node would need. Entries live two minutes at most.
/// </summary>
public sealed class ViewerCache(TimeProvider clock, IHttpContextAccessor http) : IDisposable
{
    private const int MaxEntries = 20_000;
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    private readonly record struct Key(string What, object? Arg, int? School, string User, int Person, bool Manager, string Roles);

    /// <summary>A computation and the data stamp and minute it was started at.</summary>
    private sealed record Stamped<T>(long Version, long Minute, Lazy<Task<T>> Value);

    /// <summary>
    /// The value of <paramref name="compute"/> for this viewer, <paramref name="what"/> and <paramref name="arg"/> (a value with
    /// equality: an id, a tuple), computed again when the school's data or the minute changed.
    /// </summary>
    public async Task<T> GetAsync<T>(AppDbContext db, string what, object? arg, Func<Task<T>> compute, CancellationToken ct = default)
    {
        var version = await db.DataVersionAsync(ct);
        var minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        var user = http.HttpContext?.User;
        var roles = user is null ? "" : string.Join(",", user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal));
        var key = new Key(what, arg, db.TenantId, db.ViewerUserId, db.ViewerPersonId, db.IsSchoolManager, roles);
        // One computation per key and stamp: the same viewer asking again while it runs (a double click, a second tab) waits for it.
        var entry = _cache.Get<Stamped<T>>(key);
        Stamped<T>? mine = null;
        if (entry is null || (entry.Version, entry.Minute) != (version, minute))
        {
            mine = new Stamped<T>(version, minute, new Lazy<Task<T>>(compute));
            // A request that read an older stamp than the entry's (it raced a write) computes for itself and keeps nothing.
            if (entry is not null && (entry.Version > version || entry.Minute > minute)) return await mine.Value.Value;
            _cache.Set(key, entry = mine, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(2) });
        }
        try
        {
            return await entry.Value.Value;
        }
        catch when (!ReferenceEquals(entry, mine) && !ct.IsCancellationRequested)
        {
            // The request that started the computation failed or went away: this one computes its own.
            return await compute();
        }
        catch
        {
            if (ReferenceEquals(_cache.Get(key), entry)) _cache.Remove(key);   // a failed computation is not kept: the next request tries again
            throw;
        }
    }

    public void Dispose() => _cache.Dispose();
}
