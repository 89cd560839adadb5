using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Meetings;

/// <summary>
/// What a person fills to plan or change a meeting: the kind, the date and time on the school's clock (<see cref="SchoolTime"/>),
/// the duration, the place or an online link (http or https), the agenda.
/// </summary>
public sealed class MeetingInput
{
    public MeetingKind Kind { get; set; } = MeetingKind.Regular;
    public DateOnly? Date { get; set; }
    public TimeOnly? Time { get; set; }
    public int DurationMinutes { get; set; } = 45;
    public string? Place { get; set; }
    public string? OnlineLink { get; set; }
    public string? Agenda { get; set; }

    public static MeetingInput From(Meeting m)
    {
        var local = SchoolTime.Local(m.StartsAt);
        return new MeetingInput
        {
            Kind = m.Kind, Date = DateOnly.FromDateTime(local), Time = TimeOnly.FromDateTime(local), DurationMinutes = m.DurationMinutes,
            Place = m.Place, OnlineLink = m.OnlineLink, Agenda = m.Agenda,
        };
    }

    /// <summary>Every problem of the values themselves at once (the rules of time and program come in the command).</summary>
    public List<string> Problems()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Kind)) problems.Add("Выберите вид встречи.");
        if (Date is null) problems.Add("Укажите дату встречи.");
        if (Time is null) problems.Add("Укажите время встречи.");
        if (DurationMinutes is < 15 or > 480) problems.Add("Продолжительность встречи — от 15 до 480 минут.");
        if (Place?.Length > 300) problems.Add("Место встречи — не длиннее 300 символов.");
        if (Agenda?.Length > 4000) problems.Add("Повестка — не длиннее 4000 символов.");
        if (!string.IsNullOrWhiteSpace(OnlineLink) && !IsWebLink(OnlineLink.Trim()))
            problems.Add("Ссылка на онлайн-встречу должна начинаться с http:// или https://.");
        if (OnlineLink?.Length > 2000) problems.Add("Ссылка — не длиннее 2000 символов.");
        if (new[] { Place, OnlineLink, Agenda }.Any(t => t is not null && t.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t')))
            problems.Add("Текст содержит недопустимые символы.");
        return problems;
    }

    public static bool IsWebLink(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0;

    internal void ApplyTo(Meeting m)
    {
        m.Kind = Kind;
        m.StartsAt = SchoolTime.Utc(Date!.Value, Time!.Value);
        m.DurationMinutes = DurationMinutes;
        m.Place = Clean(Place);
        m.OnlineLink = Clean(OnlineLink);
        m.Agenda = Clean(Agenda);
    }

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The Russian words of meetings.</summary>
public static class MeetingLabels
{
    public static string Kind(MeetingKind kind) => kind switch
    {
        MeetingKind.Organizational => "Организационная встреча",
        MeetingKind.Trial => "Пробная рабочая встреча",
        MeetingKind.Planning => "Встреча-планирование",
        MeetingKind.Regular => "Регулярная встреча",
        MeetingKind.Final => "Заключительная встреча",
        _ => kind.ToString(),
    };

    public static string Status(MeetingStatus status) => status switch
    {
        MeetingStatus.Planned => "Запланирована",
        MeetingStatus.Held => "Состоялась",
        MeetingStatus.NotHeld => "Не состоялась",
        _ => status.ToString(),
    };

    public static string StatusClass(MeetingStatus status) => status switch
    {
        MeetingStatus.Held => "text-bg-success",
        MeetingStatus.NotHeld => "text-bg-secondary",
        _ => "text-bg-primary",
    };

    /// <summary>«05.10.2026, 15:30» on the school's clock.</summary>
    public static string When(DateTime utc) => Text.RussianText.Date(DateOnly.FromDateTime(SchoolTime.Local(utc))) + ", " + SchoolTime.Local(utc).ToString("HH:mm", Text.RussianText.Culture);
}
