using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Matching;
using Nastavnik.Web.Files;
using Nastavnik.Web.Files.Documents;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Pairs;

/// <summary>A file handed out: its bytes, type and name.</summary>
public sealed record DocumentFile(byte[] Bytes, string ContentType, string FileName);

/// <summary>Who signs an order when it is not the director of the school's details (an acting head): printed under the order.</summary>
public sealed record Signer(string Name, string? Position)
{
    public DocumentData ApplyTo(DocumentData data) =>
        data.Set("Школа.Директор", PairNames.InitialsFirst(Name)).Set("Школа.ДолжностьДиректора", Position ?? "Директор");
}

/// <summary>A generated order and the people it concerns (its «Ознакомлены» list): ids and full names, in the sheet's order.</summary>
public sealed record GeneratedOrder(DocumentFile File, IReadOnlyList<(int Id, string Name)> Readers)
{
    private const string Id = "Ид";

    /// <summary>The sheet «С приказом ознакомлены»: each person once, in alphabetical order; the id rides along for the register.</summary>
    public static void SetReaders(DocumentData data, IEnumerable<(int Id, string Name)> people) =>
        data.SetItems("Ознакомлены", people.DistinctBy(p => p.Id).OrderBy(p => p.Name, StringComparer.Create(RussianText.Culture, true))
            .Select(p => (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?> { ["ФИО"] = p.Name, [Id] = p.Id.ToString(RussianText.Culture) }));

    public static List<(int Id, string Name)> ReadersOf(DocumentData data) => data.Collections.TryGetValue("Ознакомлены", out var items)
        ? items.Select(r => (int.Parse(r[Id]!, RussianText.Culture), r["ФИО"]!)).ToList() : [];
}

/// <summary>
/// The pairs' documents of a program: the order fixing the live pairs and groups (.docx), their list (.xlsx), and a pair's agreement
/// (.docx). Pairs are read through the privacy filters, so only the managers get a whole program's list.
/// </summary>
public sealed class PairDocuments(AppDbContext db, Documents.TemplateStore templates)
{
    /// <summary>A row of the order and of the list: a tandem (one mentee, one or more topics) or a group (several mentees, one topic).</summary>
    public sealed record Row(bool Group, string Mentor, IReadOnlyList<string> Mentees, IReadOnlyList<string> Topics, string Status,
        int MentorId = 0, IReadOnlyList<int>? MenteeIds = null);

    public async Task<CommandResult<DocumentFile>> OrderAsync(int programId, string? number, DateOnly? date, CancellationToken ct = default)
    {
        var result = await GenerateOrderAsync(programId, number, date, null, ct);
        return result.Error is { } error ? error : result.Value!.File;
    }

    /// <summary>The order fixing the pairs with the people it concerns (every mentor and mentee) by id, for the register.</summary>
    public async Task<CommandResult<GeneratedOrder>> GenerateOrderAsync(int programId, string? number, DateOnly? date, Signer? signer,
        CancellationToken ct = default)
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
            ;
        GeneratedOrder.SetReaders(data, rows.SelectMany(r => r.MenteeIds!.Zip(r.Mentees).Prepend((r.MentorId, r.Mentor))));
        signer?.ApplyTo(data);
        var filled = await templates.FillAsync(program.SchoolId, PairDocumentTemplates.Order, data, ct);
        if (filled.Error is { } refused) return refused;
        return new GeneratedOrder(new DocumentFile(filled.Value!, DocxWriter.ContentType, $"Приказ о закреплении наставнических пар {RussianText.Date(date ?? db.Clock.Today())}.docx"),
            GeneratedOrder.ReadersOf(data));
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
                Status(t.Topics.Select(x => (t.Mentor, t.Mentee, x))), t.Mentor, [t.Mentee]))
            .Concat(groups.Select(g => g.Mentees.OrderBy(m => names[m], order).ToList() is var mentees
                ? new Row(true, names[g.Mentor], mentees.Select(m => names[m]).ToList(), [topics[g.Topic]],
                    Status(g.Mentees.Select(m => (g.Mentor, m, g.Topic))), g.Mentor, mentees) : null!))
            .OrderBy(r => r.Mentor, order).ThenBy(r => r.Mentees[0], order).ToList();
        return (program, rows);
    }

    /// <summary>
    /// The school's details (<see cref="Organization"/>, edited on «Реквизиты школы»): full and short name, address, phone, e-mail, ИНН,
    /// ОГРН as one line, and the director («И. О. Фамилия» and position; when none is set, the registry's «Директор», else a blank line).
    /// </summary>
    public async Task<DocumentData> SchoolAsync(int schoolId, CancellationToken ct)
    {
        var s = await db.Organizations.AsNoTracking().Where(o => o.Id == schoolId)
            .Select(o => new { o.Name, o.ShortName, o.Address, o.Phone, o.Email, o.Inn, o.Ogrn, o.DirectorName, o.DirectorPosition }).FirstAsync(ct);
        var director = s.DirectorName;
        if (director is null)
        {
            var found = await db.People.AsNoTracking().Where(p => p.SchoolId == schoolId && !p.IsArchived && p.Position == "Директор")
                .OrderBy(p => p.Id).Select(p => new { p.LastName, p.FirstName, p.MiddleName }).FirstOrDefaultAsync(ct);
            director = found is null ? null : PersonName.Full(found.LastName, found.FirstName, found.MiddleName);
        }
        return new DocumentData().Set("Школа.Наименование", s.Name)
            .Set("Школа.КраткоеНаименование", s.ShortName ?? s.Name)
            .Set("Школа.Адрес", s.Address).Set("Школа.Телефон", s.Phone).Set("Школа.ЭлПочта", s.Email).Set("Школа.ИНН", s.Inn).Set("Школа.ОГРН", s.Ogrn)
            .Set("Школа.Реквизиты", string.Join(", ", new[]
            {
                s.Address, s.Phone is null ? null : "тел. " + s.Phone, s.Email is null ? null : "e-mail: " + s.Email,
                s.Inn is null ? null : "ИНН " + s.Inn, s.Ogrn is null ? null : "ОГРН " + s.Ogrn,
            }.Where(x => x is not null)))
            .Set("Школа.Директор", director is null ? null : PairNames.InitialsFirst(director))
            .Set("Школа.ДиректорФИО", director)
            .Set("Школа.ДолжностьДиректора", s.DirectorPosition ?? "Директор");
    }

    private static string PersonNameParts(Person p) => PersonName.Full(p.LastName, p.FirstName, p.MiddleName);
}

/// <summary>Short forms of a name for documents.</summary>
public static class PairNames
{
    /// <summary>«И. О. Фамилия» (under a signature).</summary>
    public static string InitialsFirst(string last, string first, string? middle) => $"{Initials(first, middle)} {last}";

    /// <summary>«И. О. Фамилия» of a full name «Фамилия Имя Отчество» (a single word stays as typed).</summary>
    public static string InitialsFirst(string fullName)
    {
        var parts = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length < 2 ? fullName : InitialsFirst(parts[0], parts[1], parts.Length > 2 ? parts[2] : null);
    }

    /// <summary>«Фамилия И. О.» (in a record of who did what).</summary>
    public static string InitialsLast(string last, string first, string? middle) => $"{last} {Initials(first, middle)}";

    private static string Initials(string first, string? middle) =>
        string.IsNullOrWhiteSpace(middle) ? $"{first[0]}." : $"{first[0]}. {middle[0]}.";
}
