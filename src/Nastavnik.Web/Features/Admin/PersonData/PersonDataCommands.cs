using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Admin.PersonData;

/// <summary>The .zip of a person's data: its name and bytes.</summary>
public sealed record PersonDataFile(string FileName, byte[] Content);

/// <summary>
/// A person's data on request (152-ФЗ), for the administrator's page, the API and the command line alike: export everything stored
/// about a person as a .zip (<see cref="PersonalRecords"/>, <see cref="PersonDataExport"/>) and erase the person
/// (<see cref="PersonErasure"/>). Only the administrator of the person's school (or the operator's command line) may do either;
/// another school's card is «not found» like a missing one. Erasure is irreversible: it asks for the word «УДАЛИТЬ» and is refused
/// for a card already erased; it leaves an audit tombstone (the card's id, who and when, never the name).
/// </summary>
public sealed class PersonDataCommands(AppDbContext db, Pairs.PairCommands pairs)
{
    public const string ConfirmationWord = "УДАЛИТЬ";
    public const string NotFoundMessage = "Сотрудник не найден.";
    public const string ForbiddenMessage = "Выгружать и удалять персональные данные может только администратор школы.";
    public const string ErasedAction = "erase";
    public const string ErasedCardMessage = "Персональные данные этого сотрудника удалены: карточку нельзя изменить или вернуть из архива, учётную запись — создать.";

    public async Task<CommandResult<PersonDataFile>> ExportAsync(int personId, CancellationToken ct)
    {
        if (await SubjectAsync(personId, ct) is not ({ } person, { } subject)) return Refusal();
        var parts = await PersonalRecords.ReadAsync(db, subject, ct);
        var files = await PersonalRecords.FilesAsync(db, subject, ct);
        var at = db.Clock.UtcTime();
        await AuditEvents.RecordAsync(db, person.SchoolId, db.School.UserName, "Export", "person-data", new { personId }, ct);
        return new PersonDataFile($"personal-data-{personId}-{at:yyyy-MM-dd}.zip", PersonDataExport.Write(parts, files, at));
    }

    public async Task<CommandResult> EraseAsync(int personId, string? confirmation, CancellationToken ct)
    {
        if (await SubjectAsync(personId, ct) is not ({ } person, { } subject)) return new CommandResult(Refusal().Error);
        if (person.ErasedAt is not null) return CommandError.Conflict("Данные этого сотрудника уже удалены.");
        if (subject.UserIds.Contains(db.School.UserId)) return CommandError.Conflict("Нельзя удалить собственные данные: это сделает другой администратор.");
        if (!string.Equals(confirmation?.Trim(), ConfirmationWord, StringComparison.OrdinalIgnoreCase))
            return CommandError.Invalid($"Удаление необратимо: чтобы подтвердить, введите слово «{ConfirmationWord}».");
        var by = db.School.UserName;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The live pairs end as when the card goes to the archive (the psychologists are told); their texts are cleared below.
        await pairs.EndForLeaverAsync(person.Id, ct);
        await PersonErasure.EraseAsync(db, person, subject, ct);
        db.AuditEntries.Add(new AuditEntry
        {
            SchoolId = person.SchoolId, At = db.Clock.UtcTime(), UserName = by, EntityType = nameof(Person), EntityId = person.Id,
            Action = ErasedAction, Changes = PersonErasure.Tombstone(person.Id, by),
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return CommandResult.Success;
    }

    private CommandResult<PersonDataFile> Refusal() => db.School.IsAdministrator
        ? CommandError.NotFound(NotFoundMessage) : CommandError.Forbidden(ForbiddenMessage);

    /// <summary>The card and its accounts, when the caller is the administrator of its school (the tenant filter hides other schools).</summary>
    private async Task<(Person?, DataSubject?)> SubjectAsync(int personId, CancellationToken ct)
    {
        if (!db.School.IsAdministrator) return (null, null);
        var tenant = db.School.SchoolId;
        var person = await db.People.IgnoreQueryFilters().FirstOrDefaultAsync(p => p.Id == personId && (tenant == null || p.SchoolId == tenant), ct);
        if (person is null) return (null, null);
        var accounts = await db.Users.Where(u => u.PersonId == personId && u.SchoolId == person.SchoolId).Select(u => new { u.Id, u.UserName }).ToListAsync(ct);
        return (person, new DataSubject(person.Id, person.SchoolId, accounts.Select(a => a.Id).ToList(),
            accounts.Select(a => a.UserName!).ToList(), person.Email));
    }

    /// <summary>What the page shows before the export and the erasure: the card's name, whether erased, and how much is stored.</summary>
    public async Task<CommandResult<(Person Person, int Accounts)>> SummaryAsync(int personId, CancellationToken ct)
    {
        if (await SubjectAsync(personId, ct) is not ({ } person, { } subject)) return Refusal().Error!;
        return (person, subject.UserIds.Count);
    }

    /// <summary>The Russian line of the page: «Данные удалены 30.11.2026».</summary>
    public static string ErasedNote(Person p) => p.ErasedAt is { } at ? $"Персональные данные удалены {RussianText.Date(DateOnly.FromDateTime(at))}." : "";
}
