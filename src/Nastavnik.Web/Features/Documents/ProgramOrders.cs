using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Monitoring;
using Nastavnik.Web.Features.Pairs;
using Nastavnik.Web.Files;
using Nastavnik.Web.Files.Documents;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Documents;

using Item = IReadOnlyDictionary<string, string?>;

/// <summary>
/// A program's orders at each stage of the year, filled from its data: the target model, the program and its roadmap, the curator, the
/// mentors, the pairs (<see cref="PairDocuments"/>), the final event, the results and the mentors' reward. Read through the privacy
/// filters; the pages and the API let only the program's managers download them.
/// </summary>
public sealed partial class ProgramOrders(AppDbContext db, PairDocuments pairs, ProgramIndicators indicators, TemplateStore templates)
{
    /// <summary>Every order in the order of the year, the pairs' one among them.</summary>
    public static readonly IReadOnlyList<DocumentTemplate> All =
    [
        OrderTemplates.TargetModel, OrderTemplates.ProgramAndRoadmap, OrderTemplates.Curator, OrderTemplates.Mentors,
        PairDocumentTemplates.Order, OrderTemplates.FinalEvent, OrderTemplates.Results, OrderTemplates.Reward,
    ];

    /// <summary>The order <paramref name="code"/> of the program as a .docx: number (empty: a line to write it by hand) and date (today).</summary>
    public async Task<CommandResult<DocumentFile>> OrderAsync(int programId, string code, string? number, DateOnly? date, CancellationToken ct = default)
    {
        var result = await GenerateAsync(programId, code, number, date, null, ct);
        return result.Error is { } error ? error : result.Value!.File;
    }

    /// <summary>The order as a .docx with the people it concerns (its «Ознакомлены» list) by id, for the register.</summary>
    public async Task<CommandResult<GeneratedOrder>> GenerateAsync(int programId, string code, string? number, DateOnly? date, Signer? signer,
        CancellationToken ct = default)
    {
        var template = All.FirstOrDefault(t => t.Code == code);
        if (template is null) return CommandError.NotFound("Такого приказа нет.");
        if (template == PairDocumentTemplates.Order) return await pairs.GenerateOrderAsync(programId, number, date, signer, ct);
        var program = await db.Programs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return CommandError.NotFound("Программа не найдена.");
        var day = date ?? db.Clock.Today();
        var data = await CommonAsync(program, number, day, ct);
        var error = template.Code switch
        {
            "order-program" => await RoadmapAsync(program, data, ct),
            "order-mentors" => await MentorsAsync(program, data, completedOnly: false, ct),
            "order-reward" => await MentorsAsync(program, data, completedOnly: true, ct),
            "order-final-event" => await FinalEventAsync(program, data, ct),
            "order-results" => await ResultsAsync(program, data, day, ct),
            _ => null,
        };
        if (error is not null) return error;
        signer?.ApplyTo(data);
        var filled = await templates.FillAsync(program.SchoolId, template, data, ct);
        if (filled.Error is { } refused) return refused;
        return new GeneratedOrder(new DocumentFile(filled.Value!, DocxWriter.ContentType, $"{template.Title} {RussianText.Date(day)}.docx"), GeneratedOrder.ReadersOf(data));
    }

    /// <summary>The school, the order's number and date, the program, its curators (declined) and the curators as the default readers.</summary>
    private async Task<DocumentData> CommonAsync(MentoringProgram program, string? number, DateOnly day, CancellationToken ct)
    {
        var curators = await db.ProgramCurators.AsNoTracking().Where(c => c.ProgramId == program.Id).OrderBy(c => c.Id)
            .Select(c => new Named(c.PersonId, c.Person!.LastName, c.Person.FirstName, c.Person.MiddleName, c.Person.Position)).ToListAsync(ct);
        var data = (await pairs.SchoolAsync(program.SchoolId, ct))
            .Set("Приказ.Номер", RussianText.Clean(number))
            .Set("Приказ.Дата", RussianText.DocumentDate(day))
            .Set("Программа.Наименование", RussianText.Inner(program.Name))
            .Set("Программа.Начало", RussianText.Date(program.StartDate))
            .Set("Программа.Окончание", RussianText.Date(program.EndDate))
            .Set("Программа.УчебныйГод", program.StartDate.Year == program.EndDate.Year
                ? program.StartDate.Year.ToString(RussianText.Culture) : $"{program.StartDate.Year}/{program.EndDate.Year}")
            .Set("Кураторы.Кого", curators.Count == 0 ? null : string.Join(", ", curators.Select(c => c.In(NameCase.Accusative) + c.PositionNote)))
            .Set("Кураторы.Кому", curators.Count == 0 ? null : string.Join(", ", curators.Select(c => c.In(NameCase.Dative))));
        GeneratedOrder.SetReaders(data, curators.Select(c => (c.Id, c.Full)));
        return data;
    }

