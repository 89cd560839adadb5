using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;
using Nastavnik.Web.Features.Plans;

namespace Nastavnik.Tests.Plans;

/// <summary>
/// A school with a program 01.09.2026–30.06.2027 and the pairs of one mentee (teacher 1): teacher 0 mentors them in MET-01 (pair A),
/// teacher 2 in ICT-01 (pair B, a second mentor), teacher 4 in MET-02 (pair C, ended early). Teacher 3 is in no pair.
/// </summary>
public sealed record PlanSetup(TestSchool School, int ProgramId, int PairA, int PairB, int PairC, int TopicA)
{
    public static async Task<PlanSetup> ArrangeAsync(AppFixture app)
    {
        var school = await app.NewSchoolAsync(teachers: 5);
        var (programId, _) = await school.OpenRoundAsync(withRound: false);
        var topics = await school.TopicIdsAsync();
        var t = school.Teachers;
        var ids = await app.WithDb(async db =>
        {
            MentoringPair Pair(int mentor, string topic, PairStatus status = PairStatus.Approved) => new()
            {
                SchoolId = school.Id, ProgramId = programId, MentorId = t[mentor].PersonId, MenteeId = t[1].PersonId, TopicId = topics[topic],
                ApprovedBy = "test", ApprovedAt = DateTime.UtcNow, Status = status,
            };
            var a = Pair(0, "MET-01");
            var b = Pair(2, "ICT-01");
            var c = Pair(4, "MET-02", PairStatus.EndedEarly);
            db.MentoringPairs.AddRange(a, b, c);
            await db.SaveChangesAsync();
            return (a.Id, b.Id, c.Id);
        });
        return new PlanSetup(school, programId, ids.Item1, ids.Item2, ids.Item3, topics["MET-01"]);
    }

    public SignedInScope Mentor => SignedInScope.Teacher(School, 0);
    public SignedInScope Mentee => SignedInScope.Teacher(School, 1);
    public SignedInScope SecondMentor => SignedInScope.Teacher(School, 2);
    public SignedInScope Outsider => SignedInScope.Teacher(School, 3);
    public SignedInScope FormerMentor => SignedInScope.Teacher(School, 4);
    public SignedInScope Curator => SignedInScope.Curator(School);

    /// <summary>The plan opened by the mentor of pair A, with one task of pair A (owner: mentee, due 10.12.2026) added by the mentor.</summary>
    public async Task<(int PlanId, int TaskId)> PlanWithTaskAsync(string title = "Посетить урок наставника")
    {
        await using var s = Mentor;
        var plans = s.Get<PlanCommands>();
        var planId = (await plans.OpenForPairAsync(PairA, default)).Value;
        var task = await plans.AddTaskAsync(planId, new PlanTaskInput { PairId = PairA, Title = title, DueOn = new(2026, 12, 10) }, [], default);
        task.Error.ShouldBeNull();
        return (planId, task.Value!.Id);
    }
}
