using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Staff;

[Authorize(Policy = Policies.StaffRead)]
public class IndexModel(AppDbContext db, ViewerCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)] public StaffFilter Filter { get; set; } = new();
    public StaffPage Result { get; private set; } = new([], 0, 1, 25);
    public List<string> Departments { get; private set; } = [];
    public bool CanEdit => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Curator);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // The page of the registry and the departments of its filter, once per viewer and filter until the school's data changes.
        (Result, Departments) = await cache.GetAsync(db, "registry", (Filter.Q, Filter.Dept, Filter.Status, Filter.Sort, Filter.Page, Filter.Size),
            async () => (await db.PageAsync(Filter, ct), await db.DepartmentsAsync(ct)), ct);
        Response.Headers.Vary = "HX-Request";
        return Request.Headers.ContainsKey("HX-Request") ? Partial("_Table", this) : Page();
    }

    public string Link(int? page = null, string? sort = null) =>
        Url.Page("/Staff/Index", new { Filter.Q, Filter.Dept, Filter.Status, Sort = sort ?? Filter.Sort, p = page ?? 1 })!;

    public string SortLink(string column) => Link(sort: Filter.Sort == column ? "-" + column : column);

    public string SortMark(string column) => Filter.Sort == column || (column == "name" && string.IsNullOrEmpty(Filter.Sort)) ? " ↑" : Filter.Sort == "-" + column ? " ↓" : "";
}