    private async Task<CommandError?> RoadmapAsync(MentoringProgram program, DocumentData data, CancellationToken ct)
    {
        data.Set("Программа.Цель", RussianText.Clean(program.Goal));
        var events = await db.RoadmapEvents.AsNoTracking().Where(e => e.ProgramId == program.Id && e.Status != EventStatus.Cancelled)
            .OrderBy(e => e.Stage!.SortOrder).ThenBy(e => e.SortOrder).ThenBy(e => e.Id)
            .Select(e => new
            {
                Stage = e.Stage!.Title, e.Title, e.StartDate, e.DueDate, e.Timing, e.ResponsibleText,
                Person = e.ResponsiblePerson == null ? null : new Named(e.ResponsiblePerson.Id, e.ResponsiblePerson.LastName, e.ResponsiblePerson.FirstName, e.ResponsiblePerson.MiddleName, null),
            }).ToListAsync(ct);
        if (events.Count == 0) return CommandError.Invalid("В дорожной карте программы нет мероприятий: приложение к приказу было бы пустым. Заполните дорожную карту.");
        data.SetItems("Мероприятия", events.Select((e, i) => (Item)new Dictionary<string, string?>
        {
            ["Номер"] = (i + 1).ToString(RussianText.Culture), ["Этап"] = e.Stage, ["Название"] = e.Title,
            ["Срок"] = Timing(e.StartDate, e.DueDate, e.Timing), ["Ответственный"] = e.Person?.Full ?? e.ResponsibleText,
        }));
        return null;
    }

    private async Task<CommandError?> FinalEventAsync(MentoringProgram program, DocumentData data, CancellationToken ct)
    {
        var events = await db.RoadmapEvents.AsNoTracking().Where(e => e.ProgramId == program.Id && e.Status != EventStatus.Cancelled)
            .OrderBy(e => e.Stage!.SortOrder).ThenBy(e => e.SortOrder).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Title, e.StartDate, e.DueDate, e.Timing, e.ResponsibleText,
                Person = e.ResponsiblePerson == null ? null : new Named(e.ResponsiblePerson.Id, e.ResponsiblePerson.LastName, e.ResponsiblePerson.FirstName, e.ResponsiblePerson.MiddleName, e.ResponsiblePerson.Position),
            }).ToListAsync(ct);
        // The final event is the last one the roadmap calls final («итоговая конференция», «подведение итогов»), else its last event.
        var final = events.LastOrDefault(e => RussianText.Fold(e.Title).Contains("итог", StringComparison.Ordinal)) ?? events.LastOrDefault();
        if (final is null) return CommandError.Invalid("В дорожной карте программы нет мероприятий: итоговое мероприятие не из чего взять.");
        data.Set("Мероприятие.Название", final.Title)
            .Set("Мероприятие.Срок", Timing(final.StartDate, final.DueDate, final.Timing))
            .Set("Мероприятие.Ответственный", final.Person is { } p ? p.In(NameCase.Nominative) + p.PositionNote : final.ResponsibleText);
        if (final.Person is { } responsible)
            GeneratedOrder.SetReaders(data, GeneratedOrder.ReadersOf(data).Append((responsible.Id, responsible.Full)));
        return null;
    }

    private static string Timing(DateOnly? start, DateOnly? due, string? timing) =>
        RussianText.Clean(timing) ?? (start is { } s && due is { } d && s != d ? $"{RussianText.Date(s)} — {RussianText.Date(d)}"
            : due is not null ? RussianText.Date(due) : start is not null ? RussianText.Date(start) : "в течение года");

    /// <summary>A person named in an order: the full name, declined where the sentence needs it, with the position in brackets.</summary>
    private sealed record Named(int Id, string Last, string First, string? Middle, string? Position)
    {
        public string Full => PersonName.Full(Last, First, Middle);
        public string In(NameCase c) => RussianNames.Full(Last, First, Middle, c);
        public string PositionNote => RussianText.InSentence(Position) is { } p ? $" ({p})" : "";
    }
}
