using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nastavnik.Web.Data.Migrations;

namespace Nastavnik.Web.Data;

public enum DatabaseProvider { Sqlite, PostgreSQL }

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations on start. Defaults to on for SQLite (the one-machine install), off for PostgreSQL.</summary>
    public bool? AutoMigrate { get; set; }
}

public static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=data/nastavnik.db";

    public static IServiceCollection AddNastavnikDatabase(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration("Database");
        var options = config.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connection = config.GetConnectionString("Nastavnik");

        services.AddHttpContextAccessor();
        // The one clock of the application: code asks it for the time, so tests can set the date.
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<CurrentSchool>();
        // The context type of the provider carries that provider's migrations (ADR-005); everything else asks for AppDbContext.
        if (options.Provider == DatabaseProvider.PostgreSQL)
        {
            services.AddDbContext<AppDbContext, PostgresAppDbContext>(db =>
            {
                if (string.IsNullOrWhiteSpace(connection))
                    throw new InvalidOperationException("Database:Provider is PostgreSQL but ConnectionStrings:Nastavnik is empty.");
                // Reads survive a restart of the server; writes run once (ReadRetryStrategy).
                db.UseNpgsql(connection, npgsql => npgsql.ExecutionStrategy(d => new ReadRetryStrategy(d))).AddInterceptors(Marker);
            });
        }
        else
        {
            services.AddDbContext<AppDbContext, SqliteAppDbContext>(db => db.UseSqlite(EnsureSqliteFolder(connection ?? DefaultSqlite)));
        }
        services.AddScoped<Migrator>();
        return services;
    }

    private static readonly WriteMarker Marker = new();

    private static string EnsureSqliteFolder(string connection)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection);
        if (builder.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:"
            || builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) return builder.ToString();
        var file = Path.GetFullPath(builder.DataSource);
        var dir = Path.GetDirectoryName(file);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        // The file holds the school's personal data: created readable and writable by the account that runs the app only
        // (SQLite gives its -wal and -shm files the same mode).
        if (!File.Exists(file) && !OperatingSystem.IsWindows())
        {
            try
            {
                using var created = new FileStream(file, new FileStreamOptions
                { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite });
            }
            catch (IOException) when (File.Exists(file)) { }
        }
        return builder.ToString();
    }

    public static DatabaseProvider ProviderOf(this DbContext db) =>
        db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL" ? DatabaseProvider.PostgreSQL : DatabaseProvider.Sqlite;
}
