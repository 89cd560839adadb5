using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Admin.Users;

[Authorize(Policy = Policies.UsersManage)]
public class CreateModel(AppDbContext db, UserManager<AppUser> users) : PageModel
{
    public sealed class CreateInput
    {
        [Required(ErrorMessage = "Введите логин.")]
        [RegularExpression(@"^[A-Za-z0-9._\-]{3,64}$", ErrorMessage = "Логин: 3–64 латинские буквы, цифры, точка, дефис или подчёркивание.")]
        [Display(Name = "Логин")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Выберите роль.")]
        [Display(Name = "Роль")]
        public string Role { get; set; } = Roles.Teacher;

        [Display(Name = "Имя для показа (если учётная запись не педагога)")]
        [StringLength(300)]
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
            Input.UserName = SuggestLogin(Person);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.PersonId is not null && (Person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Input.PersonId, ct)) is null) return NotFound();
        if (!Roles.All.Contains(Input.Role)) ModelState.AddModelError("Input.Role", "Неизвестная роль.");
        if (Person is null && string.IsNullOrWhiteSpace(Input.DisplayName)) ModelState.AddModelError("Input.DisplayName", "Укажите имя пользователя или создайте запись из карточки педагога.");
        if (!ModelState.IsValid) return Page();
        var password = IndexModel.TemporaryPassword();
        var user = new AppUser { UserName = Input.UserName, SchoolId = db.School.SchoolId!.Value, PersonId = Person?.Id, DisplayName = Person?.FullName ?? Input.DisplayName!.Trim(), Email = Person?.Email, MustChangePassword = true };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, Input.Role);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("", e.Description);
            return Page();
        }
        CreatedPassword = password;
        return Page();
    }

    private static string SuggestLogin(Person p)
    {
        var email = p.Email?.Split('@')[0];
        return !string.IsNullOrEmpty(email) && System.Text.RegularExpressions.Regex.IsMatch(email, @"^[A-Za-z0-9._\-]{3,64}$") ? email : $"user{p.Id}";
    }
}
