using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;

namespace Nastavnik.Web.Data;

/// <summary>
/// The one cache of what pages compute from the data (the teacher's home and cabinet, the curator's board): an entry is served
/// only to the viewer who computed it (school, account, person, roles; so the privacy filters that applied to the computation
/// apply to every reuse) and only while the school's data stamp (<see cref="DataStamp"/>) and the minute of the application's
/// clock are the same. A write anywhere in the school, on any node, makes the next request compute afresh; nothing is kept in
/// memory that another node would need. Entries live two minutes at most.
/// </summary>
public sealed class ViewerCache(TimeProvider clock, IHttpContextAccessor http) : IDisposable
{
    private const int MaxEntries = 20_000;
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });

    private readonly record struct Key(string What, object? Arg, int? School, string User, int Person, bool Manager, string Roles,
        long Version, long Minute);

    /// <summary>
    /// The value of <paramref name="compute"/> for this viewer, <paramref name="what"/> and <paramref name="arg"/> (a value with
    /// equality: an id, a tuple), computed again when the school's data or the minute changed.
    /// </summary>
    public async Task<T> GetAsync<T>(AppDbContext db, string what, object? arg, Func<Task<T>> compute, CancellationToken ct = default)
    {
        var version = await db.DataVersionAsync(ct);
        var user = http.HttpContext?.User;
        var roles = user is null ? "" : string.Join(",", user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal));
        var key = new Key(what, arg, db.TenantId, db.ViewerUserId, db.ViewerPersonId, db.IsSchoolManager, roles, version,
            clock.GetUtcNow().ToUnixTimeSeconds() / 60);
        // One computation per key: the same viewer asking again while it runs (a double click, a second tab) waits for it.
        Lazy<Task<T>>? mine = null;
        var entry = _cache.GetOrCreate(key, e =>
        {
            e.Size = 1;
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(2);
            return mine = new Lazy<Task<T>>(compute);
        })!;
        try
        {
            return await entry.Value;
        }
        catch when (entry != mine && !ct.IsCancellationRequested)
        {
            // The request that started the computation failed or went away: this one computes its own.
            return await compute();
        }
        catch
        {
            _cache.Remove(key);   // a failed computation is not kept: the next request tries again
            throw;
        }
    }

    public void Dispose() => _cache.Dispose();
}
