using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Demo;

namespace Nastavnik.Web.Hosting;

public static class DatabaseStartup
{
    /// <summary>
    /// <see cref="PrepareDatabaseAsync"/> for a starting node: a database it cannot reach is one log entry and exit code 1 (the
    /// service manager starts the node again, systemd's <c>Restart=on-failure</c>), not an unhandled exception and an abort.
    /// </summary>
    public static async Task<bool> TryPrepareDatabaseAsync(this WebApplication app)
    {
        try
        {
            await app.Services.PrepareDatabaseAsync(app.Configuration);
            return true;
        }
        catch (Exception e) when (e.FaultOf() == DatabaseFault.Unavailable)
        {
            app.Logger.LogCritical(e, "The database cannot be reached at start ({Reason}); the node exits", e.GetBaseException().Message);
            return false;
        }
    }

    /// <summary>On start: migrate when configured (default for SQLite), create roles, and the demo school in an empty database.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, IConfiguration config)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.AutoMigrate ?? options.Provider == DatabaseProvider.Sqlite)
            await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync();
        await EnsureRolesAsync(scope.ServiceProvider);
        var demo = scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (demo.Enabled && !await db.Organizations.AnyAsync())
            await scope.ServiceProvider.GetRequiredService<DemoSchool>().CreateAsync();
    }

    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<Microsoft.AspNetCore.Identity.RoleManager<Microsoft.AspNetCore.Identity.IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new(role));
        }
    }
}

/// <summary>What a person starting Nastavnik reads: the address, the demo logins or what to do in an empty database.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Urls.Count > 0 ? string.Join(", ", app.Urls) : "http://localhost:5080";
        var demo = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (Observability.JsonLogs(app.Configuration))
        {
            // A server's log: JSON lines only. The address is in the host's own entry «Now listening on»; no password is logged.
            using var scope = app.Services.CreateScope();
            if (!demo.Enabled && !scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Any())
                app.Logger.LogWarning("No accounts yet: create the school and its first administrator (README, \"A real school\")");
            return;
        }
        Console.WriteLine();
        Console.WriteLine($"Nastavnik is running: {addresses}");
        if (demo.Enabled)
        {
            Console.WriteLine("Demo logins (user / password):");
            foreach (var l in DemoSchool.Logins) Console.WriteLine($"  {l.UserName,-13} {l.Password,-17} {l.Who}");
        }
        else
        {
            using var scope = app.Services.CreateScope();
            if (!scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Any())
            {
                Console.WriteLine("No accounts yet. Create the school and its first administrator (README, \"A real school\"):");
                Console.WriteLine("  nastavnik school create --name \"…\"");
                Console.WriteLine("  nastavnik user create --username … --password … --role administrator --school ID");
            }
        }
        Console.WriteLine("Press Ctrl+C to stop.");
        Console.WriteLine();
    }
}
