using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Pairs;
using Nastavnik.Web.Files;
using Nastavnik.Web.Files.Documents;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Documents;

public sealed partial class ProgramOrders
{
    /// <summary>«Благодарственное письмо» to a mentor; the letters of all mentors of completed pairs come as one file, a page each.</summary>
    public static readonly DocumentTemplate ThanksLetter = new("thanks-letter", "Благодарственные письма наставникам",
    [
        new("Школа.Наименование", "полное наименование школы"),
        new("Школа.Директор", "директор: И. О. Фамилия"),
        new("Программа.Наименование", "название программы наставничества"),
        new("Программа.УчебныйГод", "учебный год программы: 2026/2027"),
        new("Письмо.Дата", "дата: «25» ноября 2026 г."),
        new("Наставник.ФИО", "Фамилия Имя Отчество наставника"),
        new("Наставник.Обращение", "«Уважаемая Анна Сергеевна!» или «Уважаемый Пётр Ильич!»"),
        new("Наставник.Темы", "темы наставничества через точку с запятой"),
        new("Наставник.Наставляемые", "наставляемые через запятую"),
    ], () => new OfficialDocxBuilder()
        .Centered("{{Школа.Наименование}}", bold: true, after: 480)
        .Title("БЛАГОДАРСТВЕННОЕ ПИСЬМО")
        .Centered("{{Наставник.Обращение}}", bold: true, after: 240)
        .Paragraph("Администрация {{Школа.Наименование}} выражает Вам искреннюю благодарность за добросовестную и плодотворную работу наставника в программе наставничества «{{Программа.Наименование}}» в {{Программа.УчебныйГод}} учебном году, за переданный коллегам опыт и поддержку.")
        .Paragraph("Темы наставничества: {{Наставник.Темы}}. Наставляемые: {{Наставник.Наставляемые}}.")
        .Paragraph("Желаем Вам дальнейших профессиональных успехов, творческих находок и благодарных учеников!")
        .Signature("Директор", "{{Школа.Директор}}")
        .Blank()
        .Paragraph("{{Письмо.Дата}}")
        .Build());

    /// <summary>The letters of thanks to every mentor whose pair or group completed its work, one page each, in alphabetical order.</summary>
    public async Task<CommandResult<DocumentFile>> ThanksAsync(int programId, DateOnly? date, CancellationToken ct = default)
    {
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return CommandError.NotFound("Программа не найдена.");
        var mentors = await MentorRowsAsync(program.Id, completedOnly: true, ct);
        if (mentors.Count == 0) return CommandError.Invalid("Ни одна пара программы не завершила работу: благодарить по итогам пока некого.");
        var day = date ?? db.Clock.Today();
        var common = await CommonAsync(program, null, day, ct);
        var letters = await templates.FillEachAsync(program.SchoolId, ThanksLetter, mentors.Select(m =>
        {
            var data = new DocumentData();
            foreach (var kv in common.Values) data.Set(kv.Key, kv.Value);
            var female = RussianNames.GenderOf(m.Mentor.Last, m.Mentor.First, m.Mentor.Middle) == Gender.Female;
            var address = string.IsNullOrWhiteSpace(m.Mentor.Middle) ? m.Mentor.First : $"{m.Mentor.First} {m.Mentor.Middle}";
            return data.Set("Письмо.Дата", RussianText.DocumentDate(day))
                .Set("Наставник.ФИО", m.Mentor.Full)
                .Set("Наставник.Обращение", $"{(female ? "Уважаемая" : "Уважаемый")} {address}!")
                .Set("Наставник.Темы", string.Join("; ", m.Topics))
                .Set("Наставник.Наставляемые", string.Join(", ", m.Mentees));
        }), ct);
        if (letters.Error is { } refused) return refused;
        return new DocumentFile(DocxPages.Join(letters.Value!), DocxWriter.ContentType, $"Благодарственные письма наставникам {RussianText.Date(day)}.docx");
    }
}
