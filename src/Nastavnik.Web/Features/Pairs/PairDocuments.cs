using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Matching;
using Nastavnik.Web.Files;
using Nastavnik.Web.Files.Documents;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Pairs;

/// <summary>A file handed out: its bytes, type and name.</summary>
public sealed record DocumentFile(byte[] Bytes, string ContentType, string FileName);

/// <summary>
/// The pairs' documents of a program: the order fixing the live pairs and groups (.docx), their list (.xlsx), and a pair's agreement
/// (.docx). Pairs are read through the privacy filters, so only the managers get a whole program's list.
/// </summary>
public sealed class PairDocuments(AppDbContext db, Documents.TemplateStore templates)
{
    /// <summary>A row of the order and of the list: a tandem (one mentee, one or more topics) or a group (several mentees, one topic).</summary>
    public sealed record Row(bool Group, string Mentor, IReadOnlyList<string> Mentees, IReadOnlyList<string> Topics, string Status);

    public async Task<CommandResult<DocumentFile>> OrderAsync(int programId, string? number, DateOnly? date, CancellationToken ct = default)
    {
        var (program, rows) = await RowsAsync(programId, ct);
        if (program is null) return CommandError.NotFound("Программа не найдена.");
        if (rows.Count == 0) return CommandError.Invalid("В программе нет утверждённых пар: приказ составлять не о чем.");
        var period = $"{RussianText.Date(program.StartDate)} — {RussianText.Date(program.EndDate)}";
        var curators = await db.ProgramCurators.AsNoTracking().Where(c => c.ProgramId == program.Id)
            .Select(c => new { c.Person!.LastName, c.Person.FirstName, c.Person.MiddleName }).ToListAsync(ct);
        var data = (await SchoolAsync(program.SchoolId, ct))
            .Set("Приказ.Номер", number?.Trim())
            .Set("Приказ.Дата", RussianText.DocumentDate(date ?? db.Clock.Today()))
            .Set("Программа.Наименование", RussianText.Inner(program.Name))
            .Set("Программа.Начало", RussianText.Date(program.StartDate))
            .Set("Программа.Окончание", RussianText.Date(program.EndDate))
            .Set("Программа.Кураторы", curators.Count == 0 ? null : string.Join(", ", curators.Select(c => PersonName.Full(c.LastName, c.FirstName, c.MiddleName))))
            .SetItems("Пары", rows.Select((r, i) => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>
            {
                ["Номер"] = (i + 1).ToString(RussianText.Culture), ["Наставник"] = r.Mentor, ["Наставляемые"] = string.Join("\n", r.Mentees),
                ["Направления"] = string.Join("\n", r.Topics), ["Форма"] = r.Group ? "группа" : "пара", ["Срок"] = period,
            }))
            .SetItems("Ознакомлены", rows.SelectMany(r => r.Mentees.Prepend(r.Mentor)).Distinct().Order(StringComparer.Create(RussianText.Culture, true))
                .Select(n => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?> { ["ФИО"] = n }));
        var filled = await templates.FillAsync(program.SchoolId, PairDocumentTemplates.Order, data, ct);
        if (filled.Error is { } refused) return refused;
        return new DocumentFile(filled.Value!, DocxWriter.ContentType, $"Приказ о закреплении наставнических пар {RussianText.Date(date ?? db.Clock.Today())}.docx");
    }

    public async Task<CommandResult<DocumentFile>> ListAsync(int programId, CancellationToken ct = default)
    {
        var (program, rows) = await RowsAsync(programId, ct);
        if (program is null) return CommandError.NotFound("Программа не найдена.");
        var period = $"{RussianText.Date(program.StartDate)} — {RussianText.Date(program.EndDate)}";
        var sheet = new XlsxWriter.Sheet("Пары и группы", ["№", "Форма", "Наставник", "Наставляемые", "Направление и темы", "Срок", "Статус"],
            rows.Select((r, i) => (IReadOnlyList<object?>)[i + 1, r.Group ? "группа" : "пара", r.Mentor, string.Join("\n", r.Mentees),
                string.Join("\n", r.Topics), period, r.Status]));
        return new DocumentFile(XlsxWriter.Write(sheet), XlsxWriter.ContentType, $"Пары и группы {RussianText.Date(db.Clock.Today())}.xlsx");
    }

