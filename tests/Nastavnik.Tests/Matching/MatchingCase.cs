using Nastavnik.Tests.Infrastructure;
using Nastavnik.Web.Data;

namespace Nastavnik.Tests.Matching;

/// <summary>
/// The hand-made round both matching test classes run on. Seven teachers (the last without consent). Optimum by hand: T0 mentors
/// T1 in MET-01 (priority 3, level 3) and T1 mentors T0 in ICT-01 (a reverse pair); T4 takes three of the four ICT-02 needs of
/// T0..T3 (capacity 3, a group) — 5 of 8 needs served. Unserved: T2's PSY-01 (only T6 offers it, and T6 has no consent), T3's
/// MET-02 (only T3 offers it), one ICT-02 (T4 is full).
/// </summary>
public sealed record MatchingCase(TestSchool School, int ProgramId, Dictionary<string, int> Topics)
{
    public string Name(int i) => School.Teachers[i].FullName;
    public int P(int i) => School.Teachers[i].PersonId;

    public static async Task<MatchingCase> SeedAsync(AppFixture app, bool withRound = true)
    {
        var school = await app.NewSchoolAsync(teachers: 7, withoutConsent: 1);
        var topics = await school.TopicIdsAsync();
        var (programId, roundId) = await school.OpenRoundAsync(withRound);
        if (!withRound) return new MatchingCase(school, programId, topics);
        int P(int i) => school.Teachers[i].PersonId;
        Offer O(int i, string code, int level) => new() { SchoolId = school.Id, RoundId = roundId, PersonId = P(i), TopicId = topics[code], Level = level };
        Need N(int i, string code, int priority) => new() { SchoolId = school.Id, RoundId = roundId, PersonId = P(i), TopicId = topics[code], Priority = priority };
        await app.WithDb(db =>
        {
            db.Offers.AddRange(O(0, "MET-01", 3), O(1, "ICT-01", 2), O(3, "MET-02", 2), O(4, "ICT-02", 2), O(6, "PSY-01", 3));
            db.Needs.AddRange(N(1, "MET-01", 3), N(0, "ICT-01", 2), N(2, "PSY-01", 1), N(3, "MET-02", 2),
                N(0, "ICT-02", 1), N(1, "ICT-02", 1), N(2, "ICT-02", 1), N(3, "ICT-02", 1));
            return db.SaveChangesAsync();
        });
        return new MatchingCase(school, programId, topics);
    }
}
