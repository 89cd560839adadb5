using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Diagnostics;

/// <summary>
/// Opening, closing and reopening a self-assessment round of the current program: one open round per program, none in a completed
/// program, a deadline not in the past, optimistic concurrency by the version the curator saw.
/// </summary>
public sealed class RoundCommands(AppDbContext db, TimeProvider clock)
{
    private const string CompletedProgram = "Программа наставничества завершена: новый тур диагностики в ней открыть нельзя. Создайте программу на новый год.";

    public async Task<CommandResult<DiagnosticsRound>> OpenAsync(string? title, DateOnly? deadline, CancellationToken ct)
    {
        if (await db.CurrentProgramAsync(ct) is not { } program) return CommandError.Invalid("Сначала создайте программу наставничества.");
        if (program.Status == ProgramStatus.Completed) return CommandError.Conflict(CompletedProgram);
        var clean = RussianText.Clean(title);
        if (clean is null) return CommandError.Invalid("Укажите название тура диагностики, например «Самодиагностика педагогов, сентябрь».");
        if (clean.Length > 300) return CommandError.Invalid("Название тура — не длиннее 300 знаков.");
        if (InputRules.Unprintable(clean, "Название тура") is { } unprintable) return unprintable;
        if (deadline is not { } due) return CommandError.Invalid("Укажите срок ответа — дату в виде дд.мм.гггг.");
        if (due < clock.Today())
            return CommandError.Invalid($"Срок {RussianText.Date(due)} уже прошёл: укажите сегодняшнюю или более позднюю дату.");
        if (await db.DiagnosticsRounds.AsNoTracking().FirstOrDefaultAsync(r => r.ProgramId == program.Id && r.ClosedAt == null, ct) is { } open)
            return CommandError.Conflict($"Тур {RussianText.Quote(open.Title)} ещё открыт. В программе может быть открыт только один тур диагностики: закройте его, чтобы открыть новый.");
        var round = new DiagnosticsRound { ProgramId = program.Id, Title = clean, Deadline = due };
        db.DiagnosticsRounds.Add(round);
        await db.SaveChangesAsync(ct);
        return round;
    }

    /// <summary>Closes the round (answers are no longer taken) or reopens it, when the curator saw it at <paramref name="expectedVersion"/>.</summary>
    public async Task<CommandResult<DiagnosticsRound>> SetOpenAsync(int roundId, bool open, int expectedVersion, CancellationToken ct)
    {
        var round = await db.DiagnosticsRounds.FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return CommandError.NotFound("Тур диагностики не найден.");
        if (open && await db.Programs.AnyAsync(p => p.Id == round.ProgramId && p.Status == ProgramStatus.Completed, ct))
            return CommandError.Conflict("Программа наставничества завершена: её тур диагностики нельзя открыть снова.");
        if (open && await db.DiagnosticsRounds.AnyAsync(r => r.ProgramId == round.ProgramId && r.Id != roundId && r.ClosedAt == null, ct))
            return CommandError.Conflict("В программе уже открыт другой тур диагностики: закройте его, чтобы вернуться к этому.");
        db.Entry(round).Property(r => r.Version).OriginalValue = expectedVersion;
        round.ClosedAt = open ? null : clock.UtcTime();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandError.Stale("Пока вы смотрели страницу, этот тур изменил другой пользователь. Проверьте его состояние и повторите.");
        }
        return round;
    }
}
