using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Nastavnik.Web.Data.Migrations;

// One context type per provider, so each provider has its own EF Core migrations and model snapshot in this assembly
// (Data/Migrations/Sqlite, Data/Migrations/Postgres). The model is AppDbContext's; the application asks for AppDbContext
// and DatabaseSetup registers the type of the configured provider. See docs/decisions/ADR-005-ef-migrations.md.

/// <summary>The application's context on SQLite: the owner of the migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, CurrentSchool school, TimeProvider clock) : AppDbContext(options, school, clock);

/// <summary>The application's context on PostgreSQL: the owner of the migrations in Data/Migrations/Postgres.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, CurrentSchool school, TimeProvider clock) : AppDbContext(options, school, clock);

/// <summary>For <c>dotnet ef migrations add --context SqliteAppDbContext</c>: the model without the host and without a database.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(DatabaseSetup.DefaultSqlite).Options, DesignTime.School, TimeProvider.System);
}

/// <summary>For <c>dotnet ef migrations add --context PostgresAppDbContext</c>: no server is contacted to generate a migration.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(DesignTime.PostgresConnection).Options, DesignTime.School, TimeProvider.System);
}

internal static class DesignTime
{
    /// <summary>Only used by commands that connect (e.g. <c>dotnet ef database update</c>); override with NASTAVNIK_DESIGN_PG.</summary>
    public static string PostgresConnection =>
        Environment.GetEnvironmentVariable("NASTAVNIK_DESIGN_PG") ?? "Host=localhost;Database=nastavnik;Username=nastavnik";

    /// <summary>No HTTP context: unrestricted, as for startup and command-line work.</summary>
    public static CurrentSchool School => new(new HttpContextAccessor());
}
