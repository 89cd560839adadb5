using System.ComponentModel.DataAnnotations;
using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Surveys;

/// <summary>A new survey: blank (<see cref="SurveyKind.Custom"/>) or from a template, of a program or of the whole school.</summary>
public sealed class NewSurveyInput
{
    [Display(Name = "Шаблон")]
    public SurveyKind Kind { get; set; }

    [Display(Name = "Программа")]
    public int? ProgramId { get; set; }

    [StringLength(300, ErrorMessage = "Название длиннее 300 символов.")]
    [Display(Name = "Название")]
    public string? Title { get; set; }
}

/// <summary>What a draft says about itself: its title, description, anonymity, the group it will go to and the deadline.</summary>
public sealed class SurveySettingsInput
{
    [Required(ErrorMessage = "Укажите название опроса.")]
    [StringLength(300, ErrorMessage = "Название длиннее 300 символов.")]
    [Display(Name = "Название")]
    public string Title { get; set; } = "";

    [StringLength(4000, ErrorMessage = "Описание длиннее 4000 символов.")]
    [Display(Name = "Описание")]
    public string? Description { get; set; }

    [Display(Name = "Анонимный опрос")]
    public bool Anonymous { get; set; }

    [Display(Name = "Кому")]
    public SurveyAudience Audience { get; set; }

    [StringLength(200, ErrorMessage = "Название МО длиннее 200 символов.")]
    [Display(Name = "Методическое объединение (МО)")]
    public string? Department { get; set; }

    [Display(Name = "Срок ответа")]
    [SchoolDate("опроса")]
    public DateOnly? Deadline { get; set; }

    public int Version { get; set; }
}

/// <summary>A question of a draft: its type, text, choices (one per line), whether it must be answered.</summary>
public sealed class QuestionInput
{
    [Display(Name = "Тип вопроса")]
    public QuestionType Type { get; set; }

    [Required(ErrorMessage = "Напишите текст вопроса.")]
    [StringLength(1000, ErrorMessage = "Текст вопроса длиннее 1000 символов.")]
    [Display(Name = "Вопрос")]
    public string Text { get; set; } = "";

    [StringLength(4000, ErrorMessage = "Варианты ответа длиннее 4000 символов.")]
    [Display(Name = "Варианты ответа (по одному в строке)")]
    public string? Options { get; set; }

    [Display(Name = "Обязательный")]
    public bool Required { get; set; }

    [Display(Name = "Тема")]
    public int? TopicId { get; set; }

    [Display(Name = "Показатель")]
    public QuestionMeasure Measure { get; set; }

    [Range(1, 10, ErrorMessage = "Порог удовлетворённости — число от 1 до 10.")]
    [Display(Name = "Удовлетворён от")]
    public int? SatisfiedFrom { get; set; }
}

/// <summary>One answer as the form or the API sends it: a number (scale, option index, topic rating), several option indices, or text.</summary>
public sealed record AnswerInput(int QuestionId, int? Number = null, IReadOnlyList<int>? Numbers = null, string? Text = null);
