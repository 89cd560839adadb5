using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Notifications;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Consultations;

/// <summary>
/// One-off consultations (флеш-наставничество, seed 001), for pages and the API alike: a teacher asks a colleague (the psychologist
/// too, through their card), the colleague accepts or declines, either logs it held with its date and duration. Who sees one is the
/// privacy filter's (requester, consultant, managers): another's consultation answers like a missing one.
/// </summary>
public sealed class ConsultationCommands(AppDbContext db, Notifier notifier, TimeProvider clock)
{
    public const string NotFoundText = "Консультация не найдена.";

    public async Task<CommandResult<Consultation>> AskAsync(ConsultationAsk input, CancellationToken ct)
    {
        var me = db.School.PersonId;
        if (me <= 0) return CommandError.Forbidden("Попросить о консультации может педагог, у которого есть карточка сотрудника.");
        var problems = Problems(input);
        if (input.ConsultantId == me) problems.Add("Нельзя попросить о консультации самого себя.");
        if (problems.Count > 0) return CommandError.Invalid("Просьба не отправлена.", problems);
        // The Person filter hides a colleague who is archived or has not consented: such a colleague cannot be asked.
        var consultant = await db.People.AsNoTracking().Where(p => p.Id == input.ConsultantId && !p.IsArchived)
            .Select(p => new { p.Id, p.LastName, p.FirstName, p.MiddleName }).FirstOrDefaultAsync(ct);
        if (consultant is null) return CommandError.NotFound("Коллега не найден.");
        if (input.TopicId is { } topicId && !await db.Topics.AnyAsync(t => t.Id == topicId, ct))
            return CommandError.Invalid("Просьба не отправлена.", "Тема не найдена в каталоге школы.");
        var open = await db.Consultations.AnyAsync(c => c.RequesterId == me && c.ConsultantId == input.ConsultantId && c.TopicId == input.TopicId
            && (c.Status == ConsultationStatus.Requested || c.Status == ConsultationStatus.Accepted), ct);
        if (open) return CommandError.Conflict("Вы уже попросили этого коллегу о консультации по этой теме.", "Дождитесь ответа или отмените прежнюю просьбу.");

        var consultation = new Consultation
        {
            RequesterId = me, ConsultantId = input.ConsultantId, TopicId = input.TopicId, Question = input.Question.Trim(),
            RequestedAt = clock.UtcTime(), Status = ConsultationStatus.Requested,
        };
        db.Consultations.Add(consultation);
        await db.SaveChangesAsync(ct);
        await NotifyAsync(consultation.ConsultantId, consultation, NotificationKinds.ConsultationAsked, "Вас просят о консультации",
            $"{await MyNameAsync(ct)} просит о консультации: {Short(consultation.Question)}", ct);
        return consultation;
    }

    public Task<CommandResult<Consultation>> AcceptAsync(int id, int version, ConsultationReply input, CancellationToken ct) =>
        ReplyAsync(id, version, input, ConsultationStatus.Accepted, ct);

    public Task<CommandResult<Consultation>> DeclineAsync(int id, int version, ConsultationReply input, CancellationToken ct) =>
        ReplyAsync(id, version, input, ConsultationStatus.Declined, ct);

    private async Task<CommandResult<Consultation>> ReplyAsync(int id, int version, ConsultationReply input, ConsultationStatus to, CancellationToken ct)
    {
        var c = await db.Consultations.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return CommandError.NotFound(NotFoundText);
        if (c.ConsultantId != db.School.PersonId) return CommandError.Forbidden("Ответить на просьбу может только тот, кого попросили.");
        var problems = Problems(input);
        if (problems.Count > 0) return CommandError.Invalid(to == ConsultationStatus.Accepted ? "Согласие не отправлено." : "Отказ не отправлен.", problems);
        var allowed = to == ConsultationStatus.Accepted
            ? c.Status == ConsultationStatus.Requested
            : c.Status is ConsultationStatus.Requested or ConsultationStatus.Accepted;
        if (!allowed) return CommandError.Conflict($"Консультация уже {StatusText(c.Status)}.");
        db.Entry(c).Property(x => x.Version).OriginalValue = version;
        c.Status = to;
        c.Answer = input.Text.Trim();
        c.RespondedAt = clock.UtcTime();
        if (await SaveAsync(ct) is { } stale) return stale;
        var who = await MyNameAsync(ct);
        await NotifyAsync(c.RequesterId, c, NotificationKinds.ConsultationAnswered,
            to == ConsultationStatus.Accepted ? "Коллега согласился провести консультацию" : "Коллега не сможет провести консультацию",
            to == ConsultationStatus.Accepted ? $"{who} согласен(на): {Short(c.Answer)}" : $"{who} отказал(а): {Short(c.Answer)}", ct);
        return c;
    }

