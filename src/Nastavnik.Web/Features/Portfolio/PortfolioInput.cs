using System.ComponentModel.DataAnnotations;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Portfolio;

/// <summary>What a teacher enters about one piece of experience; shared by the edit page and the API. Saving it is <see cref="PortfolioCommands"/>.</summary>
public sealed class PortfolioItemInput : IValidatableObject
{
    [Display(Name = "Тема из каталога")]
    public int? TopicId { get; set; }

    [Required(ErrorMessage = "Укажите название материала.")]
    [StringLength(300, ErrorMessage = "Название длиннее 300 символов.")]
    [Display(Name = "Название")]
    public string Title { get; set; } = "";

    [StringLength(8000, ErrorMessage = "Описание длиннее 8000 символов.")]
    [Display(Name = "Описание опыта")]
    public string? Description { get; set; }

    [StringLength(4000, ErrorMessage = "Достижения длиннее 4000 символов.")]
    [Display(Name = "Достижения и результаты")]
    public string? Achievements { get; set; }

    [StringLength(4000, ErrorMessage = "Список ссылок длиннее 4000 символов.")]
    [Display(Name = "Ссылки, по одной в строке")]
    public string? Links { get; set; }

    /// <summary>The links' rule, written once in <see cref="PortfolioCommands.LinkProblems"/>, reported by field.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        PortfolioCommands.LinkProblems(Links).Select(p => new ValidationResult(p, [nameof(Links)]));

    public static PortfolioItemInput From(PortfolioItem i) => new()
    {
        TopicId = i.TopicId, Title = i.Title, Description = i.Description, Achievements = i.Achievements, Links = i.Links,
    };
}

/// <summary>A way to reach the teacher and who may see it.</summary>
public sealed class PortfolioContactInput : IValidatableObject
{
    [Display(Name = "Способ связи")]
    public ContactKind Kind { get; set; }

    [Required(ErrorMessage = "Укажите адрес, номер или место.")]
    [StringLength(300, ErrorMessage = "Контакт длиннее 300 символов.")]
    [Display(Name = "Контакт")]
    public string Value { get; set; } = "";

    [Display(Name = "Кто видит")]
    public ContactVisibility Visibility { get; set; }

    /// <summary>The rule of each kind of contact, written once in <see cref="PortfolioCommands.ContactProblem"/>, reported by field.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PortfolioCommands.ContactProblem(Kind, Value) is { } problem) yield return new ValidationResult(problem, [nameof(Value)]);
    }
}

public static class PortfolioLinks
{
    public static bool IsWebLink(string s) =>
        Uri.TryCreate(s, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps) && !string.IsNullOrEmpty(u.Host);

    public static List<string> Split(string? links) =>
        (links ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Distinct().ToList();
}

public static class PortfolioLabels
{
    public static string Kind(ContactKind k) => k switch
    {
        ContactKind.Email => "Электронная почта",
        ContactKind.Phone => "Телефон",
        ContactKind.Messenger => "Мессенджер",
        ContactKind.Room => "Кабинет и часы",
        _ => "Другое",
    };

    public static string Icon(ContactKind k) => k switch
    {
        ContactKind.Email => "bi-envelope",
        ContactKind.Phone => "bi-telephone",
        ContactKind.Messenger => "bi-chat-dots",
        ContactKind.Room => "bi-door-open",
        _ => "bi-info-circle",
    };

    public static string Visibility(ContactVisibility v) =>
        v == ContactVisibility.School ? "все педагоги школы" : "только куратор и администрация";

    /// <summary>A link that starts the contact at once (mailto:, tel:, a messenger's web link); null for a room or a note.</summary>
    public static string? Href(ContactKind kind, string value)
    {
        var v = value.Trim();
        switch (kind)
        {
            case ContactKind.Email: return "mailto:" + v;
            case ContactKind.Phone:
                var digits = new string(v.Where(c => char.IsDigit(c) || c == '+').ToArray());
                return digits.Length >= 5 ? "tel:" + digits : null;
            case ContactKind.Messenger:
                if (PortfolioLinks.IsWebLink(v)) return v;
                if (v.StartsWith('@') && v.Length > 1 && v[1..].All(c => char.IsAsciiLetterOrDigit(c) || c == '_')) return "https://t.me/" + v[1..];
                return null;
            default: return PortfolioLinks.IsWebLink(v) ? v : null;
        }
    }
}

/// <summary>Which files may be attached and what content type they are served with (decided by the server, never by the uploader).</summary>
public static class PortfolioFiles
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerItem = 10;

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".doc"] = "application/msword",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".ppt"] = "application/vnd.ms-powerpoint",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".xls"] = "application/vnd.ms-excel",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".mp4"] = "video/mp4",
    };

    public const string Accept = ".pdf,.doc,.docx,.ppt,.pptx,.xls,.xlsx,.jpg,.jpeg,.png,.mp4";

    public static string? ContentType(string fileName) => Types.GetValueOrDefault(Path.GetExtension(fileName));

    /// <summary>
    /// An uploaded file handed out (portfolio, plan tasks, activities): always as an attachment under its name, with the type the
    /// server chooses from the extension, no sniffing and a sandbox, so an uploaded file never runs as a page of the site.
    /// </summary>
    public static Microsoft.AspNetCore.Mvc.FileContentResult Download(Microsoft.AspNetCore.Http.HttpResponse response, byte[] content, string fileName)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return new(content, ContentType(fileName) ?? "application/octet-stream") { FileDownloadName = fileName };
    }

    /// <summary>Checks an upload; returns the Russian error or null when the file may be stored.</summary>
    public static string? Problem(string fileName, long length)
    {
        if (ContentType(fileName) is null)
            return $"Файл «{fileName}» не принят: прикладывайте pdf, doc(x), ppt(x), xls(x), jpg, png или mp4.";
        if (length == 0) return $"Файл «{fileName}» пустой.";
        if (length > MaxBytes) return $"Файл «{fileName}» больше 10 МБ ({length / 1024.0 / 1024.0:0.#} МБ). Уменьшите его или дайте ссылку на облако.";
        return null;
    }

    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024.0 / 1024.0).ToString("0.#", RussianText.Culture) + " МБ"
        : Math.Max(1, bytes / 1024).ToString(RussianText.Culture) + " КБ";

    /// <summary>The file name without any path the browser may send.</summary>
    public static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '/' or '\\')).ToArray()).Trim();
        return name.Length == 0 ? "файл" : name.Length > 200 ? name[..200] : name;
    }
}
