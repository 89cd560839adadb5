using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Nastavnik.Web.Data;

/// <summary>All the records of a school, found and ordered from the model rather than from a list of tables.</summary>
public static class SchoolData
{
    public const string SchoolIdProperty = "SchoolId";

    private static readonly MethodInfo DeleteRowsMethod =
        typeof(SchoolData).GetMethod(nameof(DeleteRowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>
    /// The entity types whose rows belong to a school (they have a SchoolId: the school-owned records, accounts and the audit
    /// trail), each after every one that references it by a foreign key, so deleting in this order never breaks a key.
    /// Rows of other tables that hang off them (an account's roles, claims, logins and tokens) go by the database's cascade.
    /// </summary>
    public static IReadOnlyList<IEntityType> DeletionOrder(IModel model)
    {
        var schoolTypes = model.GetEntityTypes().Where(t => t.FindProperty(SchoolIdProperty) is not null).OrderBy(t => t.Name).ToList();
        var inSchool = schoolTypes.ToHashSet();
        var order = new List<IEntityType>();
        var done = new Dictionary<IEntityType, bool>(); // false while its dependents are being placed
        void Place(IEntityType type)
        {
            if (done.TryGetValue(type, out var placed))
            {
                if (!placed) throw new InvalidOperationException($"The foreign keys of {type.ClrType.Name} form a cycle: the school's tables have no deletion order.");
                return;
            }
            done[type] = false;
            foreach (var fk in type.GetReferencingForeignKeys().Where(fk => inSchool.Contains(fk.DeclaringEntityType)))
                Place(fk.DeclaringEntityType);
            done[type] = true;
            order.Add(type);
        }
        foreach (var type in schoolTypes) Place(type);
        return order;
    }

    /// <summary>Deletes every row of the given schools from each of their tables, dependents first (the organizations stay).</summary>
    public static async Task DeleteAsync(AppDbContext db, IReadOnlyCollection<int> schoolIds, CancellationToken ct)
    {
        var ids = schoolIds.Select(id => (int?)id).ToList();
        foreach (var type in DeletionOrder(db.Model))
            await (Task<int>)DeleteRowsMethod.MakeGenericMethod(type.ClrType).Invoke(null, [db, ids, ct])!;
    }

    // DELETE FROM <table> WHERE SchoolId IN (...), past the query filters: the tenant and privacy rules are for reading.
    private static Task<int> DeleteRowsAsync<T>(AppDbContext db, List<int?> schoolIds, CancellationToken ct) where T : class
    {
        var x = Expression.Parameter(typeof(T), "x");
        Expression school = Expression.Property(x, SchoolIdProperty);
        if (school.Type != typeof(int?)) school = Expression.Convert(school, typeof(int?));
        var inSchools = Expression.Call(Expression.Constant(schoolIds), typeof(List<int?>).GetMethod(nameof(List<int?>.Contains))!, school);
        return db.Set<T>().IgnoreQueryFilters().Where(Expression.Lambda<Func<T, bool>>(inSchools, x)).ExecuteDeleteAsync(ct);
    }
}
