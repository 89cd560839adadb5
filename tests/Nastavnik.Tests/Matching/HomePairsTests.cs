using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;

namespace Nastavnik.Tests.Matching;

/// <summary>
/// After approval the home page tells each member of a pair how to reach the other (the contacts the other opened to the school)
/// and what to do next; a curator or administrator with a staff card sees their own pairs and self-assessment like any teacher.
/// </summary>
public abstract class HomePairsTests(AppFixture app)
{
    private sealed record Setup(TestSchool School, string EventTitle);

    private async Task<Setup> ArrangeAsync()
    {
        var school = await app.NewSchoolAsync(teachers: 4);
        var (programId, _) = await school.OpenRoundAsync();
        var topics = await school.TopicIdsAsync();
        var title = "Первая встреча наставника и наставляемого " + Guid.NewGuid().ToString("N")[..6];
        var t = school.Teachers;
        await app.WithDb(async db =>
        {
            // Teachers[0] mentors [1] and [2]; [3] mentors [1] in another topic.
            db.MentoringPairs.Add(new MentoringPair { SchoolId = school.Id, ProgramId = programId, MentorId = t[0].PersonId, MenteeId = t[1].PersonId, TopicId = topics["MET-01"], ApprovedBy = "test" });
            db.MentoringPairs.Add(new MentoringPair { SchoolId = school.Id, ProgramId = programId, MentorId = t[0].PersonId, MenteeId = t[2].PersonId, TopicId = topics["MET-01"], ApprovedBy = "test" });
            db.MentoringPairs.Add(new MentoringPair { SchoolId = school.Id, ProgramId = programId, MentorId = t[3].PersonId, MenteeId = t[1].PersonId, TopicId = topics["ICT-01"], ApprovedBy = "test" });
            db.PortfolioContacts.Add(new PortfolioContact { SchoolId = school.Id, PersonId = t[0].PersonId, Kind = ContactKind.Phone, Value = "+7 900 100-00-01", Visibility = ContactVisibility.School });
            db.PortfolioContacts.Add(new PortfolioContact { SchoolId = school.Id, PersonId = t[0].PersonId, Kind = ContactKind.Email, Value = "hidden-mentor@school.example", Visibility = ContactVisibility.Administration });
            db.PortfolioContacts.Add(new PortfolioContact { SchoolId = school.Id, PersonId = t[1].PersonId, Kind = ContactKind.Email, Value = "mentee@school.example", Visibility = ContactVisibility.School });
            var stage = new RoadmapStage { SchoolId = school.Id, ProgramId = programId, Title = "Организация работы тандемов", SortOrder = 1 };
            db.RoadmapStages.Add(stage);
            await db.SaveChangesAsync();
            var soon = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);
            db.RoadmapEvents.Add(new RoadmapEvent { SchoolId = school.Id, ProgramId = programId, StageId = stage.Id, Title = "Прошедшее событие", DueDate = soon.AddDays(-60) });
            db.RoadmapEvents.Add(new RoadmapEvent { SchoolId = school.Id, ProgramId = programId, StageId = stage.Id, Title = title, DueDate = soon });
            return await db.SaveChangesAsync();
        });
        return new Setup(school, title);
    }

    [Fact]
    public async Task Each_member_of_a_pair_sees_the_others_open_contacts_and_the_next_step()
    {
        var s = await ArrangeAsync();
        var mentee = Html.Parse(await (await s.School.TeacherAsync(1)).GetStringAsync("/"));
        var mentors = mentee.QuerySelector("[data-testid=my-mentors]").ShouldNotBeNull().TextContent;
        mentors.ShouldContain(s.School.Teachers[0].FullName);
        mentors.ShouldContain("+7 900 100-00-01");
        mentors.ShouldNotContain("hidden-mentor");
        mentors.ShouldContain(s.School.Teachers[3].FullName);
        var step = mentee.QuerySelector("[data-testid=next-step]").ShouldNotBeNull().TextContent;
        step.ShouldContain(s.EventTitle);
        step.ShouldNotContain("Прошедшее событие");

        var mentor = Html.Parse(await (await s.School.TeacherAsync(0)).GetStringAsync("/"));
        var mentees = mentor.QuerySelector("[data-testid=my-mentees]").ShouldNotBeNull().TextContent;
        mentees.ShouldContain("mentee@school.example");
        mentees.ShouldContain(s.School.Teachers[2].FullName);
        mentor.QuerySelector("[data-testid=next-step]").ShouldNotBeNull().TextContent.ShouldContain(s.EventTitle);
    }

    [Fact]
    public async Task A_curator_and_an_administrator_with_a_staff_card_see_their_own_pairs_and_self_assessment()
    {
        var s = await ArrangeAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            foreach (var (login, role, index) in new[] { (s.School.Curator + "-card", Roles.Curator, 1), (s.School.Admin + "-card", Roles.Administrator, 0) })
            {
                var user = new AppUser { UserName = login, SchoolId = s.School.Id, PersonId = s.School.Teachers[index].PersonId, DisplayName = login };
                (await users.CreateAsync(user, TestSchool.Password)).Succeeded.ShouldBeTrue();
                await users.AddToRoleAsync(user, role);
            }
        }
        var curator = Html.Parse(await (await app.LoginAsync(s.School.Curator + "-card", TestSchool.Password)).GetStringAsync("/"));
        curator.QuerySelector("[data-testid=program-name]").ShouldNotBeNull("the curator keeps the school's page");
        curator.QuerySelector("[data-testid=my-mentors]").ShouldNotBeNull("the curator's own mentors").TextContent.ShouldContain(s.School.Teachers[0].FullName);
        curator.QuerySelector("[data-testid=my-round]").ShouldNotBeNull("the curator's own self-assessment");
        var admin = Html.Parse(await (await app.LoginAsync(s.School.Admin + "-card", TestSchool.Password)).GetStringAsync("/"));
        admin.QuerySelector("[data-testid=my-mentees]").ShouldNotBeNull("the administrator's own mentees").TextContent.ShouldContain(s.School.Teachers[1].FullName);
        admin.QuerySelector("[data-testid=my-round]").ShouldNotBeNull("the administrator's own self-assessment");
    }
}

[Collection("sqlite")] public sealed class HomePairsTests_Sqlite(SqliteApp app) : HomePairsTests(app);
[Collection("postgres")] public sealed class HomePairsTests_Postgres(PostgresApp app) : HomePairsTests(app);
