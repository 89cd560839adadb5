using System.Net;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;

namespace Nastavnik.Tests.Security;

/// <summary>
/// The psychologist (ADR-004): supports the mentees left without a pair and watches the climate of the program. They get the
/// names of those mentees and the program's figures, never the registry's contacts, birth years, history or logins, the export,
/// or anyone's needs.
/// </summary>
public abstract class PsychologistAccessTests(AppFixture app)
{
    [Fact]
    public async Task The_psychologist_gets_no_registry_export_contacts_history_or_logins()
    {
        var school = await app.NewSchoolAsync(teachers: 3);
        await app.WithDb(async db =>
        {
            var withdrawn = await db.People.FindAsync(school.Teachers[2].PersonId);
            withdrawn!.Consent = ConsentStatus.Withdrawn;
            withdrawn.Phone = "+7 911 000-11-22";
            withdrawn.Email = "withdrawn@school.example";
            return await db.SaveChangesAsync();
        });
        var psychologist = await school.PsychologistAsync();
        foreach (var url in new[] { "/Staff", "/Staff/Export", $"/Staff/Details/{school.Teachers[2].PersonId}", $"/Staff/Details/{school.Teachers[0].PersonId}" })
        {
            var response = await psychologist.GetAsync(url);
            response.StatusCode.ShouldBeOneOf([HttpStatusCode.Forbidden, HttpStatusCode.Redirect], url);
            if (response.StatusCode == HttpStatusCode.Redirect) response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied", customMessage: url);
        }
        foreach (var url in new[] { "/api/v1/staff", $"/api/v1/staff/{school.Teachers[2].PersonId}", $"/api/v1/staff/{school.Teachers[0].PersonId}" })
            (await psychologist.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
        var home = WebUtility.HtmlDecode(await psychologist.GetStringAsync("/"));
        home.ShouldNotContain("000-11-22");
        home.ShouldNotContain("/Staff");
        // The curator keeps the registry and its export.
        var curator = await school.CuratorAsync();
        (await curator.GetAsync("/Staff/Export")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await curator.GetAsync($"/api/v1/staff/{school.Teachers[2].PersonId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_psychologist_sees_the_mentees_left_without_a_pair_and_the_climate_not_their_needs()
    {
        var school = await app.NewSchoolAsync(teachers: 4);
        var (programId, roundId) = await school.OpenRoundAsync();
        var topics = await school.TopicIdsAsync();
        var secret = "секрет-" + Guid.NewGuid().ToString("N")[..8];
        await app.WithDb(async db =>
        {
            // Teachers[0] and [1] need support; [0] got a pair with [2], [1] is left without one. [3] answered nothing.
            db.Needs.Add(new Need { SchoolId = school.Id, RoundId = roundId, PersonId = school.Teachers[0].PersonId, TopicId = topics["MET-01"], Priority = 3, Comment = secret });
            db.Needs.Add(new Need { SchoolId = school.Id, RoundId = roundId, PersonId = school.Teachers[1].PersonId, TopicId = topics["ICT-02"], Priority = 2, Comment = secret });
            db.Offers.Add(new Offer { SchoolId = school.Id, RoundId = roundId, PersonId = school.Teachers[2].PersonId, TopicId = topics["MET-01"], Level = 3 });
            db.MentoringPairs.Add(new MentoringPair { SchoolId = school.Id, ProgramId = programId, MentorId = school.Teachers[2].PersonId, MenteeId = school.Teachers[0].PersonId, TopicId = topics["MET-01"], ApprovedBy = "test" });
            return await db.SaveChangesAsync();
        });
        var html = Html.Parse(await (await school.PsychologistAsync()).GetStringAsync("/"));
        var without = html.QuerySelector("[data-testid=without-pair]").ShouldNotBeNull("the psychologist's home lists the mentees without a pair");
        without.TextContent.ShouldContain(school.Teachers[1].FullName);
        without.TextContent.ShouldNotContain(school.Teachers[0].FullName);
        without.TextContent.ShouldNotContain(school.Teachers[3].FullName);
        var climate = html.QuerySelector("[data-testid=climate]").ShouldNotBeNull("the psychologist's home shows the program's figures");
        climate.TextContent.ShouldContain("1 пара");
        html.DocumentElement.TextContent.ShouldNotContain(secret);
        html.DocumentElement.TextContent.ShouldNotContain("Создание сайта или страницы");
    }
}

[Collection("sqlite")] public sealed class PsychologistAccessTests_Sqlite(SqliteApp app) : PsychologistAccessTests(app);
[Collection("postgres")] public sealed class PsychologistAccessTests_Postgres(PostgresApp app) : PsychologistAccessTests(app);
