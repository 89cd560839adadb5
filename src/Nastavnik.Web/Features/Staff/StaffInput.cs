using System.ComponentModel.DataAnnotations;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Staff;

/// <summary>What a user may enter about a person; shared by the edit page, the API and the import. Saving it is <see cref="StaffCommands"/>.</summary>
public sealed class StaffInput : IValidatableObject
{
    [Required(ErrorMessage = "Укажите фамилию.")]
    [StringLength(100, ErrorMessage = "Фамилия длиннее 100 символов.")]
    [Display(Name = "Фамилия")]
    public string LastName { get; set; } = "";

    [Required(ErrorMessage = "Укажите имя.")]
    [StringLength(100, ErrorMessage = "Имя длиннее 100 символов.")]
    [Display(Name = "Имя")]
    public string FirstName { get; set; } = "";

    [StringLength(100, ErrorMessage = "Отчество длиннее 100 символов.")]
    [Display(Name = "Отчество")]
    public string? MiddleName { get; set; }

    [StringLength(200, ErrorMessage = "Должность длиннее 200 символов.")]
    [Display(Name = "Должность")]
    public string? Position { get; set; }

    [StringLength(500, ErrorMessage = "Список предметов длиннее 500 символов.")]
    [Display(Name = "Предметы")]
    public string? Subjects { get; set; }

    [StringLength(200, ErrorMessage = "Название МО длиннее 200 символов.")]
    [Display(Name = "Методическое объединение")]
    public string? Department { get; set; }

    /// <summary>Whole years (the registry, the category rules and the matching count full years); a fraction is refused, not cut.</summary>
    [Range(0d, 60d, ErrorMessage = "Стаж — число лет от 0 до 60.")]
    [Display(Name = "Педагогический стаж, лет")]
    public decimal? ExperienceYears { get; set; }

    [Display(Name = "Год рождения")]
    public int? BirthYear { get; set; }

    [Display(Name = "Квалификационная категория")]
    public QualificationCategory Category { get; set; }

    [EmailAddress(ErrorMessage = "Адрес электронной почты записан неверно.")]
    [StringLength(200, ErrorMessage = "Электронная почта длиннее 200 символов.")]
    [Display(Name = "Электронная почта")]
    public string? Email { get; set; }

    [StringLength(50, ErrorMessage = "Телефон длиннее 50 символов.")]
    [RegularExpression(@"^[0-9+()\-\s]{5,}$", ErrorMessage = "Телефон: только цифры, пробелы, скобки, «+» и «-».")]
    [Display(Name = "Телефон")]
    public string? Phone { get; set; }

    [Display(Name = "Согласие на обработку персональных данных")]
    public ConsentStatus Consent { get; set; }

    [Display(Name = "Дата согласия")]
    public DateOnly? ConsentDate { get; set; }

    /// <summary>The rules across fields, written once in <see cref="StaffCommands.CrossFieldProblems"/>; the clock is the app's when model binding supplies it.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        StaffCommands.CrossFieldProblems(this, StaffCommands.Today(validationContext.GetService<TimeProvider>() ?? TimeProvider.System));

    public static StaffInput From(Person p) => new()
    {
        LastName = p.LastName, FirstName = p.FirstName, MiddleName = p.MiddleName, Position = p.Position, Subjects = p.Subjects,
        Department = p.Department, ExperienceYears = p.ExperienceYears, BirthYear = p.BirthYear, Category = p.Category,
        Email = p.Email, Phone = p.Phone, Consent = p.Consent, ConsentDate = p.ConsentDate,
    };
}

public static class StaffLabels
{
    public static string Category(QualificationCategory c) => c switch
    {
        QualificationCategory.Highest => "высшая",
        QualificationCategory.First => "первая",
        QualificationCategory.Compliance => "соответствие занимаемой должности",
        _ => "без категории",
    };

    public static string Consent(ConsentStatus c) => c switch
    {
        ConsentStatus.Given => "согласие дано",
        ConsentStatus.Withdrawn => "согласие отозвано",
        _ => "согласие не получено",
    };

    public static string Field(string property) => property switch
    {
        nameof(Person.LastName) => "фамилия",
        nameof(Person.FirstName) => "имя",
        nameof(Person.MiddleName) => "отчество",
        nameof(Person.Position) => "должность",
        nameof(Person.Subjects) => "предметы",
        nameof(Person.Department) => "МО",
        nameof(Person.ExperienceYears) => "стаж",
        nameof(Person.BirthYear) => "год рождения",
        nameof(Person.Category) => "категория",
        nameof(Person.Email) => "почта",
        nameof(Person.Phone) => "телефон",
        nameof(Person.IsArchived) => "архив",
        nameof(Person.Consent) => "согласие",
        nameof(Person.ConsentDate) => "дата согласия",
        nameof(Person.ConsentRecordedBy) => "кто отметил согласие",
        nameof(Person.SchoolId) => "школа",
        nameof(Person.Kind) => "вид участника",
        _ => property,
    };

    public static string ConsentCss(ConsentStatus c) => c switch
    {
        ConsentStatus.Given => "status-ok",
        ConsentStatus.Withdrawn => "status-bad",
        _ => "status-warn",
    };
}
