using Microsoft.EntityFrameworkCore;

namespace Nastavnik.Web.Data;

public partial class AppDbContext
{
    /// <summary>The name of the query filters that decide who inside a school may read a personal record.</summary>
    public const string PrivacyFilter = "Privacy";

    /// <summary>
    /// Privacy inside a school (ADR-004), in this one place. Each rule is a named filter on top of the tenant filter
    /// (<see cref="Tenancy"/>), which already keeps other schools out; system work (no tenant) reads everything.
    /// </summary>
    private void ApplyPrivacyFilters(ModelBuilder b)
    {
        // Privacy of deficits: a teacher sees only their own; curators and administrators see the school's;
        // a mentor sees a mentee's need in the topic of their approved pair (ADR-004).
        b.Entity<Need>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager || x.PersonId == ViewerPersonId
            || Set<MentoringPair>().Any(p => p.MenteeId == x.PersonId && p.TopicId == x.TopicId && p.MentorId == ViewerPersonId));

        // Runs and decisions name each mentee's deficits: like Need, only the school's curators and administrators see them.
        b.Entity<MatchingRun>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager);
        b.Entity<MatchDecision>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager);

        // A choice names the mentee's need: the same rule as Need (the mentee, the school's curators and administrators).
        b.Entity<MentorChoice>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager || x.MenteeId == ViewerPersonId);

        // A draft program is the managers' work in progress: teachers and psychologists see neither it nor its roadmap.
        b.Entity<MentoringProgram>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager || x.Status != ProgramStatus.Draft);

        // A contact the teacher keeps for the administration is not shown to colleagues.
        b.Entity<PortfolioContact>().HasQueryFilter(PrivacyFilter, x => TenantId == null
            || x.Visibility == ContactVisibility.School || IsSchoolManager || x.PersonId == ViewerPersonId);
    }
}
