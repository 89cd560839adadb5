using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Demo;

/// <summary>
/// Whether this installation holds the demo school (its logins are published), so that every page can say so. Asked once a
/// minute at most: the demo school appears only on the first start of an empty database or by `demo reset`.
/// </summary>
public sealed class DemoInstallation(IServiceScopeFactory scopes, TimeProvider clock)
{
    private volatile Known? _known;

    private sealed record Known(bool Value, DateTimeOffset At);

    public async Task<bool> IsDemoAsync()
    {
        if (_known is { } k && (k.Value || clock.GetUtcNow() - k.At < TimeSpan.FromMinutes(1))) return k.Value;
        // Two requests at once may both ask; the answer is the same.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var demo = await db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.IsDemo);
        _known = new Known(demo, clock.GetUtcNow());
        return demo;
    }
}
