using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Pairs;
using Nastavnik.Web.Files;
using Nastavnik.Web.Files.Documents;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Documents;

/// <summary>
/// The school's regulation on mentoring (положение о наставничестве): the model regulation's sections (<see cref="RegulationText"/>)
/// filled with the school's details, each section's text editable by the curator. Every save is a new version (number, date, author,
/// the approving order), kept and downloadable; a save from a version that is no longer the latest is refused.
/// </summary>
public sealed class RegulationCommands(AppDbContext db, PairDocuments pairs)
{
    public const int MaxSectionText = 20_000;

    public static readonly DocumentTemplate Template = new("regulation", "Положение о системе наставничества педагогических работников",
    [
        new("Школа.Наименование", "полное наименование школы"),
        new("Школа.КраткоеНаименование", "краткое наименование школы"),
        new("Школа.Адрес", "адрес школы"),
        new("Школа.Реквизиты", "адрес, телефон, e-mail, ИНН, ОГРН одной строкой"),
        new("Школа.Директор", "директор: И. О. Фамилия"),
        new("Школа.ДолжностьДиректора", "должность руководителя"),
        new("Положение.Версия", "номер редакции"),
        new("Положение.Дата", "дата редакции: «25» ноября 2026 г."),
        new("Положение.Приказ", "приказ, которым утверждена редакция (пусто — линия)"),
    ], () => Build(RegulationText.Default));

    public sealed record Version(int Number, DateTime CreatedAt, string Author, string? ApprovingOrder, IReadOnlyList<RegulationSection> Sections);