    /// <summary>Logs an accepted consultation as held; either side may, with a date not in the future.</summary>
    public async Task<CommandResult<Consultation>> HeldAsync(int id, int version, ConsultationHeld input, CancellationToken ct)
    {
        var c = await db.Consultations.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return CommandError.NotFound(NotFoundText);
        var me = db.School.PersonId;
        if (c.ConsultantId != me && c.RequesterId != me) return CommandError.Forbidden("Отметить консультацию может только её участник.");
        var problems = Problems(input);
        if (input.HeldOn is { } on && on > clock.Today()) problems.Add("Дата консультации ещё не наступила.");
        if (input.HeldOn is { } early && early < DateOnly.FromDateTime(c.RequestedAt)) problems.Add("Консультация не может пройти раньше просьбы о ней.");
        if (problems.Count > 0) return CommandError.Invalid("Консультация не отмечена.", problems);
        if (c.Status != ConsultationStatus.Accepted) return CommandError.Conflict(c.Status == ConsultationStatus.Requested
            ? "Коллега ещё не согласился провести консультацию." : $"Консультация уже {StatusText(c.Status)}.");
        db.Entry(c).Property(x => x.Version).OriginalValue = version;
        c.Status = ConsultationStatus.Held;
        c.HeldOn = input.HeldOn;
        c.DurationMinutes = input.DurationMinutes;
        return await SaveAsync(ct) is { } stale ? stale : c;
    }

    /// <summary>The requester withdraws a request not yet held.</summary>
    public async Task<CommandResult<Consultation>> CancelAsync(int id, int version, CancellationToken ct)
    {
        var c = await db.Consultations.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return CommandError.NotFound(NotFoundText);
        if (c.RequesterId != db.School.PersonId) return CommandError.Forbidden("Отменить просьбу может только тот, кто её отправил.");
        if (c.Status is not (ConsultationStatus.Requested or ConsultationStatus.Accepted)) return CommandError.Conflict($"Консультация уже {StatusText(c.Status)}.");
        db.Entry(c).Property(x => x.Version).OriginalValue = version;
        c.Status = ConsultationStatus.Cancelled;
        return await SaveAsync(ct) is { } stale ? stale : c;
    }

    public static string StatusText(ConsultationStatus s) => s switch
    {
        ConsultationStatus.Requested => "ждёт ответа",
        ConsultationStatus.Accepted => "согласована",
        ConsultationStatus.Declined => "отклонена",
        ConsultationStatus.Held => "проведена",
        _ => "отменена",
    };

    private async Task<CommandError?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandError.Stale();
        }
    }

    /// <summary>The signed-in teacher's own name (who asks, who answers), through the Person filter, which always shows one's own card.</summary>
    private async Task<string> MyNameAsync(CancellationToken ct)
    {
        var me = db.School.PersonId;
        var p = await db.People.Where(x => x.Id == me).Select(x => new { x.LastName, x.FirstName, x.MiddleName }).FirstOrDefaultAsync(ct);
        return p is null ? "Коллега" : PersonName.Full(p.LastName, p.FirstName, p.MiddleName);
    }

    private async Task NotifyAsync(int personId, Consultation c, NotificationKind kind, string title, string text, CancellationToken ct)
    {
        var accounts = await db.Users.Where(u => u.PersonId == personId && u.SchoolId == c.SchoolId).Select(u => u.Id).ToListAsync(ct);
        await notifier.NotifyAsync(accounts.Select(u => new NewNotification(c.SchoolId, u, kind, title, text, $"/Consultations/{c.Id}",
            DedupKey: $"{kind.Code}:{c.Id}:{c.Status}")), ct);
    }

    private List<string> Problems(object input) =>
        InputRules.Validate(input, clock).Select(r => r.ErrorMessage ?? "Неверное значение.").ToList();

    private static string Short(string? text) => text is null ? "" : RussianText.Quote(text.Length <= 200 ? text : text[..199] + "…");
}
