using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Programs;

/// <summary>What a user may enter about a roadmap event; shared by the event page and the API.</summary>
public sealed class EventInput : IValidatableObject
{
    [Display(Name = "Этап")]
    public int StageId { get; set; }

    [Required(ErrorMessage = "Укажите, что за мероприятие.")]
    [StringLength(1000, ErrorMessage = "Название мероприятия длиннее 1000 символов.")]
    [Display(Name = "Мероприятие")]
    public string Title { get; set; } = "";

    [Display(Name = "Начало")]
    [SchoolDate("мероприятия")]
    public DateOnly? StartDate { get; set; }

    [Display(Name = "Срок (последний день)")]
    [SchoolDate("мероприятия")]
    public DateOnly? DueDate { get; set; }

    [StringLength(200, ErrorMessage = "Период длиннее 200 символов.")]
    [Display(Name = "Период словами")]
    public string? Timing { get; set; }

    [Display(Name = "Ответственный из реестра")]
    public int? ResponsiblePersonId { get; set; }

    [StringLength(300, ErrorMessage = "Ответственные длиннее 300 символов.")]
    [Display(Name = "Ответственные (роль, группа)")]
    public string? ResponsibleText { get; set; }

    [Display(Name = "Статус")]
    public EventStatus Status { get; set; }

    [StringLength(4000, ErrorMessage = "Результат длиннее 4000 символов.")]
    [Display(Name = "Результат, примечание")]
    public string? Result { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StartDate is { } s && DueDate is { } d && d < s)
            yield return new ValidationResult("Срок окончания раньше начала: проверьте даты.", [nameof(DueDate)]);
        if (DueDate is null && StartDate is null && string.IsNullOrWhiteSpace(Timing))
            yield return new ValidationResult("Укажите срок: дату или период словами («сентябрь», «в течение года»).", [nameof(DueDate)]);
    }

    /// <summary>Checks what the annotations cannot: the stage belongs to the program, the person to the school's staff.</summary>
    public async Task<string?> CheckAsync(AppDbContext db, int programId, CancellationToken ct)
    {
        if (!await db.RoadmapStages.AnyAsync(s => s.Id == StageId && s.ProgramId == programId, ct))
            return "Выберите этап дорожной карты этой программы.";
        if (ResponsiblePersonId is { } pid && !await db.People.AnyAsync(p => p.Id == pid, ct))
            return "Ответственный не найден в реестре педагогов школы.";
        return null;
    }

    public static EventInput From(RoadmapEvent e) => new()
    {
        StageId = e.StageId, Title = e.Title, StartDate = e.StartDate, DueDate = e.DueDate, Timing = e.Timing,
        ResponsiblePersonId = e.ResponsiblePersonId, ResponsibleText = e.ResponsibleText, Status = e.Status, Result = e.Result,
    };

    public void ApplyTo(RoadmapEvent e)
    {
        e.StageId = StageId;
        e.Title = RussianText.Clean(Title) ?? "";
        e.StartDate = StartDate;
        e.DueDate = DueDate;
        e.Timing = RussianText.Clean(Timing);
        e.ResponsiblePersonId = ResponsiblePersonId;
        e.ResponsibleText = RussianText.Clean(ResponsibleText);
        e.Status = Status;
        e.Result = string.IsNullOrWhiteSpace(Result) ? null : Result.Trim();
    }
}
