using System.ComponentModel.DataAnnotations;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Portfolio;

namespace Nastavnik.Web.Features.Plans;

/// <summary>A task of a plan as a user enters it (the plan page, the task page and the API).</summary>
public sealed class PlanTaskInput : IValidatableObject
{
    /// <summary>The pair the task belongs to; taken from the goal when a goal is given.</summary>
    public int PairId { get; set; }

    [Display(Name = "Цель")]
    public int? GoalId { get; set; }

    [Required(ErrorMessage = "Напишите, что нужно сделать.")]
    [StringLength(500, ErrorMessage = "Задача длиннее 500 символов: сократите её, подробности — в описании.")]
    [Display(Name = "Задача")]
    public string Title { get; set; } = "";

    [StringLength(4000, ErrorMessage = "Описание длиннее 4000 символов.")]
    [Display(Name = "Описание")]
    public string? Description { get; set; }

    [SchoolDate("задачи")]
    [Display(Name = "Срок")]
    public DateOnly? DueOn { get; set; }

    [Display(Name = "Выполняет")]
    public PlanTaskOwner Owner { get; set; } = PlanTaskOwner.Mentee;

    [Display(Name = "Статус")]
    public PlanTaskStatus Status { get; set; }

    [StringLength(4000, ErrorMessage = "Результат длиннее 4000 символов.")]
    [Display(Name = "Результат")]
    public string? ResultText { get; set; }

    [StringLength(2000, ErrorMessage = "Ссылка длиннее 2000 символов.")]
    [Display(Name = "Ссылка на результат")]
    public string? ResultLink { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(ResultLink) && !PortfolioLinks.IsWebLink(ResultLink.Trim()))
            yield return new ValidationResult("Ссылка на результат: нужен полный адрес, начинающийся с http:// или https://.", [nameof(ResultLink)]);
    }

    public static PlanTaskInput From(PlanTask t) => new()
    {
        PairId = t.PairId, GoalId = t.GoalId, Title = t.Title, Description = t.Description, DueOn = t.DueOn, Owner = t.Owner, Status = t.Status,
        ResultText = t.ResultText, ResultLink = t.ResultLink,
    };
}

/// <summary>A goal of a plan: its text, the pair (and so the topic) it belongs to, and optionally the curator's template to start from.</summary>
public sealed class PlanGoalInput
{
    public int PairId { get; set; }

    [StringLength(2000, ErrorMessage = "Цель длиннее 2000 символов.")]
    [Display(Name = "Цель")]
    public string? Text { get; set; }

    [Display(Name = "Шаблон")]
    public int? TemplateId { get; set; }
}

/// <summary>A pair's quarterly self-report: what was done and what changed.</summary>
public sealed class PairReportInput
{
    [Required(ErrorMessage = "Напишите, что сделано за квартал.")]
    [StringLength(4000, ErrorMessage = "«Что сделано» длиннее 4000 символов.")]
    [Display(Name = "Что сделано")]
    public string Done { get; set; } = "";

    [Required(ErrorMessage = "Напишите, что изменилось в работе наставляемого.")]
    [StringLength(4000, ErrorMessage = "«Что изменилось» длиннее 4000 символов.")]
    [Display(Name = "Что изменилось")]
    public string Changed { get; set; } = "";
}

/// <summary>One task of a template: what, who, and in how many days from the day the template is applied.</summary>
public sealed class PlanTemplateTaskInput
{
    [StringLength(500, ErrorMessage = "Задача шаблона длиннее 500 символов.")]
    [Display(Name = "Задача")]
    public string? Title { get; set; }

    [Display(Name = "Выполняет")]
    public PlanTaskOwner Owner { get; set; } = PlanTaskOwner.Mentee;

    [Range(1, 366, ErrorMessage = "Срок задачи шаблона — от 1 до 366 дней.")]
    [Display(Name = "Срок через, дней")]
    public int? DueInDays { get; set; }
}

/// <summary>The curator's template of a plan for one topic; empty task rows are ignored.</summary>
public sealed class PlanTemplateInput
{
    [Display(Name = "Тема")]
    public int TopicId { get; set; }

    [Required(ErrorMessage = "Назовите шаблон.")]
    [StringLength(300, ErrorMessage = "Название шаблона длиннее 300 символов.")]
    [Display(Name = "Название")]
    public string Title { get; set; } = "";

    public List<PlanTemplateTaskInput> Tasks { get; set; } = [];
}

/// <summary>The words of a plan's states, as the pages and the corrections write them.</summary>
public static class PlanLabels
{
    public static string Owner(PlanTaskOwner o) => o == PlanTaskOwner.Mentor ? "наставник" : "наставляемый";

    public static string Status(PlanTaskStatus s) => s switch
    {
        PlanTaskStatus.InProgress => "в работе",
        PlanTaskStatus.Done => "выполнена",
        PlanTaskStatus.Dropped => "отменена",
        _ => "запланирована",
    };

    public static string StatusClass(PlanTaskStatus s) => s switch
    {
        PlanTaskStatus.InProgress => "status-warn",
        PlanTaskStatus.Done => "status-ok",
        PlanTaskStatus.Dropped => "status-off",
        _ => "status-off",
    };

    public static string Quarter(int year, int quarter) => $"{new[] { "I", "II", "III", "IV" }[quarter - 1]} квартал {year} года";

    public static (int Year, int Quarter) QuarterOf(DateOnly d) => (d.Year, (d.Month - 1) / 3 + 1);

    public static DateOnly QuarterEnd(int year, int quarter) => new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1);
}
