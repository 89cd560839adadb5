using Nastavnik.Web.Data;

namespace Nastavnik.Web.Features.Programs;

/// <summary>Russian words and status colours of programs and roadmap events.</summary>
public static class ProgramLabels
{
    public static readonly (MentoringForms Form, string Label)[] Forms =
    [
        (MentoringForms.TeacherTeacher, "учитель – учитель"),
        (MentoringForms.Traditional, "традиционное"),
        (MentoringForms.Reverse, "реверсивное"),
        (MentoringForms.Situational, "ситуационное"),
        (MentoringForms.Flash, "флеш-наставничество"),
        (MentoringForms.Group, "групповое (командное)"),
    ];

    public static string FormList(MentoringForms forms)
    {
        var labels = Forms.Where(f => forms.HasFlag(f.Form)).Select(f => f.Label).ToList();
        return labels.Count == 0 ? "не указаны" : string.Join(", ", labels);
    }

    public static string Status(ProgramStatus s) => s switch
    {
        ProgramStatus.Active => "активна",
        ProgramStatus.Completed => "завершена",
        _ => "черновик",
    };

    public static string StatusCss(ProgramStatus s) => s switch
    {
        ProgramStatus.Active => "status-ok",
        ProgramStatus.Completed => "status-off",
        _ => "status-warn",
    };

    public static string Event(EventStatus s) => s switch
    {
        EventStatus.Done => "выполнено",
        EventStatus.Cancelled => "отменено",
        _ => "запланировано",
    };

    /// <summary>The word shown for an event: «просрочено» when it is planned and past its due date.</summary>
    public static string Event(RoadmapEvent e, DateOnly today) => e.IsOverdue(today) ? "просрочено" : Event(e.Status);

    public static string EventCss(RoadmapEvent e, DateOnly today) => e.IsOverdue(today) ? "status-bad" : e.Status switch
    {
        EventStatus.Done => "status-ok",
        EventStatus.Cancelled => "status-off",
        _ => "status-warn",
    };

    /// <summary>«01.10.2025 – 30.04.2026», «до 30.09.2025», «с 01.10.2025», or null without dates.</summary>
    public static string? Dates(RoadmapEvent e) => (e.StartDate, e.DueDate) switch
    {
        ({ } s, { } d) when s != d && !(s.Day == 1 && d.AddDays(1).Day == 1 && s.Month == d.Month && s.Year == d.Year) =>
            $"{Nastavnik.Web.Text.RussianText.Date(s)} – {Nastavnik.Web.Text.RussianText.Date(d)}",
        (_, { } d) => $"до {Nastavnik.Web.Text.RussianText.Date(d)}",
        ({ } s, null) => $"с {Nastavnik.Web.Text.RussianText.Date(s)}",
        _ => null,
    };

    /// <summary>The period as a school writes it in a document: its words («Сентябрь», «в течение года»), else the dates.</summary>
    public static string Timing(RoadmapEvent e) => e.Timing ?? Dates(e) ?? "—";

    /// <summary>The responsible as a school writes it: the person «Фамилия И. О.» and/or the role.</summary>
    public static string Responsible(RoadmapEvent e)
    {
        var person = e.ResponsiblePerson is { } p ? Short(p) : null;
        return (person, e.ResponsibleText) switch
        {
            (null, null) => "—",
            (null, var t) => t!,
            (var n, null) => n!,
            var (n, t) => $"{n}, {t}",
        };
    }

    public static string Short(Person p) =>
        $"{p.LastName} {p.FirstName[..1]}.{(string.IsNullOrEmpty(p.MiddleName) ? "" : $" {p.MiddleName[..1]}.")}";

    /// <summary>«2025/2026» for a program of one school year, else the dates.</summary>
    public static string Period(MentoringProgram p) =>
        p.StartDate.Month == 9 && p.StartDate.Day == 1 && p.EndDate == new DateOnly(p.StartDate.Year + 1, 8, 31)
            ? $"{p.StartDate.Year}/{p.EndDate.Year} учебный год ({Nastavnik.Web.Text.RussianText.Date(p.StartDate)} – {Nastavnik.Web.Text.RussianText.Date(p.EndDate)})"
            : $"{Nastavnik.Web.Text.RussianText.Date(p.StartDate)} – {Nastavnik.Web.Text.RussianText.Date(p.EndDate)}";
}
