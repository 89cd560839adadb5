using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Time.Testing;
using Nastavnik.Web.Data;

namespace Nastavnik.Tests.Data;

/// <summary>
/// Tenancy by construction: walking the model, every entity with a SchoolId is school-owned and carries the tenant filter, and
/// saving any school-owned row through a school's context stamps it with that school. A new entity that misses either fails here.
/// </summary>
public sealed class TenancyByConstructionTests
{
    /// <summary>Entities that have a SchoolId on purpose without being <see cref="ISchoolOwned"/>, and whether they are filtered.</summary>
    private static readonly Dictionary<Type, (bool Filtered, string Why)> Exceptions = new()
    {
        // Identity's accounts: sign-in finds an account by its name before any school is known, so the account table must not be
        // filtered; the pages that list accounts (Admin/Users) select the school's accounts themselves.
        [typeof(AppUser)] = (false, "sign-in reads accounts before a school is known"),
        // The audit trail: SchoolId is nullable (system work such as the CLI has no school), so it cannot be ISchoolOwned; it is
        // filtered by school all the same, and its rows take the audited record's school (AuditTrail), not the stamp.
        [typeof(AuditEntry)] = (true, "system work writes audit rows without a school"),
    };

    [Fact]
    public void Every_entity_with_a_SchoolId_is_school_owned_and_filtered_by_school()
    {
        using var database = new ModelDatabase();
        using var db = database.Context(school: null);
        Violations(db.Model).ShouldBeEmpty();
        // The walk sees the whole model, not an empty list: the school-owned entities of every area are there.
        db.Model.GetEntityTypes().Count(t => typeof(ISchoolOwned).IsAssignableFrom(t.ClrType)).ShouldBeGreaterThanOrEqualTo(25);
    }

    [Fact]
    public void An_entity_with_a_SchoolId_but_no_marker_or_no_filter_is_named()
    {
        using var database = new ModelDatabase();
        using var db = database.Context<StrayContext>(school: null);
        var violations = Violations(db.Model);
        violations.ShouldContain(v => v.StartsWith(nameof(StrayNote) + " has a SchoolId but is not ISchoolOwned", StringComparison.Ordinal));
        violations.ShouldContain(v => v.StartsWith(nameof(LateNote) + " is ISchoolOwned but has no \"Tenant\" query filter", StringComparison.Ordinal));
        violations.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Every_school_owned_entity_is_stamped_with_the_school_on_save()
    {
        using var database = new ModelDatabase();
        IEntityType[] owned;
        await using (var db = database.Context(school: null))
        {
            await db.Database.EnsureCreatedAsync();
            owned = db.Model.GetEntityTypes().Where(t => typeof(ISchoolOwned).IsAssignableFrom(t.ClrType)).ToArray();
        }
        await using (var db = database.Context(school: 7))
        {
            // Rows as code would write them without naming a school (foreign keys are off: each row stands alone).
            foreach (var type in owned) db.Add(Blank(type));
            await db.SaveChangesAsync();
        }
        await using (var db = database.Context(school: null))
        {
            var unstamped = new List<string>();
            foreach (var type in owned)
            {
                var sql = $"SELECT \"SchoolId\" AS \"Value\" FROM \"{type.GetTableName()}\""; // a table name of the model
                var schools = await db.Database.SqlQueryRaw<int>(sql).ToListAsync();
                if (schools is not [7]) unstamped.Add($"{type.ClrType.Name}: [{string.Join(", ", schools)}]");
            }
            unstamped.ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task Each_context_reads_only_its_own_school_though_the_model_and_the_query_are_shared()
    {
        using var database = new ModelDatabase();
        await using (var db = database.Context(school: null))
        {
            await db.Database.EnsureCreatedAsync();
            db.Directions.AddRange(new Direction { SchoolId = 1, Code = "A", Name = "Школа 1" }, new Direction { SchoolId = 2, Code = "B", Name = "Школа 2" });
            await db.SaveChangesAsync();
        }
        static Task<List<string>> Names(AppDbContext db) => db.Directions.OrderBy(d => d.Code).Select(d => d.Name).ToListAsync();
        await using (var one = database.Context(school: 1)) (await Names(one)).ShouldBe(["Школа 1"]);
        await using (var two = database.Context(school: 2)) (await Names(two)).ShouldBe(["Школа 2"]);
        await using (var system = database.Context(school: null)) (await Names(system)).ShouldBe(["Школа 1", "Школа 2"]);
    }

    [Fact]
    public async Task Creation_and_update_times_and_the_audit_come_from_the_application_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 5, 8, 30, 0, TimeSpan.Zero));
        using var database = new ModelDatabase();
        await using (var db = database.Context(school: null, clock)) await db.Database.EnsureCreatedAsync();
        await using (var db = database.Context(school: 3, clock))
        {
            db.People.Add(new Person { LastName = "Часова", FirstName = "Вера" });
            await db.SaveChangesAsync();
            clock.Advance(TimeSpan.FromHours(2));
            var person = await db.People.SingleAsync();
            person.Position = "Учитель";
            await db.SaveChangesAsync();
        }
        await using (var db = database.Context(school: null, clock))
        {
            var person = await db.People.SingleAsync();
            person.CreatedAt.ShouldBe(new DateTime(2026, 11, 5, 8, 30, 0));
            person.UpdatedAt.ShouldBe(new DateTime(2026, 11, 5, 10, 30, 0));
            person.Version.ShouldBe(1);
            person.SearchText.ShouldBe("часова вера учитель");
            (await db.AuditEntries.OrderBy(a => a.Id).Select(a => new { a.Action, a.At, a.SchoolId }).ToListAsync()).ShouldBe(
                [new { Action = "create", At = new DateTime(2026, 11, 5, 8, 30, 0), SchoolId = (int?)3 }, new { Action = "update", At = new DateTime(2026, 11, 5, 10, 30, 0), SchoolId = (int?)3 }]);
        }
    }

