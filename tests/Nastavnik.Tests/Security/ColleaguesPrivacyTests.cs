using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;

namespace Nastavnik.Tests.Security;

/// <summary>
/// What a colleague may read of another teacher (ADR-004): the portfolio and offers of active colleagues with consent only; the
/// needs a pair opens only in that pair's program while it runs. Each test breaks in as another teacher, with guessed ids and
/// crafted requests, and as another school; the school's curator still sees everything.
/// </summary>
public abstract class ColleaguesPrivacyTests(AppFixture app)
{
    private static async Task<string> TextOf(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));

    private static Task SetAsync(AppFixture app, int personId, Action<Person> change) => app.WithDb(async db =>
    {
        var person = await db.People.IgnoreQueryFilters().SingleAsync(p => p.Id == personId);
        change(person);
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_teacher_reads_portfolios_of_active_colleagues_with_consent_only()
    {
        // Teachers[2] is archived, Teachers[3] has no consent; Teachers[1] is an active colleague with consent.
        var school = await app.NewSchoolAsync(teachers: 4, withoutConsent: 1);
        await SetAsync(app, school.Teachers[2].PersonId, p => p.IsArchived = true);
        foreach (var viewer in new[] { await school.TeacherAsync(0), await school.PsychologistAsync() })
        {
            var open = await viewer.GetAsync($"/api/v1/portfolio/people/{school.Teachers[1].PersonId}");
            open.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await TextOf(open)).ShouldContain(school.Teachers[1].FullName);
            (await TextOf(await viewer.GetAsync($"/Portfolio?personId={school.Teachers[1].PersonId}"))).ShouldContain(school.Teachers[1].FullName);
            foreach (var (id, name) in new[] { (school.Teachers[2].PersonId, school.Teachers[2].FullName), (school.Teachers[3].PersonId, school.Teachers[3].FullName), (app.PersonB, "Тайнова") })
            {
                var api = await viewer.GetAsync($"/api/v1/portfolio/people/{id}");
                api.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"portfolio API of {name}");
                (await TextOf(api)).ShouldNotContain(name);
                var page = await viewer.GetAsync($"/Portfolio?personId={id}");
                page.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"portfolio page of {name}");
                (await TextOf(page)).ShouldNotContain(name);
            }
        }
        // The teacher without consent still sees their own portfolio; the school's curator sees every card of the school.
        var own = await school.TeacherAsync(3);
        (await TextOf(await own.GetAsync("/Portfolio"))).ShouldContain(school.Teachers[3].FullName);
        (await own.GetAsync($"/api/v1/portfolio/people/{school.Teachers[3].PersonId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var curator = await school.CuratorAsync();
        (await curator.GetAsync($"/api/v1/portfolio/people/{school.Teachers[2].PersonId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await curator.GetAsync($"/Portfolio?personId={school.Teachers[3].PersonId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task After_consent_is_withdrawn_offers_experience_and_portfolio_disappear_for_everyone_but_the_managers()
    {
        var school = await app.NewSchoolAsync(teachers: 3);
        var (_, roundId) = await school.OpenRoundAsync();
        var topics = await school.TopicIdsAsync();
        var owner = school.Teachers[1];
        var experience = "опыт-" + Guid.NewGuid().ToString("N")[..8];
        await app.WithDb(async db =>
        {
            db.Offers.Add(new Offer { SchoolId = school.Id, RoundId = roundId, PersonId = owner.PersonId, TopicId = topics["MET-01"], Level = 3, Experience = experience });
            db.PortfolioItems.Add(new PortfolioItem { SchoolId = school.Id, PersonId = owner.PersonId, TopicId = topics["MET-01"], Title = "Квиллинг на уроках технологии", Description = experience });
            db.PortfolioContacts.Add(new PortfolioContact { SchoolId = school.Id, PersonId = owner.PersonId, Kind = ContactKind.Phone, Value = "+7 900 555-44-33", Visibility = ContactVisibility.School });
            return await db.SaveChangesAsync();
        });
        string[] urls = ["/api/v1/offers", $"/api/v1/offers?personId={owner.PersonId}", $"/api/v1/offers?roundId={roundId}", "/Diagnostics/Bases",
            "/Diagnostics/Bases?handler=Export", "/Supervisor?q=" + Uri.EscapeDataString("квиллинг"), "/api/v1/portfolio/search?q=" + Uri.EscapeDataString("квиллинг"),
            $"/Supervisor?topicId={topics["MET-01"]}", $"/api/v1/portfolio/search?topicId={topics["MET-01"]}"];
        var colleague = await school.TeacherAsync(0);
        // While consent is given, a colleague finds the offer and its experience (so the check below can fail).
        (await TextOf(await colleague.GetAsync("/api/v1/offers"))).ShouldContain(experience);
        (await TextOf(await colleague.GetAsync("/Supervisor?q=" + Uri.EscapeDataString("квиллинг")))).ShouldContain(owner.FullName);

        await SetAsync(app, owner.PersonId, p => { p.Consent = ConsentStatus.Withdrawn; p.ConsentDate = new DateOnly(2026, 10, 1); });
        foreach (var (viewer, who) in new[] { (colleague, "a colleague"), (await school.TeacherAsync(2), "another colleague"), (await school.PsychologistAsync(), "the psychologist"), (await app.CuratorOfBAsync(), "another school") })
            foreach (var url in urls)
            {
                var text = await ReadAllAsync(await viewer.GetAsync(url));
                text.ShouldNotContain(experience, customMessage: $"{who} at {url}");
                text.ShouldNotContain(owner.FullName, customMessage: $"{who} at {url}");
                text.ShouldNotContain("555-44-33", customMessage: $"{who} at {url}");
            }
        foreach (var manager in new[] { await school.CuratorAsync(), await school.AdminAsync() })
        {
            (await TextOf(await manager.GetAsync($"/api/v1/offers?personId={owner.PersonId}"))).ShouldContain(experience);
            (await TextOf(await manager.GetAsync($"/api/v1/portfolio/people/{owner.PersonId}"))).ShouldContain("Квиллинг");
        }
        // The teacher still sees their own answers.
        (await TextOf(await (await school.TeacherAsync(1)).GetAsync("/api/v1/offers"))).ShouldContain(experience);
    }

    [Fact]
    public async Task A_pair_opens_the_mentees_need_only_in_its_own_program_and_only_while_it_runs()
    {
        var school = await app.NewSchoolAsync(teachers: 3);
        var topics = await school.TopicIdsAsync();
        var (mentor, mentee) = (school.Teachers[2], school.Teachers[1]);
        var (earlierNeed, laterNeed) = ("ранний-" + Guid.NewGuid().ToString("N")[..8], "поздний-" + Guid.NewGuid().ToString("N")[..8]);
        var (earlierProgram, earlierRound, laterRound) = await app.WithDb(async db =>
        {
            var first = new MentoringProgram { SchoolId = school.Id, Name = "Программа 2025/2026", StartDate = new(2025, 9, 1), EndDate = new(2026, 6, 30), Status = ProgramStatus.Active };
            // One program of a school is active at a time: the later one is being prepared while the earlier runs.
            var second = new MentoringProgram { SchoolId = school.Id, Name = "Программа 2026/2027", StartDate = new(2026, 9, 1), EndDate = new(2027, 6, 30), Status = ProgramStatus.Draft };
            db.Programs.AddRange(first, second);
            await db.SaveChangesAsync();
            var r1 = new DiagnosticsRound { SchoolId = school.Id, ProgramId = first.Id, Title = "Диагностика 2025", Deadline = new(2025, 9, 30), ClosedAt = DateTime.UtcNow };
            var r2 = new DiagnosticsRound { SchoolId = school.Id, ProgramId = second.Id, Title = "Диагностика 2026", Deadline = new(2026, 9, 30) };
            db.DiagnosticsRounds.AddRange(r1, r2);
            await db.SaveChangesAsync();
            db.Needs.Add(new Need { SchoolId = school.Id, RoundId = r1.Id, PersonId = mentee.PersonId, TopicId = topics["MET-01"], Priority = 3, Comment = earlierNeed });
            db.Needs.Add(new Need { SchoolId = school.Id, RoundId = r2.Id, PersonId = mentee.PersonId, TopicId = topics["MET-01"], Priority = 3, Comment = laterNeed });
            db.MentoringPairs.Add(new MentoringPair { SchoolId = school.Id, ProgramId = first.Id, MentorId = mentor.PersonId, MenteeId = mentee.PersonId, TopicId = topics["MET-01"], ApprovedBy = "test" });
            await db.SaveChangesAsync();
            return (first.Id, r1.Id, r2.Id);
        });
        var client = await school.TeacherAsync(2);
        // The pair of the earlier program opens the need of that program's round, not the mentee's need in the later program.
        (await TextOf(await client.GetAsync($"/api/v1/needs?roundId={earlierRound}"))).ShouldContain(earlierNeed);
        foreach (var url in new[] { $"/api/v1/needs?roundId={laterRound}", "/api/v1/needs", $"/api/v1/needs?personId={mentee.PersonId}", "/" })
            (await TextOf(await client.GetAsync(url))).ShouldNotContain(laterNeed, customMessage: url);

        // Once the earlier program is completed and the later one runs, the old pair is no longer current: the mentor reads none
        // of the mentee's needs.
        await app.WithDb(async db =>
        {
            (await db.Programs.SingleAsync(p => p.Id == earlierProgram)).Status = ProgramStatus.Completed;
            await db.SaveChangesAsync();
            (await db.Programs.SingleAsync(p => p.SchoolId == school.Id && p.Id != earlierProgram)).Status = ProgramStatus.Active;
            return await db.SaveChangesAsync();
        });
        foreach (var url in new[] { $"/api/v1/needs?roundId={earlierRound}", $"/api/v1/needs?roundId={laterRound}", "/api/v1/needs", $"/api/v1/needs?personId={mentee.PersonId}", "/" })
        {
            var text = await TextOf(await client.GetAsync(url));
            text.ShouldNotContain(earlierNeed, customMessage: url);
            text.ShouldNotContain(laterNeed, customMessage: url);
        }
        // The mentee and the curator still read both.
        var own = await TextOf(await (await school.TeacherAsync(1)).GetAsync("/api/v1/needs"));
        own.ShouldContain(earlierNeed);
        own.ShouldContain(laterNeed);
        (await TextOf(await (await school.CuratorAsync()).GetAsync($"/api/v1/needs?personId={mentee.PersonId}"))).ShouldContain(laterNeed);
    }

    /// <summary>The text of a response, with an .xlsx opened and read.</summary>
    private static async Task<string> ReadAllAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (bytes.Length <= 4 || bytes[0] != 'P' || bytes[1] != 'K') return WebUtility.HtmlDecode(Encoding.UTF8.GetString(bytes));
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(await reader.ReadToEndAsync());
        }
        return WebUtility.HtmlDecode(text.ToString());
    }
}

[Collection("sqlite")] public sealed class ColleaguesPrivacyTests_Sqlite(SqliteApp app) : ColleaguesPrivacyTests(app);
[Collection("postgres")] public sealed class ColleaguesPrivacyTests_Postgres(PostgresApp app) : ColleaguesPrivacyTests(app);
