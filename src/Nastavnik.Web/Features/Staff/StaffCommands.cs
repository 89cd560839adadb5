using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Staff;

/// <summary>
/// Every change of the staff registry, for the edit page, the card page and the API alike: add a person, change a card (with the
/// consent for personal data), move a card to the archive and back. Each checks the input, finds the card in the current school,
/// guards against overwriting a newer version and saves; the entry points only map its result to their form.
/// </summary>
public sealed class StaffCommands(AppDbContext db, TimeProvider clock, Pairs.PairCommands pairs)
{
    public const string NotFoundMessage = "Педагог не найден.";

    public async Task<CommandResult<Person>> CreateAsync(StaffInput input, CancellationToken ct)
    {
        if (Check(input) is { } invalid) return invalid;
        var person = new Person { LastName = "", FirstName = "" };
        Apply(input, person, db.School.UserName);
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        return person;
    }

    /// <summary>Changes a card; <paramref name="expectedVersion"/> is the version the user started from (the form's field, the API's If-Match).</summary>
    public async Task<CommandResult<Person>> UpdateAsync(int id, StaffInput input, int expectedVersion, CancellationToken ct)
    {
        // Another school's card is hidden by the tenant filter, so it is «not found» like a missing one.
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return CommandError.NotFound(NotFoundMessage);
        if (person.ErasedAt is not null) return CommandError.Conflict(Admin.PersonData.PersonDataCommands.ErasedCardMessage);
        if (Check(input) is { } invalid) return invalid;
        db.Entry(person).Property(p => p.Version).OriginalValue = expectedVersion;
        Apply(input, person, db.School.UserName);
        return await SaveAsync(person, ct);
    }

    /// <summary>
    /// Moves the card to the archive (the person leaves programs: their live pairs end early as «педагог уволился», the history
    /// stays) or back.
    /// </summary>
    public async Task<CommandResult<Person>> SetArchivedAsync(int id, bool archived, CancellationToken ct)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return CommandError.NotFound(NotFoundMessage);
        if (person.ErasedAt is not null) return CommandError.Conflict(Admin.PersonData.PersonDataCommands.ErasedCardMessage);
        person.IsArchived = archived;
        if (!archived) return await SaveAsync(person, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var saved = await SaveAsync(person, ct);
        if (!saved.Ok) return saved;
        await pairs.EndForLeaverAsync(person.Id, ct);
        await tx.CommitAsync(ct);
        return saved;
    }

    /// <summary>
    /// The rules across fields of a card, in Russian: experience in whole years (16,5 is refused with the whole number to write, not cut), birth year in a working age, experience that fits the age, a date for a recorded
    /// consent, no consent from the future. <see cref="StaffInput"/> reports them through model validation (field by field on the page
    /// and in the API's validation problem); the commands and the import check them too.
    /// </summary>
    public static IEnumerable<ValidationResult> CrossFieldProblems(StaffInput input, DateOnly today)
    {
        var thisYear = today.Year;
        if (input.ExperienceYears is { } years && years != decimal.Truncate(years))
            yield return new ValidationResult(
                $"Стаж указывается в полных годах: вместо «{years.ToString("0.##", RussianText.Culture)}» укажите {decimal.Truncate(years).ToString(RussianText.Culture)}.",
                [nameof(StaffInput.ExperienceYears)]);
        if (input.BirthYear is { } y && (y < thisYear - 85 || y > thisYear - 16))
            yield return new ValidationResult($"Год рождения — от {thisYear - 85} до {thisYear - 16}.", [nameof(StaffInput.BirthYear)]);
        else if (input.BirthYear is { } by && input.ExperienceYears is { } e && e > thisYear - by - 16)
            yield return new ValidationResult("Стаж больше, чем возможно при таком годе рождения.", [nameof(StaffInput.ExperienceYears)]);
        if (input.Consent != ConsentStatus.NotRecorded && input.ConsentDate is null)
            yield return new ValidationResult("Укажите дату, когда согласие дано или отозвано.", [nameof(StaffInput.ConsentDate)]);
        // A day of slack: a consent signed «today» in a time zone ahead of the server's is not from the future.
        if (input.ConsentDate is { } d && d > today.AddDays(1))
            yield return new ValidationResult("Дата согласия не может быть в будущем.", [nameof(StaffInput.ConsentDate)]);
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>Copies the input onto the person; the consent's recorder is stamped when the consent changes. The import writes rows with it too.</summary>
    public static void Apply(StaffInput input, Person p, string userName)
    {
        p.LastName = RussianText.Clean(input.LastName) ?? "";
        p.FirstName = RussianText.Clean(input.FirstName) ?? "";
        p.MiddleName = RussianText.Clean(input.MiddleName);
        p.Position = RussianText.Clean(input.Position);
        p.Subjects = RussianText.Clean(input.Subjects);
        p.Department = RussianText.Clean(input.Department);
        p.ExperienceYears = (int?)input.ExperienceYears;
        p.BirthYear = input.BirthYear;
        p.Category = input.Category;
        p.Email = RussianText.Clean(input.Email);
        p.Phone = RussianText.Clean(input.Phone);
        if (p.Consent != input.Consent || p.ConsentDate != input.ConsentDate || p.Id == 0)
        {
            p.ConsentRecordedBy = input.Consent == ConsentStatus.NotRecorded ? null : userName;
            p.Consent = input.Consent;
            p.ConsentDate = input.Consent == ConsentStatus.NotRecorded ? null : input.ConsentDate;
        }
    }

    /// <summary>All rules of a card (<see cref="InputRules"/>: the field rules, <see cref="CrossFieldProblems"/>, the value rules), for callers that did not run model validation.</summary>
    private CommandError? Check(StaffInput input) => InputRules.Check(input, clock, "Данные педагога не прошли проверку.");

    private async Task<CommandResult<Person>> SaveAsync(Person person, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return person;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CommandError(ErrorKind.Stale, "Запись изменил другой пользователь.",
                ["Пока вы редактировали карточку педагога, её сохранили заново. Ваши изменения не сохранены: откройте карточку ещё раз, проверьте данные и внесите правки снова."]);
        }
    }
}
