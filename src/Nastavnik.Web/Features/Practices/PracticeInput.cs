using System.ComponentModel.DataAnnotations;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Portfolio;

namespace Nastavnik.Web.Features.Practices;

/// <summary>What is entered about a material of the practice bank; shared by the edit page and the API. Saving it is <see cref="PracticeCommands"/>.</summary>
public sealed class PracticeInput : IValidatableObject
{
    [Display(Name = "Вид")]
    public PracticeKind Kind { get; set; }

    [Required(ErrorMessage = "Укажите название материала.")]
    [StringLength(300, ErrorMessage = "Название длиннее 300 символов.")]
    [Display(Name = "Название")]
    public string Title { get; set; } = "";

    [Display(Name = "Тема из каталога")]
    public int? TopicId { get; set; }

    /// <summary>The author, a person of the school: chosen by a manager; a teacher is always the author of what they add.</summary>
    [Display(Name = "Автор")]
    public int? AuthorId { get; set; }

    [StringLength(8000, ErrorMessage = "Описание длиннее 8000 символов.")]
    [Display(Name = "Описание")]
    public string? Description { get; set; }

    [StringLength(4000, ErrorMessage = "Список ссылок длиннее 4000 символов.")]
    [Display(Name = "Ссылки, по одной в строке")]
    public string? Links { get; set; }

    [StringLength(500, ErrorMessage = "Теги длиннее 500 символов.")]
    [Display(Name = "Теги через запятую")]
    public string? Tags { get; set; }

    [Display(Name = "Доступно школам района")]
    public bool SharedWithDistrict { get; set; }

    /// <summary>The completed pair whose case this is (publication from the pair's page).</summary>
    public int? PairId { get; set; }

    /// <summary>The links' rule of the portfolio (<see cref="PortfolioCommands.LinkProblems"/>), reported by field.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        PortfolioCommands.LinkProblems(Links).Select(p => new ValidationResult(p, [nameof(Links)]))
            .Concat(PracticeTags.Split(Tags).Where(t => t.Length > 40).Take(1)
                .Select(t => new ValidationResult($"Тег «{t[..20]}…» длиннее 40 символов.", [nameof(Tags)])));

    public static PracticeInput From(PracticeMaterial m) => new()
    {
        Kind = m.Kind, Title = m.Title, TopicId = m.TopicId, AuthorId = m.AuthorId, Description = m.Description, Links = m.Links,
        Tags = string.Join(", ", PracticeTags.Parse(m.Tags)), SharedWithDistrict = m.SharedWithDistrict, PairId = m.PairId,
    };
}

public static class PracticeTags
{
    /// <summary>Tags as typed, separated by commas or semicolons, trimmed, lower-cased, without repeats.</summary>
    public static List<string> Split(string? tags) =>
        (tags ?? "").Split([',', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(t => string.Join(' ', t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant()).Distinct().Take(20).ToList();

    /// <summary>The stored form «;тег;тег;» (a tag is matched whole by «;тег;»).</summary>
    public static string Store(string? tags) => Split(tags) is { Count: > 0 } list ? ";" + string.Join(';', list) + ";" : "";

    public static List<string> Parse(string stored) => stored.Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
}

public static class PracticeLabels
{
    public static string Kind(PracticeKind k) => k switch
    {
        PracticeKind.Case => "кейс",
        PracticeKind.Practice => "практика",
        _ => "материал",
    };

    public static readonly PracticeKind[] Kinds = [PracticeKind.Material, PracticeKind.Case, PracticeKind.Practice];
}