    /// <summary>The latest version, or the model text as version 0 when the school has saved none.</summary>
    public async Task<Version> CurrentAsync(CancellationToken ct = default) =>
        (await db.RegulationVersions.AsNoTracking().OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct)) is { } v
            ? ToVersion(v) : new Version(0, default, "", null, RegulationText.Default);

    public async Task<List<Version>> VersionsAsync(CancellationToken ct = default) =>
        (await db.RegulationVersions.AsNoTracking().OrderByDescending(v => v.Number).ToListAsync(ct)).Select(ToVersion).ToList();

    /// <summary>Saves the sections as the version after <paramref name="readNumber"/>, the latest the curator read (0: the model text).</summary>
    public async Task<CommandResult<Version>> SaveAsync(IReadOnlyList<RegulationSection> sections, string? approvingOrder, int readNumber, CancellationToken ct = default)
    {
        var problems = new List<string>();
        if (sections.Count == 0) problems.Add("В положении нет ни одного раздела.");
        foreach (var (s, i) in sections.Select((s, i) => (s, i + 1)))
        {
            if (string.IsNullOrWhiteSpace(s.Title)) problems.Add($"Раздел {i}: укажите заголовок.");
            else if (s.Title.Length > 300) problems.Add($"Раздел {i}: заголовок длиннее 300 символов.");
            if (string.IsNullOrWhiteSpace(s.Text)) problems.Add($"Раздел {i} «{s.Title}»: текст пустой.");
            else if (s.Text.Length > MaxSectionText) problems.Add($"Раздел {i} «{s.Title}»: текст длиннее {MaxSectionText} символов.");
            if (InputRules.Unprintable(s.Text, $"раздел {i}") is { } bad) problems.Add(bad.Message);
        }
        var order = RussianText.Clean(approvingOrder);
        if (order is { Length: > 100 }) problems.Add("Приказ об утверждении длиннее 100 символов.");
        if (problems.Count > 0) return CommandError.Invalid("Положение не сохранено.", problems);
        var clean = sections.Select(s => new RegulationSection(RussianText.Clean(s.Title)!, s.Text.Replace("\r\n", "\n").Trim())).ToList();
        // A placeholder typed wrong would break the document: refuse the save with the template's own message.
        try { _ = DocxTemplate.Fill(Build(clean), await DataAsync(readNumber + 1, DateOnly.FromDateTime(db.Clock.UtcTime()), order, ct)); }
        catch (DocumentTemplateException e) { return CommandError.Invalid("Положение не сохранено.", e.Message); }
        var latest = await db.RegulationVersions.Select(v => (int?)v.Number).MaxAsync(ct) ?? 0;
        if (latest != readNumber)
            return CommandError.Stale($"Пока вы редактировали, положение сохранили в редакции {latest}. Обновите страницу: ваши изменения не сохранены.");
        var version = new RegulationVersion
        {
            Number = readNumber + 1, Author = await AuthorAsync(ct), ApprovingOrder = order, Sections = JsonSerializer.Serialize(clean),
        };
        db.RegulationVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return CommandError.Stale("Положение только что сохранил другой пользователь. Обновите страницу: ваши изменения не сохранены.");
        }
        return ToVersion(version);
    }

    /// <summary>The version <paramref name="number"/> as a .docx (null: the latest, or the model text when none is saved).</summary>
    public async Task<CommandResult<DocumentFile>> DocumentAsync(int? number, CancellationToken ct = default)
    {
        Version? v = number is { } n
            ? (await db.RegulationVersions.AsNoTracking().FirstOrDefaultAsync(x => x.Number == n, ct)) is { } found ? ToVersion(found) : null
            : await CurrentAsync(ct);
        if (v is null) return CommandError.NotFound("Такой редакции положения нет.");
        var day = v.Number == 0 ? db.Clock.Today() : DateOnly.FromDateTime(SchoolTime.Local(v.CreatedAt));
        var data = await DataAsync(v.Number, day, v.ApprovingOrder, ct);
        byte[] bytes;
        try { bytes = DocxTemplate.Fill(Build(v.Sections), data); }
        catch (DocumentTemplateException e) { return CommandError.Invalid("Положение не составлено.", e.Message); }
        var suffix = v.Number == 0 ? "примерная редакция" : $"редакция {v.Number} от {RussianText.Date(day)}";
        return new DocumentFile(bytes, DocxWriter.ContentType, $"Положение о наставничестве, {suffix}.docx");
    }

    private async Task<DocumentData> DataAsync(int number, DateOnly day, string? order, CancellationToken ct) =>
        (await pairs.SchoolAsync(db.School.SchoolId ?? CurrentSchool.NoSchool, ct))
            .Set("Положение.Версия", number == 0 ? "примерная" : number.ToString(RussianText.Culture))
            .Set("Положение.Дата", RussianText.DocumentDate(day))
            .Set("Положение.Приказ", order);

    /// <summary>The author as «Фамилия И. О.» of their staff card, else the account's login.</summary>
    private async Task<string> AuthorAsync(CancellationToken ct)
    {
        var me = db.School.PersonId;
        var person = await db.People.Where(p => p.Id == me).Select(p => new { p.LastName, p.FirstName, p.MiddleName }).FirstOrDefaultAsync(ct);
        return person is null ? db.School.UserName : PairNames.InitialsLast(person.LastName, person.FirstName, person.MiddleName);
    }

    private static Version ToVersion(RegulationVersion v) =>
        new(v.Number, v.CreatedAt, v.Author, v.ApprovingOrder, JsonSerializer.Deserialize<List<RegulationSection>>(v.Sections) ?? []);

    private static byte[] Build(IReadOnlyList<RegulationSection> sections)
    {
        var b = new OfficialDocxBuilder()
            .AtRight("УТВЕРЖДЕНО")
            .AtRight("приказом {{Положение.Приказ}}")
            .AtRight("{{Школа.ДолжностьДиректора}} ____________ {{Школа.Директор}}")
            .Blank()
            .Centered("{{Школа.Наименование}}", bold: true)
            .Centered("{{Школа.Реквизиты}}", after: 240)
            .Title("ПОЛОЖЕНИЕ")
            .Centered("о системе наставничества педагогических работников", bold: true)
            .Centered("Редакция {{Положение.Версия}} от {{Положение.Дата}}", after: 240);
        foreach (var (s, i) in sections.Select((s, i) => (s, i + 1)))
        {
            b.Heading($"{i}. {s.Title}");
            var lines = s.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var (line, j) in lines.Select((l, j) => (l, j + 1))) b.Paragraph($"{i}.{j}. {line}");
        }
        return b.Build();
    }
}
