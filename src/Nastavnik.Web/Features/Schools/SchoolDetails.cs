using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Schools;

/// <summary>The school's details (реквизиты) its documents print: names, address, contacts, ИНН, ОГРН and the director.</summary>
public sealed class SchoolDetailsInput : IValidatableObject
{
    [Required(ErrorMessage = "Укажите полное наименование школы, как в уставе.")]
    [StringLength(300, ErrorMessage = "Полное наименование длиннее 300 символов.")]
    [Display(Name = "Полное наименование")]
    public string Name { get; set; } = "";

    [StringLength(100, ErrorMessage = "Краткое наименование длиннее 100 символов.")]
    [Display(Name = "Краткое наименование")]
    public string? ShortName { get; set; }

    [StringLength(300, ErrorMessage = "Адрес длиннее 300 символов.")]
    [Display(Name = "Адрес")]
    public string? Address { get; set; }

    [StringLength(50, ErrorMessage = "Телефон длиннее 50 символов.")]
    [RegularExpression(@"^[0-9+()\-\s]{5,}$", ErrorMessage = "Телефон: только цифры, пробелы, скобки, «+» и «-».")]
    [Display(Name = "Телефон")]
    public string? Phone { get; set; }

    [StringLength(200, ErrorMessage = "Адрес электронной почты длиннее 200 символов.")]
    [EmailAddress(ErrorMessage = "Адрес электронной почты записан неверно.")]
    [Display(Name = "Электронная почта")]
    public string? Email { get; set; }

    [RegularExpression(@"^\d{10}$", ErrorMessage = "ИНН школы — 10 цифр.")]
    [Display(Name = "ИНН")]
    public string? Inn { get; set; }

    [RegularExpression(@"^\d{13}$", ErrorMessage = "ОГРН — 13 цифр.")]
    [Display(Name = "ОГРН")]
    public string? Ogrn { get; set; }

    [Display(Name = "Директор из реестра")]
    public int? DirectorPersonId { get; set; }

    [StringLength(300, ErrorMessage = "ФИО директора длиннее 300 символов.")]
    [Display(Name = "ФИО директора")]
    public string? DirectorName { get; set; }

    [StringLength(200, ErrorMessage = "Должность руководителя длиннее 200 символов.")]
    [Display(Name = "Должность руководителя")]
    public string? DirectorPosition { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Inn is { Length: 10 } inn && inn.All(char.IsAsciiDigit) && !InnChecksumOk(inn))
            yield return new ValidationResult("ИНН записан с ошибкой: не сходится контрольная цифра. Сверьте его со свидетельством.", [nameof(Inn)]);
    }

    /// <summary>The control digit of a 10-digit ИНН of an organization.</summary>
    public static bool InnChecksumOk(string inn)
    {
        int[] weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
        var sum = weights.Select((w, i) => w * (inn[i] - '0')).Sum();
        return sum % 11 % 10 == inn[9] - '0';
    }

    public static SchoolDetailsInput From(Organization o) => new()
    {
        Name = o.Name, ShortName = o.ShortName, Address = o.Address, Phone = o.Phone, Email = o.Email, Inn = o.Inn, Ogrn = o.Ogrn,
        DirectorName = o.DirectorName, DirectorPosition = o.DirectorPosition,
    };
}

/// <summary>Reading and saving the details of the signed-in user's school (its administrator's page and the API).</summary>
public sealed class SchoolDetailsCommands(AppDbContext db)
{
    public async Task<Organization?> GetAsync(CancellationToken ct = default) =>
        await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == db.School.SchoolId, ct);

    /// <summary>Saves the details read at <paramref name="version"/>; a director picked from the registry gives the name and position.</summary>
    public async Task<CommandResult<Organization>> SaveAsync(SchoolDetailsInput input, int version, CancellationToken ct = default)
    {
        if (InputRules.Check(input, db.Clock, "Реквизиты не сохранены.") is { } invalid) return invalid;
        var school = await db.Organizations.FirstOrDefaultAsync(o => o.Id == db.School.SchoolId, ct);
        if (school is null) return CommandError.NotFound("Школа не найдена.");
        if (school.Version != version) return CommandError.Stale("Реквизиты школы изменил другой пользователь. Обновите страницу и повторите изменения.");
        string? directorName = RussianText.Clean(input.DirectorName), directorPosition = RussianText.Clean(input.DirectorPosition);
        if (input.DirectorPersonId is { } personId)
        {
            var person = await db.People.Where(p => p.Id == personId && !p.IsArchived)
                .Select(p => new { p.LastName, p.FirstName, p.MiddleName, p.Position }).FirstOrDefaultAsync(ct);
            if (person is null) return CommandError.Invalid("Реквизиты не сохранены.", "Выбранного директора нет в реестре школы.");
            directorName = PersonName.Full(person.LastName, person.FirstName, person.MiddleName);
            directorPosition ??= RussianText.Clean(person.Position);
        }
        school.Name = RussianText.Clean(input.Name)!;
        school.ShortName = RussianText.Clean(input.ShortName);
        school.Address = RussianText.Clean(input.Address);
        school.Phone = RussianText.Clean(input.Phone);
        school.Email = RussianText.Clean(input.Email);
        school.Inn = RussianText.Clean(input.Inn);
        school.Ogrn = RussianText.Clean(input.Ogrn);
        school.DirectorName = directorName;
        school.DirectorPosition = directorPosition;
        db.Entry(school).Property(x => x.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandError.Stale("Реквизиты школы изменил другой пользователь. Обновите страницу и повторите изменения.");
        }
        return school;
    }
}
