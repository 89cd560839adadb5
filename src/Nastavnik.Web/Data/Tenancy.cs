using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Nastavnik.Web.Data;

/// <summary>
/// Tenancy by construction: every entity that implements <see cref="ISchoolOwned"/> gets the same named query filter and is
/// stamped with the school on save, so a new school-owned entity cannot forget either (Data/TenancyByConstructionTests checks it).
/// </summary>
public static class Tenancy
{
    /// <summary>The name of the query filter that keeps every school's records to itself.</summary>
    public const string FilterName = "Tenant";

    private static readonly PropertyInfo TenantId =
        typeof(AppDbContext).GetProperty(nameof(AppDbContext.TenantId), BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)!;

    /// <summary>
    /// Applies <c>x => TenantId == null || x.SchoolId == TenantId</c> to every school-owned entity, and to the audit trail,
    /// whose SchoolId is nullable (system work has no school) and which therefore is not <see cref="ISchoolOwned"/>.
    /// </summary>
    internal static void ApplyFilters(ModelBuilder b, AppDbContext db)
    {
        var types = b.Model.GetEntityTypes().Select(t => t.ClrType).Where(t => typeof(ISchoolOwned).IsAssignableFrom(t)).ToList();
        foreach (var type in types.Append(typeof(AuditEntry)))
            b.Entity(type).HasQueryFilter(FilterName, Filter(type, db));
    }

    // The context enters the expression as a constant of the context type, as `this` does in a lambda written in
    // OnModelCreating: EF replaces it with the context that runs the query, so TenantId is read per context, not baked in.
    private static LambdaExpression Filter(Type type, AppDbContext db)
    {
        var x = Expression.Parameter(type, "x");
        var tenant = Expression.Property(Expression.Constant(db, typeof(AppDbContext)), TenantId);
        Expression school = Expression.Property(x, nameof(ISchoolOwned.SchoolId));
        if (school.Type != typeof(int?)) school = Expression.Convert(school, typeof(int?));
        var unrestricted = Expression.Equal(tenant, Expression.Constant(null, typeof(int?)));
        return Expression.Lambda(Expression.OrElse(unrestricted, Expression.Equal(school, tenant)), x);
    }

    /// <summary>
    /// Stamps new school-owned rows with the current school and refuses to write a row of another school.
    /// System work (no tenant) writes what it is given.
    /// </summary>
    internal static void Stamp(ChangeTracker tracker, int? tenantId)
    {
        foreach (var entry in tracker.Entries<ISchoolOwned>())
        {
            if (entry.State == EntityState.Added && entry.Entity.SchoolId == 0 && tenantId is > 0)
                entry.Entity.SchoolId = tenantId.Value;
            if (entry.State is EntityState.Added or EntityState.Modified && tenantId is not null && entry.Entity.SchoolId != tenantId)
                throw new InvalidOperationException("A record of another school cannot be written.");
        }
    }
}
