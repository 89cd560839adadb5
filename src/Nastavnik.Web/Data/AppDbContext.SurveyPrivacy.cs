using Microsoft.EntityFrameworkCore;

namespace Nastavnik.Web.Data;

public partial class AppDbContext
{
    /// <summary>
    /// Privacy of monitoring (issue 13), part of <see cref="ApplyPrivacyFilters"/>. A survey is seen by the people it was sent to and
    /// the school's curators and administrators; a recipient row by its person and the managers. An answer is personal data: a named
    /// response is seen by its author and the managers; an anonymous one has no author (no person, no time finer than the day, a random
    /// key), and pages show anonymous results only as aggregates of at least <see cref="MinAnonymousGroup"/> answers. The psychologist
    /// sees aggregated scales only, through a named query, never a single answer. Indicator values, snapshots and SWOT: the managers.
    /// </summary>
    private void ApplySurveyFilters(ModelBuilder b)
    {
        b.Entity<Survey>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager
            || Set<SurveyRecipient>().Any(r => r.SurveyId == x.Id && r.PersonId == ViewerPersonId));
        b.Entity<SurveyQuestion>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager
            || Set<SurveyRecipient>().Any(r => r.SurveyId == x.SurveyId && r.PersonId == ViewerPersonId));
        b.Entity<SurveyRecipient>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager || x.PersonId == ViewerPersonId);
        b.Entity<SurveyResponse>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager || x.PersonId == ViewerPersonId);
        b.Entity<SurveyAnswer>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager
            || Set<SurveyResponse>().Any(r => r.Id == x.ResponseId && r.PersonId == ViewerPersonId));
        b.Entity<IndicatorValue>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager);
        b.Entity<IndicatorSnapshot>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager);
        b.Entity<SwotItem>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager);
    }

    /// <summary>Results of an anonymous survey (or of any group) with fewer answers than this are not shown.</summary>
    public const int MinAnonymousGroup = 5;
}
