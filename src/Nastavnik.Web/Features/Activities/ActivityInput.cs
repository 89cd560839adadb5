using System.ComponentModel.DataAnnotations;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Activities;

/// <summary>A joint activity as a form or the API gives it.</summary>
public sealed class ActivityInput
{
    [Display(Name = "Вид")]
    public ActivityKind Kind { get; set; } = ActivityKind.LessonVisit;
    [Display(Name = "Дата")]
    [Required(ErrorMessage = "Укажите дату.")]
    [SchoolDate("мероприятия")]
    public DateOnly? Date { get; set; }
    [Display(Name = "Тема")]
    [Required(ErrorMessage = "Укажите тему.")]
    [StringLength(500, ErrorMessage = "Тема длиннее 500 знаков.")]
    public string Title { get; set; } = "";
    [Display(Name = "Результат")]
    [StringLength(4000, ErrorMessage = "Результат длиннее 4000 знаков.")]
    public string? Result { get; set; }
    /// <summary>The pair it belongs to, if any.</summary>
    public int? PairId { get; set; }
    /// <summary>Whose lesson is visited (a lesson visit only).</summary>
    [Display(Name = "Чей урок")]
    public int? ObservedId { get; set; }
    [Display(Name = "Участники")]
    public List<int> ParticipantIds { get; set; } = [];
}

/// <summary>The analysis of a visited lesson: the lesson's facts, a score and comment per criterion of the card, and a summary.</summary>
public sealed class ObservationInput
{
    [StringLength(40, ErrorMessage = "Класс длиннее 40 знаков.")]
    public string? ClassName { get; set; }
    [StringLength(200, ErrorMessage = "Предмет длиннее 200 знаков.")]
    public string? Subject { get; set; }
    [StringLength(500, ErrorMessage = "Тема урока длиннее 500 знаков.")]
    public string? LessonTopic { get; set; }
    [StringLength(8000, ErrorMessage = "Вывод длиннее 8000 знаков.")]
    public string? Summary { get; set; }
    public List<ScoreInput> Scores { get; set; } = [];
}

public sealed class ScoreInput
{
    public int CriterionId { get; set; }
    public int? Score { get; set; }
    [StringLength(2000, ErrorMessage = "Комментарий длиннее 2000 знаков.")]
    public string? Comment { get; set; }
}

public static class ActivityLabels
{
    public static string Kind(ActivityKind k) => k switch
    {
        ActivityKind.LessonVisit => "Посещение урока с анализом (взаимопосещение)",
        ActivityKind.OpenLesson => "Открытый урок",
        ActivityKind.MasterClass => "Мастер-класс",
        ActivityKind.Seminar => "Семинар или тренинг",
        ActivityKind.JointProject => "Совместный проект",
        _ => "Цифровой ресурс",
    };

    /// <summary>The default scale of a lesson-analysis criterion, 0–2.</summary>
    public static string Score(int score) => score switch { 0 => "не проявлено", 1 => "частично", _ => "в полной мере" };
}