    /// <summary>The live pairs of the program as tandems and groups, ordered by mentor; null program when not found.</summary>
    public async Task<(MentoringProgram? Program, List<Row> Rows)> RowsAsync(int programId, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return (null, []);
        var pairs = await db.MentoringPairs.AsNoTracking().Where(p => p.ProgramId == program.Id
                && (p.Status == PairStatus.Approved || p.Status == PairStatus.Active))
            .Select(p => new
            {
                p.MentorId, p.MenteeId, p.TopicId, p.Status,
                Mentor = PersonNameParts(p.Mentor!), Mentee = PersonNameParts(p.Mentee!),
                Topic = p.Topic!.Name, Direction = p.Topic.Direction!.Name,
            }).ToListAsync(ct);
        var names = pairs.SelectMany(p => new[] { (p.MentorId, p.Mentor), (p.MenteeId, p.Mentee) }).DistinctBy(x => x.Item1).ToDictionary(x => x.Item1, x => x.Item2);
        var topics = pairs.DistinctBy(p => p.TopicId).ToDictionary(p => p.TopicId, p => $"{p.Direction}: {p.Topic}");
        var active = pairs.Where(p => p.Status == PairStatus.Active).Select(p => (p.MentorId, p.MenteeId, p.TopicId)).ToHashSet();
        var (tandems, groups) = Formation.Split(pairs.Select(p => (p.MentorId, p.MenteeId, p.TopicId)));
        var order = StringComparer.Create(RussianText.Culture, true);
        string Status(IEnumerable<(int, int, int)> keys) => keys.Any(active.Contains) ? "работает" : "утверждена";
        var rows = tandems.Select(t => new Row(false, names[t.Mentor], [names[t.Mentee]], t.Topics.Select(x => topics[x]).ToList(),
                Status(t.Topics.Select(x => (t.Mentor, t.Mentee, x)))))
            .Concat(groups.Select(g => new Row(true, names[g.Mentor], g.Mentees.Select(m => names[m]).Order(order).ToList(), [topics[g.Topic]],
                Status(g.Mentees.Select(m => (g.Mentor, m, g.Topic))))))
            .OrderBy(r => r.Mentor, order).ThenBy(r => r.Mentees[0], order).ToList();
        return (program, rows);
    }

    /// <summary>The school's name and its director («И. О. Фамилия», or a blank line when the registry has no director).</summary>
    public async Task<DocumentData> SchoolAsync(int schoolId, CancellationToken ct)
    {
        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == schoolId).Select(o => o.Name).FirstAsync(ct);
        var director = await db.People.AsNoTracking().Where(p => p.SchoolId == schoolId && !p.IsArchived && p.Position == "Директор")
            .OrderBy(p => p.Id).Select(p => new { p.LastName, p.FirstName, p.MiddleName }).FirstOrDefaultAsync(ct);
        return new DocumentData().Set("Школа.Наименование", name)
            .Set("Школа.Директор", director is null ? null : PairNames.InitialsFirst(director.LastName, director.FirstName, director.MiddleName));
    }

    private static string PersonNameParts(Person p) => PersonName.Full(p.LastName, p.FirstName, p.MiddleName);
}

/// <summary>Short forms of a name for documents.</summary>
public static class PairNames
{
    /// <summary>«И. О. Фамилия» (under a signature).</summary>
    public static string InitialsFirst(string last, string first, string? middle) => $"{Initials(first, middle)} {last}";

    /// <summary>«Фамилия И. О.» (in a record of who did what).</summary>
    public static string InitialsLast(string last, string first, string? middle) => $"{last} {Initials(first, middle)}";

    private static string Initials(string first, string? middle) =>
        string.IsNullOrWhiteSpace(middle) ? $"{first[0]}." : $"{first[0]}. {middle[0]}.";
}
