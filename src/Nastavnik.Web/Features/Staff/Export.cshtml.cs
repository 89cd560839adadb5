using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;
using Nastavnik.Web.Hosting;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Staff;

/// <summary>The registry as .xlsx, with the same filter as the list; its columns are the import's, so an export can be edited and loaded back.</summary>
[Authorize(Policy = Policies.StaffRead)]
public class ExportModel(AppDbContext db, TimeProvider clock, ILogger<ExportModel> log) : PageModel
{
    public static readonly string[] Headers =
        ["Фамилия", "Имя", "Отчество", "Должность", "Предметы", "Методическое объединение", "Педагогический стаж", "Год рождения",
         "Квалификационная категория", "Электронная почта", "Телефон", "Согласие на обработку ПДн", "В архиве"];

    [BindProperty(SupportsGet = true)] public StaffFilter Filter { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var people = await Filter.Apply(db.People.AsNoTracking()).ToListAsync(ct);
        var rows = people.Select(p => (IReadOnlyList<object?>)
        [
            p.LastName, p.FirstName, p.MiddleName, p.Position, p.Subjects, p.Department, p.ExperienceYears, p.BirthYear,
            StaffLabels.Category(p.Category), p.Email, p.Phone,
            ConsentCell(p.Consent, p.ConsentDate),
            p.IsArchived ? "да" : null,
        ]);
        var bytes = XlsxWriter.Write(new XlsxWriter.Sheet("Педагоги", Headers, rows));
        log.PersonalDataExported("Staff registry", OperatorLog.AccountOf(db.School), db.School.SchoolId, people.Count);
        return File(bytes, XlsxWriter.ContentType, $"Педагоги {clock.Today():dd.MM.yyyy}.xlsx");
    }

    /// <summary>The consent as the import reads it back unchanged: its date, «отозвано» with the date, or «нет».</summary>
    public static string ConsentCell(ConsentStatus consent, DateOnly? date) => (consent, date) switch
    {
        (ConsentStatus.Given, { } d) => RussianText.Date(d),
        (ConsentStatus.Given, null) => "да",
        (ConsentStatus.Withdrawn, { } d) => "отозвано " + RussianText.Date(d),
        (ConsentStatus.Withdrawn, null) => "отозвано",
        _ => "нет",
    };
}
