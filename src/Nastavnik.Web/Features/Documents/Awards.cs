using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Pairs;
using Nastavnik.Web.Files;
using Nastavnik.Web.Files.Documents;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Documents;

/// <summary>
/// Certificates to the mentors of completed pairs and letters of thanks to a program's social partners (issue 14, item 6), one page
/// each in one .docx (PDF through <c>?as=pdf</c>), from the school's template of each (<see cref="TemplateStore"/>).
/// </summary>
public sealed partial class Awards(AppDbContext db, PairDocuments pairs, TemplateStore templates)
{
    /// <summary>The certificates of every mentor whose pair or group completed its work, in alphabetical order.</summary>
    public async Task<CommandResult<DocumentFile>> CertificatesAsync(int programId, DateOnly? date, CancellationToken ct = default)
    {
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return CommandError.NotFound("Программа не найдена.");
        var rows = await db.MentoringPairs.AsNoTracking().Where(p => p.ProgramId == programId && p.Status == PairStatus.Completed)
            .Select(p => new
            {
                p.MentorId, p.Mentor!.LastName, p.Mentor.FirstName, p.Mentor.MiddleName,
                Mentee = PersonName.Full(p.Mentee!.LastName, p.Mentee.FirstName, p.Mentee.MiddleName),
                Topic = p.Topic!.Direction!.Name + ": " + p.Topic.Name, p.EndedAt, p.EndComment,
            }).ToListAsync(ct);
        if (rows.Count == 0) return CommandError.Invalid("Ни одна пара программы не завершила работу: сертификаты выдавать пока некому.");
        var day = date ?? db.Clock.Today();
        var school = await pairs.SchoolAsync(program.SchoolId, ct);
        var order = StringComparer.Create(RussianText.Culture, true);
        var mentors = rows.GroupBy(r => r.MentorId).Select(g => g.ToList())
            .OrderBy(g => PersonName.Full(g[0].LastName, g[0].FirstName, g[0].MiddleName), order).ToList();
        var filled = await templates.FillEachAsync(program.SchoolId, Certificate, mentors.Select(g =>
        {
            var m = g[0];
            var outcomes = g.OrderBy(r => r.Mentee, order).Select(r => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
            {
                ["Наставляемый"] = r.Mentee, ["Тема"] = r.Topic,
                ["Итог"] = $"работа завершена{(r.EndedAt is { } at ? " " + RussianText.Date(DateOnly.FromDateTime(at)) : "")}"
                    + (RussianText.Clean(r.EndComment) is { } c ? $"; {RussianText.InSentence(c)}" : ""),
            });
            return Common(school, program).Set("Сертификат.Дата", RussianText.DocumentDate(day))
                .Set("Наставник.ФИО", PersonName.Full(m.LastName, m.FirstName, m.MiddleName))
                .Set("Наставник.Кому", RussianNames.Full(m.LastName, m.FirstName, m.MiddleName, NameCase.Dative))
                .Set("Наставник.Темы", string.Join("; ", g.Select(r => r.Topic).Distinct().Order(order)))
                .SetItems("Пары", outcomes);
        }), ct);
        if (filled.Error is { } refused) return refused;
        return new DocumentFile(DocxPages.Join(filled.Value!), DocxWriter.ContentType, $"Сертификаты наставников {RussianText.Date(day)}.docx");
    }

    /// <summary>The letters of thanks to every partner of the program, in the order they were added.</summary>
    public async Task<CommandResult<DocumentFile>> PartnerLettersAsync(int programId, DateOnly? date, CancellationToken ct = default)
    {
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return CommandError.NotFound("Программа не найдена.");
        var partners = await db.ProgramPartners.AsNoTracking().Where(p => p.ProgramId == programId).OrderBy(p => p.Id).ToListAsync(ct);
        if (partners.Count == 0) return CommandError.Invalid("У программы нет социальных партнёров: добавьте их, чтобы подготовить благодарственные письма.");
        var day = date ?? db.Clock.Today();
        var school = await pairs.SchoolAsync(program.SchoolId, ct);
        var filled = await templates.FillEachAsync(program.SchoolId, PartnerThanks, partners.Select(p =>
        {
            var female = RussianNames.GenderOf(p.HeadLastName, p.HeadFirstName, p.HeadMiddleName) == Gender.Female;
            var address = string.IsNullOrWhiteSpace(p.HeadMiddleName) ? p.HeadFirstName : $"{p.HeadFirstName} {p.HeadMiddleName}";
            var position = RussianText.Clean(p.HeadPosition);
            return Common(school, program).Set("Письмо.Дата", RussianText.DocumentDate(day))
                .Set("Партнёр.Организация", p.Organization)
                .Set("Партнёр.Руководитель", PersonName.Full(p.HeadLastName, p.HeadFirstName, p.HeadMiddleName))
                .Set("Партнёр.Должность", position)
                .Set("Партнёр.Кому", RussianNames.Full(p.HeadLastName, p.HeadFirstName, p.HeadMiddleName, NameCase.Dative))
                .Set("Партнёр.Обращение", $"{(female ? "Уважаемая" : "Уважаемый")} {address}!")
                .Set("Партнёр.Вклад", RussianText.InSentence(p.Contribution)?.TrimEnd('.'));
        }), ct);
        if (filled.Error is { } refused) return refused;
        return new DocumentFile(DocxPages.Join(filled.Value!), DocxWriter.ContentType, $"Благодарственные письма партнёрам {RussianText.Date(day)}.docx");
    }

    private static DocumentData Common(DocumentData school, MentoringProgram program)
    {
        var data = new DocumentData();
        foreach (var kv in school.Values) data.Set(kv.Key, kv.Value);
        return data.Set("Программа.Наименование", RussianText.Inner(program.Name))
            .Set("Программа.УчебныйГод", program.StartDate.Year == program.EndDate.Year
                ? program.StartDate.Year.ToString(RussianText.Culture) : $"{program.StartDate.Year}/{program.EndDate.Year}");
    }
}
