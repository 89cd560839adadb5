using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace Nastavnik.Web.Text;

/// <summary>
/// Alphabetical order of people's names in the database: «ё» sorts as «е» (Ёлкина between Ежовой and Жуковой), as in a printed
/// staff list. Both databases compare by code point here (SQLite's BINARY, PostgreSQL's C.UTF-8), where «Ё» and «ё» come before «А»
/// and after «я»; the name is stored with its «ё» and only the sort key folds it. Used in every ORDER BY of a name
/// (<c>OrderBy(p =&gt; NameOrder.Key(p.LastName))</c>); mapped to <c>replace(replace(name, 'Ё', 'Е'), 'ё', 'е')</c> on both providers.
/// </summary>
public static class NameOrder
{
    /// <summary>The sort key of a name part; in memory the same folding as in SQL.</summary>
    public static string? Key(string? name) => name?.Replace('Ё', 'Е').Replace('ё', 'е');

    /// <summary>Registers <see cref="Key"/> as a database function (AppDbContext's model).</summary>
    public static void Register(ModelBuilder b) =>
        b.HasDbFunction(typeof(NameOrder).GetMethod(nameof(Key))!).HasTranslation(args => Replace(Replace(args[0], "Ё", "Е"), "ё", "е"));

    private static SqlFunctionExpression Replace(SqlExpression text, string from, string to) => new(
        "replace",
        [text, new SqlConstantExpression(from, typeof(string), text.TypeMapping), new SqlConstantExpression(to, typeof(string), text.TypeMapping)],
        nullable: true, argumentsPropagateNullability: [true, false, false], typeof(string), text.TypeMapping);
}
