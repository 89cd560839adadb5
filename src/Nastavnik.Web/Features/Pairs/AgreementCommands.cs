using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Files;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Pairs;

/// <summary>Who may do what with a pair's agreement, for the page to show the right buttons.</summary>
public sealed record AgreementRights(bool Edit, bool AcceptAsMentor, bool AcceptAsMentee);

/// <summary>
/// A pair's agreement (договор о наставничестве): created with the model regulations' defaults and edited by the curator or the mentor,
/// accepted in the app by the mentor and by the mentee (who, when). A change of terms after an acceptance clears both acceptances.
/// Two editors at once: the second gets Stale and keeps their text. The pair is read through its privacy filter, so anyone else
/// does not find it.
/// </summary>
public sealed class AgreementCommands(AppDbContext db, PairDocuments documents, Documents.TemplateStore templates)
{
    private sealed record PairFacts(MentoringPair Pair, string Topic, string Direction, DateOnly ProgramEnd, bool Reverse);

    public async Task<AgreementRights?> RightsAsync(int pairId, CancellationToken ct = default)
    {
        var pair = await db.MentoringPairs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pairId, ct);
        if (pair is null) return null;
        var me = db.School.PersonId;
        return new AgreementRights(pair.IsLive && (db.School.IsSchoolManager || pair.MentorId == me), pair.IsLive && pair.MentorId == me, pair.IsLive && pair.MenteeId == me);
    }

    public async Task<CommandResult<PairAgreement?>> GetAsync(int pairId, CancellationToken ct = default)
    {
        if (!await db.MentoringPairs.AnyAsync(p => p.Id == pairId, ct)) return CommandError.NotFound(PairCommands.NotFoundText);
        return await db.PairAgreements.AsNoTracking().FirstOrDefaultAsync(a => a.PairId == pairId, ct);
    }

    /// <summary>The agreement with default terms (or the existing one, unchanged).</summary>
    public async Task<CommandResult<PairAgreement>> CreateAsync(int pairId, CancellationToken ct = default)
    {
        if (await FactsAsync(pairId, ct) is not { } f) return CommandError.NotFound(PairCommands.NotFoundText);
        if (await CanEditAsync(f.Pair) is { } refused) return refused;
        if (await db.PairAgreements.FirstOrDefaultAsync(a => a.PairId == pairId, ct) is { } existing) return existing;
        var agreement = new PairAgreement
        {
            SchoolId = f.Pair.SchoolId, PairId = f.Pair.Id, ConcludedOn = db.Clock.Today(), ValidUntil = f.ProgramEnd,
            Subject = $"Наставничество по направлению {RussianText.Quote(f.Direction)}, тема {RussianText.Quote(f.Topic)}: преодоление профессиональных затруднений наставляемого и его профессиональное развитие по индивидуальному образовательному маршруту.",
            Form = f.Reverse ? "педагог — педагог (реверсивное наставничество)" : "педагог — педагог",
            MentorDuties = AgreementDefaults.MentorDuties, MenteeDuties = AgreementDefaults.MenteeDuties, MeetingTerms = AgreementDefaults.MeetingTerms,
        };
        if (agreement.ValidUntil < agreement.ConcludedOn) agreement.ValidUntil = agreement.ConcludedOn;
        db.PairAgreements.Add(agreement);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await db.PairAgreements.AsNoTracking().FirstAsync(a => a.PairId == pairId, ct);
        }
        return agreement;
    }

    /// <summary>Saves the terms read at <paramref name="version"/>; a change after an acceptance clears both, and the message says so.</summary>
    public async Task<CommandResult<(PairAgreement Agreement, string Message)>> UpdateAsync(int pairId, AgreementInput input, int version, CancellationToken ct = default)
    {
        if (await FactsAsync(pairId, ct) is not { } f) return CommandError.NotFound(PairCommands.NotFoundText);
        if (await CanEditAsync(f.Pair) is { } refused) return refused;
        var agreement = await db.PairAgreements.FirstOrDefaultAsync(a => a.PairId == pairId, ct);
        if (agreement is null) return CommandError.NotFound("Договор ещё не составлен.");
        if (InputRules.Check(input, db.Clock, "Договор не сохранён: проверьте поля.") is { } invalid) return invalid;
        input.Normalize();
        if (agreement.Version != version)
            return CommandError.Stale("Договор изменил другой пользователь, пока вы его правили. Ваш текст остался в форме: сверьте его с новой редакцией и сохраните снова.");
        if (!input.Differs(agreement)) return (agreement, "Изменений нет.");
        var wasAccepted = agreement.MentorAcceptedAt is not null || agreement.MenteeAcceptedAt is not null;
        input.ApplyTo(agreement);
        (agreement.MentorAcceptedAt, agreement.MentorAcceptedBy, agreement.MenteeAcceptedAt, agreement.MenteeAcceptedBy) = (null, null, null, null);
        if (await db.SaveOrStaleAsync(StaleMessage, ct) is { } stale) return stale;
        return (agreement, wasAccepted
            ? "Договор сохранён. Условия изменились, поэтому принятие договора наставником и наставляемым снято: обоим нужно принять его заново."
            : "Договор сохранён.");
    }

    /// <summary>The mentor or the mentee accepts the terms they read at <paramref name="version"/> (who and when are kept).</summary>
    public async Task<CommandResult<PairAgreement>> AcceptAsync(int pairId, int version, CancellationToken ct = default)
    {
        var pair = await db.MentoringPairs.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pairId, ct);
        if (pair is null) return CommandError.NotFound(PairCommands.NotFoundText);
        var agreement = await db.PairAgreements.FirstOrDefaultAsync(a => a.PairId == pairId, ct);
        if (agreement is null) return CommandError.NotFound("Договор ещё не составлен.");
        var me = db.School.PersonId;
        if (pair.MentorId != me && pair.MenteeId != me) return CommandError.Forbidden("Принять договор могут только наставник и наставляемый этой пары.");
        if (!pair.IsLive) return CommandError.Conflict("Пара уже завершена: договор принять нельзя.");
        if (agreement.Version != version) return CommandError.Stale("Условия договора изменились, пока вы его читали. Прочитайте новую редакцию и примите её.");
        var who = await db.People.AsNoTracking().Where(p => p.Id == me).Select(p => new { p.LastName, p.FirstName, p.MiddleName }).FirstAsync(ct);
        var name = PairNames.InitialsLast(who.LastName, who.FirstName, who.MiddleName);
        var now = db.Clock.UtcTime();
        if (pair.MentorId == me) (agreement.MentorAcceptedAt, agreement.MentorAcceptedBy) = (now, name);
        if (pair.MenteeId == me) (agreement.MenteeAcceptedAt, agreement.MenteeAcceptedBy) = (now, name);
        if (await db.SaveOrStaleAsync(StaleMessage, ct) is { } stale) return stale;
        return agreement;
    }

    /// <summary>The agreement as .docx from the generator: the parties, the terms and the record of acceptance.</summary>
    public async Task<CommandResult<DocumentFile>> DocxAsync(int pairId, CancellationToken ct = default)
    {
        var pair = await db.MentoringPairs.AsNoTracking().Where(p => p.Id == pairId).Select(p => new
        {
            p.SchoolId, Mentor = new { p.Mentor!.LastName, p.Mentor.FirstName, p.Mentor.MiddleName, p.Mentor.Position },
            Mentee = new { p.Mentee!.LastName, p.Mentee.FirstName, p.Mentee.MiddleName, p.Mentee.Position },
        }).FirstOrDefaultAsync(ct);
        if (pair is null) return CommandError.NotFound(PairCommands.NotFoundText);
        var a = await db.PairAgreements.AsNoTracking().FirstOrDefaultAsync(x => x.PairId == pairId, ct);
        if (a is null) return CommandError.NotFound("Договор ещё не составлен.");
        static string Accepted(DateTime? at, string? by) => at is { } t ? $"Принят в электронном виде: {by}, {RussianText.DateTime(t)}." : "Не принят.";
        var data = (await documents.SchoolAsync(pair.SchoolId, ct))
            .Set("Договор.Номер", a.Number).Set("Договор.Дата", RussianText.Date(a.ConcludedOn)).Set("Договор.СрокДействия", RussianText.Date(a.ValidUntil))
            .Set("Договор.Предмет", a.Subject).Set("Договор.Форма", a.Form).Set("Договор.ОбязанностиНаставника", a.MentorDuties)
            .Set("Договор.ОбязанностиНаставляемого", a.MenteeDuties).Set("Договор.Встречи", a.MeetingTerms).Set("Договор.ДополнительныеУсловия", a.ExtraTerms ?? "нет")
            .Set("Наставник.ФИО", PersonName.Full(pair.Mentor.LastName, pair.Mentor.FirstName, pair.Mentor.MiddleName)).Set("Наставник.Должность", pair.Mentor.Position ?? "педагог")
            .Set("Наставляемый.ФИО", PersonName.Full(pair.Mentee.LastName, pair.Mentee.FirstName, pair.Mentee.MiddleName)).Set("Наставляемый.Должность", pair.Mentee.Position ?? "педагог")
            .Set("Договор.ПринятНаставником", Accepted(a.MentorAcceptedAt, a.MentorAcceptedBy))
            .Set("Договор.ПринятНаставляемым", Accepted(a.MenteeAcceptedAt, a.MenteeAcceptedBy));
        var filled = await templates.FillAsync(pair.SchoolId, PairDocumentTemplates.Agreement, data, ct);
        if (filled.Error is { } refused) return refused;
        return new DocumentFile(filled.Value!, DocxWriter.ContentType, $"Договор о наставничестве — {pair.Mentee.LastName}.docx");
    }

    private async Task<PairFacts?> FactsAsync(int pairId, CancellationToken ct)
    {
        var row = await db.MentoringPairs.Where(p => p.Id == pairId).Select(p => new
        {
            Pair = p, Topic = p.Topic!.Name, Direction = p.Topic.Direction!.Name,
            MentorExp = p.Mentor!.ExperienceYears, MenteeExp = p.Mentee!.ExperienceYears, MentorBorn = p.Mentor.BirthYear, MenteeBorn = p.Mentee.BirthYear,
        }).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var end = (await db.PairProgramAsync(pairId, ct))!.EndDate;
        // Reverse as matching marks it: the mentor has less experience; without experience on record, the younger mentor.
        var reverse = row.MentorExp is { } me && row.MenteeExp is { } ee ? me < ee : row.MentorBorn > row.MenteeBorn;
        return new PairFacts(row.Pair, row.Topic, row.Direction, end, reverse);
    }

    private Task<CommandError?> CanEditAsync(MentoringPair pair)
    {
        if (!db.School.IsSchoolManager && pair.MentorId != db.School.PersonId)
            return Task.FromResult<CommandError?>(CommandError.Forbidden("Составить и изменить договор могут куратор программы и наставник пары."));
        if (!pair.IsLive) return Task.FromResult<CommandError?>(CommandError.Conflict("Пара завершена: договор больше не меняется."));
        return Task.FromResult<CommandError?>(null);
    }

    private const string StaleMessage =
        "Договор одновременно изменил другой пользователь. Ваш текст остался в форме: сверьте его с новой редакцией и сохраните снова.";
}

/// <summary>Default terms from the model regulations on mentoring of teachers (seed 002).</summary>
public static class AgreementDefaults
{
    public const string MentorDuties = """
        разработать совместно с наставляемым индивидуальный образовательный маршрут и помогать в его выполнении;
        проводить встречи с наставляемым по согласованному графику;
        оказывать методическую помощь, посещать уроки наставляемого и анализировать их вместе с ним;
        делиться опытом, приглашать наставляемого на свои уроки и мероприятия;
        оценивать продвижение наставляемого и давать ему обратную связь;
        не разглашать сведения, ставшие известными в ходе наставничества.
        """;

    public const string MenteeDuties = """
        выполнять задачи индивидуального образовательного маршрута в согласованные сроки;
        участвовать во встречах с наставником, готовить к ним вопросы и материалы;
        посещать уроки и мероприятия наставника и применять полученный опыт в работе;
        сообщать наставнику о затруднениях и результатах;
        давать обратную связь после встреч.
        """;

    public const string MeetingTerms = "Не реже двух раз в месяц, очно или в онлайн-формате, в согласованное сторонами время.";
}
