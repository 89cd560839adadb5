using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Hosting;

namespace Nastavnik.Web.Features.Admin.Users;

[Authorize(Policy = Policies.UsersManage)]
public class CreateModel(AppDbContext db, AccountCommands accounts) : PageModel
{
    public sealed class CreateInput
    {
        [Display(Name = "Логин")]
        public string UserName { get; set; } = "";

        [Display(Name = "Роль")]
        public string Role { get; set; } = Roles.Teacher;

        [Display(Name = "Имя для показа (если учётная запись не педагога)")]
        public string? DisplayName { get; set; }

        public int? PersonId { get; set; }
    }

    [BindProperty] public CreateInput Input { get; set; } = new();
    public Person? Person { get; private set; }
    public string? CreatedPassword { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? personId, CancellationToken ct)
    {
        if (personId is not null)
        {
            Person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct);
            if (Person is null) return NotFound();
            Input.PersonId = Person.Id;
            Input.UserName = AccountCommands.SuggestLogin(Person);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.PersonId is not null && (Person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Input.PersonId, ct)) is null) return NotFound();
        var result = await accounts.CreateAsync(new AccountRequest(db.School.SchoolId!.Value, Input.UserName, Input.Role, Input.PersonId, Input.DisplayName), ct);
        if (result.Error is { } error)
        {
            error.AddTo(ModelState);
            return Page();
        }
        CreatedPassword = result.Value!.Password;
        return Page();
    }
}
