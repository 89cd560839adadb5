using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features;
using Nastavnik.Web.Features.Staff;

namespace Nastavnik.Tests.Staff;

/// <summary>The staff registry's use cases through <see cref="StaffCommands"/>, and the edit page and the API answering its refusals alike.</summary>
public abstract class StaffCommandTests(AppFixture app)
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    private static StaffInput Card(string lastName, int? birthYear = 1990, int? experience = 10, ConsentStatus consent = ConsentStatus.Given,
        DateOnly? consentDate = null, string? position = "Учитель") => new()
        {
            LastName = lastName, FirstName = "Вера", MiddleName = "Павловна", BirthYear = birthYear, ExperienceYears = experience, Position = position,
            Consent = consent, ConsentDate = consent == ConsentStatus.NotRecorded ? null : consentDate ?? new DateOnly(2026, 9, 1),
        };

    private Task<Person> PersonAsync(int id) => app.WithDb(db => db.People.IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.Id == id));

    [Fact]
    public async Task Create_checks_the_rules_across_fields_by_the_apps_clock_and_stamps_who_recorded_the_consent()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        await using var s = SignedInScope.Curator(school);
        var staff = new StaffCommands(s.Get<AppDbContext>(), new FixedClock(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero)), s.Get<Nastavnik.Web.Features.Pairs.PairCommands>());
        var before = await s.Get<AppDbContext>().People.CountAsync();

        var tooYoung = await staff.CreateAsync(Card("Юная", birthYear: 2000, experience: 15, consent: ConsentStatus.Given, consentDate: new DateOnly(2026, 3, 5)), default);
        tooYoung.Error!.Kind.ShouldBe(ErrorKind.Invalid);
        tooYoung.Error.Details.ShouldBe(["Стаж больше, чем возможно при таком годе рождения.", "Дата согласия не может быть в будущем."], ignoreOrder: true);
        var noDate = Card("Безданных");
        noDate.ConsentDate = null;
        (await staff.CreateAsync(noDate, default)).Error!.Details.ShouldBe(["Укажите дату, когда согласие дано или отозвано."]);
        var noName = Card("Безымянная");
        noName.FirstName = "";
        (await staff.CreateAsync(noName, default)).Error!.Details.ShouldContain("Укажите имя.");
        (await s.Get<AppDbContext>().People.CountAsync()).ShouldBe(before);

        // The day after the clock's «today» is accepted: a consent signed in a time zone ahead of the server's.
        var created = await staff.CreateAsync(Card("  Новикова ", consentDate: new DateOnly(2026, 3, 2)), default);
        created.Ok.ShouldBeTrue();
        var saved = await PersonAsync(created.Value!.Id);
        (saved.LastName, saved.SchoolId, saved.ConsentRecordedBy, saved.ConsentDate).ShouldBe(("Новикова", school.Id, school.Curator, new DateOnly(2026, 3, 2)));
    }

    [Fact]
    public async Task A_consent_marked_as_not_recorded_forgets_its_date_and_recorder()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var id = school.Teachers[0].PersonId;
        var version = (await PersonAsync(id)).Version;
        await using var s = SignedInScope.Curator(school);
        var result = await s.Get<StaffCommands>().UpdateAsync(id, Card("Ёлкина", consent: ConsentStatus.NotRecorded), version, default);
        result.Ok.ShouldBeTrue();
        var saved = await PersonAsync(id);
        (saved.Consent, saved.ConsentDate, saved.ConsentRecordedBy).ShouldBe((ConsentStatus.NotRecorded, (DateOnly?)null, (string?)null));
    }

    [Fact]
    public async Task Another_schools_card_is_not_found_for_update_and_archive_and_stays_as_it_was()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        await using (var s = SignedInScope.Curator(school))
        {
            var staff = s.Get<StaffCommands>();
            var update = await staff.UpdateAsync(app.PersonB, Card("Захватова"), 0, default);
            (update.Error!.Kind, update.Error.Message).ShouldBe((ErrorKind.NotFound, "Педагог не найден."));
            (await staff.SetArchivedAsync(app.PersonB, true, default)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        }
        var b = await PersonAsync(app.PersonB);
        (b.LastName, b.IsArchived).ShouldBe(("Тайнова", false));
    }

    [Fact]
    public async Task An_edit_from_an_older_version_is_stale_and_the_newer_one_stays()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var id = school.Teachers[0].PersonId;
        var seen = (await PersonAsync(id)).Version;
        await using (var first = SignedInScope.Curator(school))
            (await first.Get<StaffCommands>().UpdateAsync(id, Card("Ёлкина", position: "Первая правка"), seen, default)).Ok.ShouldBeTrue();
        await using (var second = SignedInScope.As(app, school.Id, school.Admin, Roles.Administrator))
        {
            var stale = await second.Get<StaffCommands>().UpdateAsync(id, Card("Ёлкина", position: "Вторая правка"), seen, default);
            (stale.Error!.Kind, stale.Error.Message).ShouldBe((ErrorKind.Stale, "Запись изменил другой пользователь."));
        }
        (await PersonAsync(id)).Position.ShouldBe("Первая правка");
    }

    [Fact]
    public async Task Archive_and_restore_change_only_the_archive_mark()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var id = school.Teachers[0].PersonId;
        await using var s = SignedInScope.Curator(school);
        var staff = s.Get<StaffCommands>();
        (await staff.SetArchivedAsync(id, true, default)).Value!.IsArchived.ShouldBeTrue();
        (await PersonAsync(id)).IsArchived.ShouldBeTrue();
        (await staff.SetArchivedAsync(id, false, default)).Ok.ShouldBeTrue();
        var back = await PersonAsync(id);
        (back.IsArchived, back.LastName, back.Consent).ShouldBe((false, "Ёлкина", ConsentStatus.Given));
    }

    [Fact]
    public async Task The_page_and_the_api_refuse_a_stale_edit_with_the_same_russian_message()
    {
        var school = await app.NewSchoolAsync(teachers: 1);
        var id = school.Teachers[0].PersonId;
        var seen = await PersonAsync(id);
        CommandError refusal;
        await using (var s = SignedInScope.Curator(school))
        {
            var staff = s.Get<StaffCommands>();
            (await staff.UpdateAsync(id, Card("Ёлкина", position: "Завуч"), seen.Version, default)).Ok.ShouldBeTrue();
            refusal = (await staff.UpdateAsync(id, Card("Ёлкина", position: "Ещё раз"), seen.Version, default)).Error!;
        }

        var curator = await school.CuratorAsync();
        var page = await curator.PostFormAsync($"/Staff/Edit/{id}", $"/Staff/Edit/{id}", new()
        {
            ["Input.LastName"] = "Ёлкина", ["Input.FirstName"] = seen.FirstName, ["Input.Position"] = "Со страницы", ["Input.Category"] = "None",
            ["Input.Consent"] = "Given", ["Input.ConsentDate"] = "2026-09-01", ["Version"] = seen.Version.ToString(),
        });
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var summary = Html.Parse(await page.Content.ReadAsStringAsync()).QuerySelector(".validation-summary-errors")!.TextContent;
        summary.ShouldContain(refusal.Message);
        summary.ShouldContain(refusal.Details[0]);

        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/staff/{id}")
        {
            Content = JsonContent.Create(new { lastName = "Ёлкина", firstName = seen.FirstName, position = "Из API", consent = "Given", consentDate = "2026-09-01" }),
        };
        put.Headers.TryAddWithoutValidation("If-Match", $"\"{seen.Version}\"");
        var api = await curator.SendAsync(put);
        api.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().ShouldBe(refusal.Message);
        problem.GetProperty("detail").GetString().ShouldBe(refusal.Details[0]);
        (await PersonAsync(id)).Position.ShouldBe("Завуч");
    }
}

[Collection("sqlite")] public sealed class StaffCommandTests_Sqlite(SqliteApp app) : StaffCommandTests(app);
[Collection("postgres")] public sealed class StaffCommandTests_Postgres(PostgresApp app) : StaffCommandTests(app);
