using System.ComponentModel.DataAnnotations;

namespace Nastavnik.Web.Features.Announcements;

/// <summary>Who an announcement goes to; each group counts only people whose card has an account.</summary>
public enum AnnouncementGroup { AllStaff, Mentors, Mentees, Department, ProgramPairs, NotAnswered }

/// <summary>What the curator or administrator writes: a title, a text and the group (with its department, program or round).</summary>
public sealed class AnnouncementInput
{
    [Required(ErrorMessage = "Укажите заголовок объявления.")]
    [StringLength(200, ErrorMessage = "Заголовок длиннее 200 символов.")]
    [Display(Name = "Заголовок")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Напишите текст объявления.")]
    [StringLength(4000, ErrorMessage = "Текст длиннее 4000 символов.")]
    [Display(Name = "Текст")]
    public string Text { get; set; } = "";

    [Display(Name = "Кому")]
    public AnnouncementGroup Group { get; set; }

    [StringLength(200, ErrorMessage = "Название МО длиннее 200 символов.")]
    [Display(Name = "Методическое объединение (МО)")]
    public string? Department { get; set; }

    [Display(Name = "Программа")]
    public int? ProgramId { get; set; }

    [Display(Name = "Тур диагностики")]
    public int? RoundId { get; set; }
}
