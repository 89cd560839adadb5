using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Nastavnik.Web.Data;
using Nastavnik.Web.Text;

namespace Nastavnik.Web.Features.Admin.PersonData;

/// <summary>
/// The erasure of a person (152-ФЗ), in the caller's transaction. What a program's history counts stays, pointing at the card now
/// named «Удалённый сотрудник»: pairs and their history, meetings and attendance, ratings of feedback, needs and offers (topics and
/// levels), consultations held, activities, survey recipients and named answers (detached, texts deleted). What is theirs alone goes:
/// the portfolio with its files and contacts, private notes, the calendar link, files they attached, every free text they wrote about
/// themselves, and the account (its notifications, letters, codes and sessions with it). Then every text column of every table is
/// cleared of their name (in each case), e-mail, phone and login, and their card's audit entries keep only the kind of change.
/// </summary>
internal static class PersonErasure
{
    public const string LastName = "Удалённый";
    public const string FirstName = "сотрудник";
    public const string ErasedName = LastName + " " + FirstName;
    private const string ErasedLogin = "удалённый-сотрудник";
    private const string NoChanges = "{}";

    public static async Task EraseAsync(AppDbContext db, Person person, DataSubject s, CancellationToken ct)
    {
        var (id, school) = (person.Id, person.SchoolId);
        // A form another person of the school is also written in («Иванова А. П.» of Иванова Алла Павловна) names them too: left alone.
        var others = (await db.People.IgnoreQueryFilters().Where(p => p.SchoolId == school && p.Id != id && p.ErasedAt == null).ToListAsync(ct))
            .SelectMany(NameForms).ToHashSet(StringComparer.Ordinal);
        var names = NameForms(person).Where(f => !others.Contains(f))
            .Concat(await db.Users.Where(u => s.UserIds.Contains(u.Id)).Select(u => u.DisplayName).ToListAsync(ct))
            .Append(person.Email).Append(person.Phone)
            .Where(v => v is { Length: >= 5 }).Select(v => v!).Distinct().OrderByDescending(v => v.Length).ToList();
        var portfolioIds = await db.PortfolioItems.IgnoreQueryFilters().Where(x => x.PersonId == id && x.SchoolId == school).Select(x => x.Id).ToListAsync(ct);
        var contactIds = await db.PortfolioContacts.IgnoreQueryFilters().Where(x => x.PersonId == id && x.SchoolId == school).Select(x => x.Id).ToListAsync(ct);

        person.LastName = LastName;
        person.FirstName = FirstName;
        person.MiddleName = null;
        (person.Position, person.Subjects, person.Department, person.ExperienceYears, person.BirthYear) = (null, null, null, null, null);
        (person.Email, person.Phone, person.Category) = (null, null, QualificationCategory.None);
        (person.Consent, person.ConsentDate, person.ConsentRecordedBy) = (ConsentStatus.Withdrawn, null, null);
        person.IsArchived = true;
        person.ErasedAt = db.Clock.UtcTime();
        await db.SaveChangesAsync(ct);

        await db.PortfolioFiles.IgnoreQueryFilters().Where(f => portfolioIds.Contains(f.ItemId)).ExecuteDeleteAsync(ct);
        await db.PortfolioItems.IgnoreQueryFilters().Where(x => portfolioIds.Contains(x.Id)).ExecuteDeleteAsync(ct);
        await db.PortfolioContacts.IgnoreQueryFilters().Where(x => contactIds.Contains(x.Id)).ExecuteDeleteAsync(ct);
        await db.MeetingNotes.IgnoreQueryFilters().Where(x => x.AuthorId == id && x.SchoolId == school).ExecuteDeleteAsync(ct);
        await db.CalendarFeeds.IgnoreQueryFilters().Where(x => x.PersonId == id && x.SchoolId == school).ExecuteDeleteAsync(ct);
        await db.ActivityFiles.IgnoreQueryFilters().Where(x => x.UploadedById == id && x.SchoolId == school).ExecuteDeleteAsync(ct);
        await db.MeetingFeedback.IgnoreQueryFilters().Where(x => x.AuthorId == id && x.SchoolId == school).ExecuteUpdateAsync(u => u.SetProperty(x => x.Comment, (string?)null), ct);
        await db.Needs.IgnoreQueryFilters().Where(x => x.PersonId == id && x.SchoolId == school).ExecuteUpdateAsync(u => u.SetProperty(x => x.Comment, (string?)null), ct);
        await db.Offers.IgnoreQueryFilters().Where(x => x.PersonId == id && x.SchoolId == school).ExecuteUpdateAsync(u => u.SetProperty(x => x.Experience, (string?)null), ct);
        await db.Consultations.IgnoreQueryFilters().Where(x => x.RequesterId == id && x.SchoolId == school).ExecuteUpdateAsync(u => u.SetProperty(x => x.Question, "—"), ct);
        await db.Consultations.IgnoreQueryFilters().Where(x => x.ConsultantId == id && x.SchoolId == school).ExecuteUpdateAsync(u => u.SetProperty(x => x.Answer, (string?)null), ct);
        // Named survey answers: detached from the person (the counts stay), their texts deleted.
        var responses = db.SurveyResponses.IgnoreQueryFilters().Where(r => r.PersonId == id && r.SchoolId == school).Select(r => r.Id);
        await db.SurveyAnswers.IgnoreQueryFilters().Where(a => responses.Contains(a.ResponseId) && a.Text != null).ExecuteDeleteAsync(ct);
        await db.SurveyResponses.IgnoreQueryFilters().Where(r => r.PersonId == id && r.SchoolId == school).ExecuteUpdateAsync(u => u.SetProperty(r => r.PersonId, (int?)null), ct);
        // The account: its roles, claims, codes, notifications, settings and letters go with it (cascade); its cookie fails the next check.
        await db.Users.Where(u => s.UserIds.Contains(u.Id)).ExecuteDeleteAsync(ct);

        await db.AuditEntries.Where(a => a.SchoolId == school && ((a.EntityType == nameof(Person) && a.EntityId == id)
                || (a.EntityType == nameof(PortfolioItem) && portfolioIds.Contains(a.EntityId)) || (a.EntityType == nameof(PortfolioContact) && contactIds.Contains(a.EntityId))))
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Changes, NoChanges), ct);
        await db.AuditEntries.Where(a => a.EntityType == "SignIn" && s.Logins.Contains(a.UserName)).ExecuteUpdateAsync(u => u.SetProperty(a => a.Changes, NoChanges), ct);
        await ScrubAsync(db, school, names, s.Logins, ct);
    }

    /// <summary>The forms the name is written in: full in every case, «Фамилия И. О.», «И. О. Фамилия», «Фамилия Имя».</summary>
    private static IEnumerable<string> NameForms(Person p)
    {
        foreach (var c in Enum.GetValues<NameCase>()) yield return RussianNames.Full(p.LastName, p.FirstName, p.MiddleName, c);
        yield return p.FullName;
        var initials = p.FirstName[..1] + "." + (string.IsNullOrEmpty(p.MiddleName) ? "" : " " + p.MiddleName[..1] + ".");
        yield return $"{p.LastName} {initials}";
        yield return $"{initials} {p.LastName}";
        yield return $"{p.LastName} {initials.Replace(" ", "", StringComparison.Ordinal)}";
        yield return $"{p.LastName} {p.FirstName}";
    }

    /// <summary>
    /// Every text column of every table of the school's data, one statement each, the person's school only: the login where it is the
    /// whole value, else the name and contacts replaced where they appear (the longest first, so a full name goes before its shorter forms).
    /// </summary>
    private static async Task ScrubAsync(AppDbContext db, int school, List<string> values, IReadOnlyList<string> logins, CancellationToken ct)
    {
        var find = db.Database.IsNpgsql() ? "strpos({0}, {1}) > 0" : "instr({0}, {1}) > 0";
        object[] args = [ErasedName, ErasedLogin, school, .. values, .. logins];
        var valueArgs = Enumerable.Range(3, values.Count).Select(i => $"{{{i}}}").ToList();
        var loginArgs = Enumerable.Range(3 + values.Count, logins.Count).Select(i => $"{{{i}}}").ToList();
        foreach (var (table, column) in TextColumns(db.Model).Distinct())
        {
            var c = $"\"{column}\"";
            var replaced = valueArgs.Aggregate(c, (inner, v) => $"REPLACE({inner}, {v}, {{0}})");
            var isLogin = loginArgs.Count == 0 ? "1 = 0" : $"{c} IN ({string.Join(", ", loginArgs)})";
            var where = string.Join(" OR ", valueArgs.Select(v => string.Format(System.Globalization.CultureInfo.InvariantCulture, find, c, v)).Prepend(isLogin));
#pragma warning disable EF1002 // table and column names come from the model; every value is a parameter
            await db.Database.ExecuteSqlRawAsync($"UPDATE \"{table}\" SET {c} = CASE WHEN {isLogin} THEN {{1}} ELSE {replaced} END WHERE \"SchoolId\" = {{2}} AND ({where})", args, ct);
#pragma warning restore EF1002
        }
    }

    private static IEnumerable<(string Table, string Column)> TextColumns(IModel model)
    {
        foreach (var entity in model.GetEntityTypes())
        {
            if (entity.GetTableName() is not { } table || entity.GetViewName() is not null) continue;
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            // Only the rows of the person's school: a namesake elsewhere is someone else.
            if (entity.FindProperty("SchoolId")?.GetColumnName(store) != "SchoolId") continue;
            foreach (var p in entity.GetProperties())
                if (p.ClrType == typeof(string) && !p.IsKey() && p.GetColumnName(store) is { } column)
                    yield return (table, column);
        }
    }

    public static string Tombstone(int personId, string by) => JsonSerializer.Serialize(new { personId, erasedBy = by });
}
