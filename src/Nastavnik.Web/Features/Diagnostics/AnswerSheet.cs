using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Programs;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Diagnostics;

/// <summary>One answer to one topic: an offer (level 1–3) and/or a need (priority 1–3); null parts are not given.</summary>
public sealed record TopicAnswer(int TopicId, int? Level, string? Experience, int? Priority, string? Comment);

/// <summary>
/// Reading a teacher's self-assessment sheet, shared by the form, the choice stage and the API: the words of levels and priorities,
/// whose sheet a page works on, the round it shows and why a person takes no part. Writing it is <see cref="AnswerCommands"/>.
/// </summary>
public static class AnswerSheet
{
    public const int MaxText = 500;

    public static readonly string[] LevelWords = ["", "владею, могу поделиться опытом", "уверенно применяю, могу научить коллег", "эксперт, могу вести группу или семинар"];
    public static readonly string[] PriorityWords = ["", "желательно", "важно", "срочно"];

    public static bool IsManager(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Curator);

    /// <summary>A person answers for themself; curators and administrators may answer for anyone of their school.</summary>
    public static bool MayAnswerFor(ClaimsPrincipal user, CurrentSchool school, int personId) =>
        IsManager(user) || (personId > 0 && school.PersonId == personId);

    /// <summary>Whose answers a teacher's page works on: <see cref="Subject"/> is null when the account has no linked card.</summary>
    public sealed record Subject(Person? Person, bool OnBehalf);

    /// <summary>
    /// The signed-in teacher's own card, or with <paramref name="personId"/> a colleague's for curators and administrators
    /// (<see cref="MayAnswerFor"/>; other schools' cards are hidden by the tenant filter). Null with 403 for anyone else asking for
    /// someone else's card, with 404 for a card that does not exist.
    /// </summary>
    public static async Task<(Subject? Subject, int Refused)> SubjectAsync(AppDbContext db, ClaimsPrincipal user, int? personId, CancellationToken ct)
    {
        var own = db.School.PersonId;
        var onBehalf = personId is { } id && id != own;
        if (onBehalf && !MayAnswerFor(user, db.School, personId!.Value)) return (null, StatusCodes.Status403Forbidden);
        var subjectId = personId ?? own;
        if (subjectId <= 0) return (new Subject(null, false), 0);
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == subjectId, ct);
        return person is null ? (null, StatusCodes.Status404NotFound) : (new Subject(person, onBehalf), 0);
    }

    /// <summary>The round the form works on: the open round of the current program, else its latest (closed) one.</summary>
    public static async Task<DiagnosticsRound?> CurrentRoundAsync(AppDbContext db, CancellationToken ct)
    {
        var program = await db.CurrentProgramAsync(ct);
        if (program is null) return null;
        return await db.DiagnosticsRounds.AsNoTracking().Where(r => r.ProgramId == program.Id && r.ClosedAt == null)
            .OrderByDescending(r => r.OpenedAt).FirstOrDefaultAsync(ct) ?? await db.LatestRoundAsync(program.Id, ct);
    }

    /// <summary>Why this person takes no part in diagnostics (archived, no consent), in words for the user; null when they do.</summary>
    public static string? PersonBlock(Person person)
    {
        if (person.IsArchived) return $"{person.FullName} в архиве и не участвует в диагностике.";
        if (person.Consent != ConsentStatus.Given)
            return $"У педагога {RussianNames.Decline(person.FullName, NameCase.Genitive)} нет согласия на обработку персональных данных. Анкету можно заполнить после того, как куратор отметит согласие в карточке педагога.";
        return null;
    }
}