    private static List<string> Violations(IModel model)
    {
        var violations = new List<string>();
        foreach (var type in model.GetEntityTypes())
        {
            var name = type.ClrType.Name;
            var filtered = type.FindDeclaredQueryFilter(Tenancy.FilterName) is not null;
            var owned = typeof(ISchoolOwned).IsAssignableFrom(type.ClrType);
            if (Exceptions.TryGetValue(type.ClrType, out var exception))
            {
                if (filtered != exception.Filtered) violations.Add($"{name} is a listed exception ({exception.Why}) but its tenant filter is {(filtered ? "there" : "missing")}");
                continue;
            }
            if (type.FindProperty(SchoolData.SchoolIdProperty) is not null && !owned) violations.Add($"{name} has a SchoolId but is not ISchoolOwned");
            if (owned && !filtered) violations.Add($"{name} is ISchoolOwned but has no \"{Tenancy.FilterName}\" query filter");
        }
        return violations;
    }

    /// <summary>An instance with every required text and binary column filled and its school left unset.</summary>
    private static object Blank(IEntityType type)
    {
        var row = Activator.CreateInstance(type.ClrType)!;
        foreach (var p in type.GetProperties().Where(p => p.PropertyInfo is not null && !p.IsNullable && !p.IsPrimaryKey()))
        {
            if (p.ClrType == typeof(string)) p.PropertyInfo!.SetValue(row, "x");
            else if (p.ClrType == typeof(byte[])) p.PropertyInfo!.SetValue(row, Array.Empty<byte>());
        }
        return row;
    }

    /// <summary>A private in-memory SQLite database without foreign key checks, and contexts over it scoped to a school.</summary>
    private sealed class ModelDatabase : IDisposable
    {
        private readonly SqliteConnection _connection = new("Data Source=:memory:");

        public ModelDatabase()
        {
            _connection.Open();
            using var off = _connection.CreateCommand();
            off.CommandText = "PRAGMA foreign_keys = OFF";
            off.ExecuteNonQuery();
        }

        public AppDbContext Context(int? school, TimeProvider? clock = null) => Context<AppDbContext>(school, clock);

        public T Context<T>(int? school, TimeProvider? clock = null) where T : AppDbContext
        {
            var current = new CurrentSchool(new HttpContextAccessor());
            current.Use(school);
            var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(_connection).Options;
            return (T)Activator.CreateInstance(typeof(T), options, current, clock ?? TimeProvider.System)!;
        }

        public void Dispose() => _connection.Dispose();
    }

    public sealed class StrayNote
    {
        public int Id { get; set; }
        public int SchoolId { get; set; }
    }

    public sealed class LateNote : ISchoolOwned
    {
        public int Id { get; set; }
        public int SchoolId { get; set; }
    }

    /// <summary>The application's model plus two entities configured the wrong ways, to prove the walk names them.</summary>
    public sealed class StrayContext(DbContextOptions<AppDbContext> options, CurrentSchool school, TimeProvider clock) : AppDbContext(options, school, clock)
    {
        protected override void OnModelCreating(ModelBuilder b)
        {
            base.OnModelCreating(b);
            b.Entity<StrayNote>();
            b.Entity<LateNote>(); // added after the tenant loop has run, as a configuration outside it would be
        }
    }
}
