using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Staff;

/// <summary>The registry's filter, sort and paging; shared by the list page, its export and the API.</summary>
public sealed class StaffFilter
{
    public string? Q { get; set; }
    public string? Dept { get; set; }
    /// <summary>active (default), archived, noconsent, all.</summary>
    public string? Status { get; set; }
    /// <summary>name, -name, dept, exp, -exp, age, -age.</summary>
    public string? Sort { get; set; }
    // "page" is reserved by Razor Pages for the page's own route value.
    [Microsoft.AspNetCore.Mvc.ModelBinder(Name = "p")]
    public int Page { get; set; } = 1;
    public int Size { get; set; } = 25;

    public IQueryable<Person> Apply(IQueryable<Person> people)
    {
        people = Status switch
        {
            "archived" => people.Where(p => p.IsArchived),
            "noconsent" => people.Where(p => !p.IsArchived && p.Consent != ConsentStatus.Given),
            "all" => people,
            _ => people.Where(p => !p.IsArchived),
        };
        if (!string.IsNullOrWhiteSpace(Dept)) people = people.Where(p => p.Department == Dept);
        foreach (var word in RussianText.Fold(Q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(5))
        {
            var pattern = "%" + word.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            people = people.Where(p => EF.Functions.Like(p.SearchText, pattern, "\\"));
        }
        return Sort switch
        {
            "-name" => people.OrderByDescending(p => NameOrder.Key(p.LastName)).ThenByDescending(p => NameOrder.Key(p.FirstName)).ThenByDescending(p => p.Id),
            "dept" => people.OrderBy(p => p.Department).ThenBy(p => NameOrder.Key(p.LastName)).ThenBy(p => p.Id),
            "exp" => people.OrderBy(p => p.ExperienceYears).ThenBy(p => NameOrder.Key(p.LastName)).ThenBy(p => p.Id),
            "-exp" => people.OrderByDescending(p => p.ExperienceYears).ThenBy(p => NameOrder.Key(p.LastName)).ThenBy(p => p.Id),
            "age" => people.OrderByDescending(p => p.BirthYear).ThenBy(p => NameOrder.Key(p.LastName)).ThenBy(p => p.Id),
            "-age" => people.OrderBy(p => p.BirthYear).ThenBy(p => NameOrder.Key(p.LastName)).ThenBy(p => p.Id),
            _ => people.OrderBy(p => NameOrder.Key(p.LastName)).ThenBy(p => NameOrder.Key(p.FirstName)).ThenBy(p => NameOrder.Key(p.MiddleName)).ThenBy(p => p.Id),
        };
    }

    public int SafePage => Math.Max(1, Page);
    public int SafeSize => Math.Clamp(Size, 5, 200);
}

public sealed record StaffRow(int Id, string LastName, string FirstName, string? MiddleName, string? Position, string? Department,
    int? ExperienceYears, int? BirthYear, QualificationCategory Category, ConsentStatus Consent, bool IsArchived)
{
    public string FullName => PersonName.Full(LastName, FirstName, MiddleName);
    /// <summary>Full years this calendar year; set by <see cref="StaffQueries.PageAsync"/> from the application's clock.</summary>
    public int? Age { get; init; }
}

public sealed record StaffPage(IReadOnlyList<StaffRow> Rows, int Total, int Page, int Size)
{
    public int Pages => Math.Max(1, (Total + Size - 1) / Size);
}

public static class StaffQueries
{
    public static IQueryable<StaffRow> ToRows(this IQueryable<Person> people) =>
        people.Select(p => new StaffRow(p.Id, p.LastName, p.FirstName, p.MiddleName, p.Position, p.Department, p.ExperienceYears, p.BirthYear, p.Category, p.Consent, p.IsArchived));

    public static async Task<StaffPage> PageAsync(this AppDbContext db, StaffFilter filter, CancellationToken ct = default)
    {
        var query = filter.Apply(db.People.AsNoTracking());
        var total = await query.CountAsync(ct);
        var page = Math.Min(filter.SafePage, Math.Max(1, (total + filter.SafeSize - 1) / filter.SafeSize));
        var rows = await query.Skip((page - 1) * filter.SafeSize).Take(filter.SafeSize).ToRows().ToListAsync(ct);
        var year = db.Clock.Today().Year;
        return new StaffPage(rows.Select(r => r with { Age = year - r.BirthYear }).ToList(), total, page, filter.SafeSize);
    }

    public static Task<List<string>> DepartmentsAsync(this AppDbContext db, CancellationToken ct = default) =>
        db.People.Where(p => p.Department != null).Select(p => p.Department!).Distinct().OrderBy(d => d).ToListAsync(ct);
}
