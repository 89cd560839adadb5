using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Account;
using Nastavnik.Web.Features.Notifications;
using Nastavnik.Web.Features.Staff;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Admin.Users;

/// <summary>
/// Accounts for many staff at once: the page lists the active staff without an account that the registry's filter shows
/// (search, department; the registry links here with its own filter), each ticked when it has consent. One button creates
/// accounts for the ticked people, another for everyone the filter shows; the result page prints the slips.
/// </summary>
[Authorize(Policy = Policies.UsersManage)]
public class BulkModel(AppDbContext db, BulkAccountCommands bulk, IOptions<PublicUrlOptions> publicUrl) : PageModel
{
    public sealed record Candidate(int Id, string Name, string? Department, string? Email, ConsentStatus Consent);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dept { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty] public List<int> Selected { get; set; } = [];

    public List<Candidate> Candidates { get; private set; } = [];
    public List<string> Departments { get; private set; } = [];
    public int WithAccount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostSelectedAsync(CancellationToken ct) => CreateAsync(new BulkSelection(PersonIds: Selected), ct);

    public Task<IActionResult> OnPostAllAsync(CancellationToken ct) => CreateAsync(new BulkSelection(Q: Q, Dept: Dept, Status: Status), ct);

    private async Task<IActionResult> CreateAsync(BulkSelection selection, CancellationToken ct)
    {
        var result = await bulk.CreateAsync(db.School.SchoolId!.Value, selection, User.Identity!.Name!, PublicAddress.For(Request, publicUrl.Value), ct);
        if (result.Error is { } error)
        {
            error.AddTo(ModelState);
            await LoadAsync(ct);
            return Page();
        }
        return RedirectToPage("Slips", new { id = result.Value!.SlipsId });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var schoolId = db.School.SchoolId;
        var filtered = new StaffFilter { Q = Q, Dept = Dept, Status = Status }.Apply(db.People.AsNoTracking()).Where(p => !p.IsArchived);
        var accounts = db.Users.Where(u => u.SchoolId == schoolId && u.PersonId != null).Select(u => u.PersonId);
        WithAccount = await filtered.CountAsync(p => accounts.Contains(p.Id), ct);
        Candidates = (await filtered.Where(p => !accounts.Contains(p.Id))
            .Select(p => new { p.Id, p.LastName, p.FirstName, p.MiddleName, p.Department, p.Email, p.Consent }).ToListAsync(ct))
            .Select(p => new Candidate(p.Id, Text.PersonName.Full(p.LastName, p.FirstName, p.MiddleName), p.Department, p.Email, p.Consent)).ToList();
        Departments = await db.DepartmentsAsync(ct);
    }
}
