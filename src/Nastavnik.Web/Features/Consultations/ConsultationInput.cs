using System.ComponentModel.DataAnnotations;

namespace Nastavnik.Web.Features.Consultations;

/// <summary>A request for one consultation: whom, on what topic (optional), and the question.</summary>
public sealed class ConsultationAsk
{
    [Range(1, int.MaxValue, ErrorMessage = "Выберите коллегу.")]
    public int ConsultantId { get; set; }
    [Display(Name = "Тема")]
    public int? TopicId { get; set; }
    [Display(Name = "Вопрос")]
    [Required(ErrorMessage = "Напишите вопрос.")]
    [StringLength(2000, ErrorMessage = "Вопрос длиннее 2000 знаков.")]
    public string Question { get; set; } = "";
}

/// <summary>The consultant's answer: accepting (a time or the answer itself) or declining (the reason).</summary>
public sealed class ConsultationReply
{
    [Display(Name = "Ответ")]
    [Required(ErrorMessage = "Напишите ответ.")]
    [StringLength(2000, ErrorMessage = "Ответ длиннее 2000 знаков.")]
    public string Text { get; set; } = "";
}

/// <summary>A held consultation: when and how long.</summary>
public sealed class ConsultationHeld
{
    [Display(Name = "Дата")]
    [Required(ErrorMessage = "Укажите дату консультации.")]
    public DateOnly? HeldOn { get; set; }
    [Display(Name = "Длительность, мин")]
    [Range(5, 480, ErrorMessage = "Длительность — от 5 до 480 минут.")]
    public int DurationMinutes { get; set; } = 30;
}
