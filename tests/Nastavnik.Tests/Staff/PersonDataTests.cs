using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Admin.PersonData;

namespace Nastavnik.Tests.Staff;

/// <summary>
/// A person's data on request (152-ФЗ): every personal column is covered, the administrator's .zip holds the person's records from
/// every table and no one else's, and the erasure leaves no trace of the name, e-mail and phone in any text column of any table while
/// the program keeps its pairs under «Удалённый сотрудник».
/// </summary>
public abstract class PersonDataTests(AppFixture app)
{
    // Columns named like a link to a person, whether or not the model has a foreign key for them.
    private static readonly string[] PersonLike = ["PersonId", "MentorId", "MenteeId", "AuthorId", "ById", "RequesterId", "ConsultantId", "ObserverId", "ObservedId", "OrganizerId"];

    [Fact]
    public async Task Every_column_that_points_at_a_person_or_an_account_is_exported_or_excluded_with_a_reason()
    {
        var columns = await app.WithDb(db => Task.FromResult(db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null).SelectMany(e =>
        {
            var table = e.GetTableName()!;
            var store = StoreObjectIdentifier.Table(table, e.GetSchema());
            var byKey = e.GetForeignKeys().Where(fk => fk.PrincipalEntityType.ClrType == typeof(Person) || fk.PrincipalEntityType.ClrType == typeof(AppUser))
                .SelectMany(fk => fk.Properties);
            var byName = e.GetProperties().Where(p => !p.IsPrimaryKey() && (p.ClrType == typeof(int) || p.ClrType == typeof(int?))
                && PersonLike.Any(n => p.Name.EndsWith(n, StringComparison.Ordinal)));
            return byKey.Concat(byName).Select(p => $"{table}.{p.GetColumnName(store)}");
        }).Distinct().Order().ToList()));
        columns.Count.ShouldBeGreaterThan(30);
        var covered = PersonalDataMap.Exported.Keys.Concat(PersonalDataMap.Excluded.Keys).ToHashSet();
        columns.Where(c => !covered.Contains(c)).ShouldBeEmpty("a column links to a person or an account: export it (PersonalRecords) and add it to PersonalDataMap, or exclude it with a reason");
        covered.Where(c => !columns.Contains(c)).ShouldBeEmpty("PersonalDataMap names a column the model does not have");
        PersonalDataMap.Excluded.Values.ShouldAllBe(reason => reason.Length > 20);
    }

    [Fact]
    public async Task The_export_holds_the_persons_data_from_every_table_and_no_one_elses()
    {
        var c = await PersonDataCase.SeedAsync(app);
        var response = await (await c.School.AdminAsync()).GetAsync($"/api/v1/staff/{c.PersonId}/personal-data");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var entries = zip.Entries.ToDictionary(e => e.FullName, e => { using var r = new StreamReader(e.Open()); return r.ReadToEnd(); });

        entries.Keys.ShouldContain("README.txt");
        entries["README.txt"].ShouldContain("анонимные опросы");
        foreach (var file in PersonalDataMap.Exported.Values.Distinct())
            JsonDocument.Parse(entries[file]).RootElement.ValueKind.ShouldBe(JsonValueKind.Array, file);
        string[] filled = ["person.json", "accounts.json", "needs.json", "offers.json", "pairs.json", "meetings.json", "meeting-notes.json", "meeting-feedback.json",
            "portfolio-items.json", "portfolio-contacts.json", "survey-recipients.json", "survey-answers.json", "consultations.json", "notifications.json", "audit.json"];
        foreach (var file in filled) JsonDocument.Parse(entries[file]).RootElement.GetArrayLength().ShouldBeGreaterThan(0, file);
        JsonDocument.Parse(entries["pairs.json"]).RootElement.EnumerateArray().Select(p => p.GetProperty("Role").GetString()).Distinct().Order()
            .ShouldBe(["наставляемый", "наставник"]);
        entries["person.json"].ShouldContain(c.FullName.Split(' ')[0]);
        entries["person.json"].ShouldContain(c.Email);
        entries["person.json"].ShouldContain("\"CreatedAt\": \"20");
        entries["portfolio-contacts.json"].ShouldContain(c.Phone);
        entries["meeting-notes.json"].ShouldContain("Моя личная заметка о встрече");
        entries["meeting-feedback.json"].ShouldContain("Отзыв наставляемой о встрече");
        entries["survey-answers.json"].ShouldContain("Мой ответ: разбор уроков");
        entries["accounts.json"].ShouldContain(c.Login);
        entries["audit.json"].ShouldContain("SignIn");
        entries.Single(e => e.Key.StartsWith("files/portfolio/", StringComparison.Ordinal)).Value.ShouldBe(PersonDataCase.FileText);

        var all = string.Join("\n", entries.Values);
        all.ShouldNotContain(PersonDataCase.OthersMarker);
        all.ShouldNotContain("PasswordHash");
        all.ShouldNotContain("SecurityStamp");
        var others = await app.WithDb(db => db.People.Where(p => p.SchoolId == c.School.Id && p.Id != c.PersonId).Select(p => p.LastName + " " + p.FirstName).ToListAsync());
        foreach (var other in others) all.ShouldNotContain(other);
        var token = await app.WithDb(db => db.Users.Where(u => u.UserName == c.Login).Select(u => u.PasswordHash).SingleAsync());
        all.ShouldNotContain(token!);
    }

    [Fact]
    public async Task After_erasure_nothing_holds_the_name_email_or_phone_the_pairs_stay_under_the_erased_name_and_the_login_fails()
    {
        var c = await PersonDataCase.SeedAsync(app);
        (await c.WhereStoredAsync(c.LastName)).ShouldNotBeEmpty();
        var pairsBefore = await app.WithDb(db => db.MentoringPairs.CountAsync(p => p.MentorId == c.PersonId || p.MenteeId == c.PersonId));
        var admin = await c.School.AdminAsync();
        var page = $"/Admin/PersonData/{c.PersonId}";
        (await admin.PostFormAsync(page, $"{page}?handler=Erase", new() { ["Confirm"] = "удалить" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        foreach (var value in new[] { c.LastName, c.FullName, c.Email, c.Phone, c.Login })
            (await c.WhereStoredAsync(value)).ShouldBeEmpty($"«{value}» is still stored");
        (await app.WithDb(db => db.MentoringPairs.CountAsync(p => p.MentorId == c.PersonId || p.MenteeId == c.PersonId))).ShouldBe(pairsBefore);
        (await app.WithDb(db => db.MeetingFeedback.CountAsync(f => f.AuthorId == c.PersonId && f.Comment == null))).ShouldBe(1);
        (await app.WithDb(db => db.SurveyResponses.CountAsync(r => r.SurveyId == db.SurveyRecipients.Where(x => x.PersonId == c.PersonId).Select(x => x.SurveyId).First()))).ShouldBe(2);
        (await app.WithDb(db => db.PortfolioFiles.CountAsync(f => db.PortfolioItems.Any(i => i.Id == f.ItemId && i.PersonId == c.PersonId)))).ShouldBe(0);
        var pairs = WebUtility.HtmlDecode(await (await c.School.CuratorAsync()).GetStringAsync("/Pairs"));
        pairs.ShouldContain("Удалённый сотрудник");
        var card = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Staff/Details/{c.PersonId}"));
        card.ShouldContain("Удалённый сотрудник");
        card.ShouldContain("удаление персональных данных");
        WebUtility.HtmlDecode(await admin.GetStringAsync(page)).ShouldContain("Персональные данные удалены");

        var login = await app.Anonymous().PostFormAsync("/Account/Login", "/Account/Login", new() { ["Input.UserName"] = c.Login, ["Input.Password"] = TestSchool.Password });
        login.StatusCode.ShouldNotBe(HttpStatusCode.Redirect);
        var tombstone = await app.WithDb(db => db.AuditEntries.SingleAsync(a => a.EntityType == nameof(Person) && a.EntityId == c.PersonId && a.Action == PersonDataCommands.ErasedAction));
        (tombstone.UserName, tombstone.SchoolId).ShouldBe((c.School.Admin, c.School.Id));
        tombstone.Changes.ShouldContain($"\"personId\":{c.PersonId}");
        tombstone.Changes.ShouldNotContain("Удалённый");

        await using (var scope = SignedInScope.As(app, c.School.Id, c.School.Admin, Roles.Administrator))
        {
            var staff = scope.Get<Nastavnik.Web.Features.Staff.StaffCommands>();
            var version = (await app.WithDb(db => db.People.SingleAsync(p => p.Id == c.PersonId))).Version;
            (await staff.UpdateAsync(c.PersonId, new() { LastName = "Забытова", FirstName = "Ульяна" }, version, default)).Error
                .ShouldBeRefusal(Nastavnik.Web.Features.ErrorKind.Conflict, PersonDataCommands.ErasedCardMessage);
            (await staff.SetArchivedAsync(c.PersonId, false, default)).Error.ShouldBeRefusal(Nastavnik.Web.Features.ErrorKind.Conflict, PersonDataCommands.ErasedCardMessage);
        }
        var again = await admin.PostAsJsonAsync($"/api/v1/staff/{c.PersonId}/erase", new { confirm = "УДАЛИТЬ" });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).ShouldContain("уже удалены");
        var export = await admin.GetAsync($"/api/v1/staff/{c.PersonId}/personal-data");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var zip = new ZipArchive(new MemoryStream(await export.Content.ReadAsByteArrayAsync()));
        using var reader = new StreamReader(zip.GetEntry("person.json")!.Open(), Encoding.UTF8);
        (await reader.ReadToEndAsync()).ShouldContain("\"LastName\": \"Удалённый\"");
    }

    [Fact]
    public async Task Erasure_leaves_a_namesake_in_another_school_and_a_colleague_with_the_same_initials_as_they_were()
    {
        var school = await app.NewSchoolAsync(teachers: 2);
        var other = await app.NewSchoolAsync(teachers: 1);
        var (erased, colleague, namesake) = (school.Teachers[0], school.Teachers[1], other.Teachers[0]);
        await app.WithDb(async db =>
        {
            // Ёлкина Анна Сергеевна is erased; Ёлкина Алла Сергеевна is «Ёлкина А. С.» too; another school has its own Ёлкина Анна Сергеевна.
            var c = await db.People.SingleAsync(p => p.Id == colleague.PersonId);
            (c.LastName, c.FirstName, c.MiddleName) = ("Ёлкина", "Алла", "Сергеевна");
            c.Subjects = "Наставник — Ёлкина А. С., методист";
            var n = await db.People.SingleAsync(p => p.Id == namesake.PersonId);
            (n.LastName, n.FirstName, n.MiddleName, n.Subjects) = ("Ёлкина", "Анна", "Сергеевна", "Ёлкина Анна Сергеевна, руководитель МО");
            return await db.SaveChangesAsync();
        });
        await using (var s = SignedInScope.As(app, school.Id, school.Admin, Roles.Administrator))
            (await s.Get<PersonDataCommands>().EraseAsync(erased.PersonId, "УДАЛИТЬ", default)).Error.ShouldBeNull();

        var after = await app.WithDb(db => db.People.IgnoreQueryFilters().Where(p => p.Id == colleague.PersonId || p.Id == namesake.PersonId)
            .OrderBy(p => p.SchoolId == school.Id ? 0 : 1).Select(p => p.Subjects).ToListAsync());
        after.ShouldBe(["Наставник — Ёлкина А. С., методист", "Ёлкина Анна Сергеевна, руководитель МО"]);
        (await app.WithDb(db => db.Users.Where(u => u.UserName == namesake.Login).Select(u => u.DisplayName).SingleAsync())).ShouldBe(namesake.FullName);
    }
}

[Collection("sqlite")] public sealed class PersonDataTests_Sqlite(SqliteApp app) : PersonDataTests(app);
[Collection("postgres")] public sealed class PersonDataTests_Postgres(PostgresApp app) : PersonDataTests(app);
