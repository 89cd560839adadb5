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
        // A colleague is an active member of the school who consented to the processing of their data: only such a card, and what
        // hangs on it (offers with their experience, portfolio, contacts), is shown to teachers and the psychologist. Curators and
        // administrators see the whole registry; everyone sees their own card.
        b.Entity<Person>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager || x.Id == ViewerPersonId
            || (!x.IsArchived && x.Consent == ConsentStatus.Given));
        b.Entity<Offer>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager || x.PersonId == ViewerPersonId
            || Set<Person>().Any(p => p.Id == x.PersonId && !p.IsArchived && p.Consent == ConsentStatus.Given));
        b.Entity<PortfolioItem>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager || x.PersonId == ViewerPersonId
            || Set<Person>().Any(p => p.Id == x.PersonId && !p.IsArchived && p.Consent == ConsentStatus.Given));
        b.Entity<PortfolioFile>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager
            || Set<PortfolioItem>().Any(i => i.Id == x.ItemId && (i.PersonId == ViewerPersonId
                || Set<Person>().Any(p => p.Id == i.PersonId && !p.IsArchived && p.Consent == ConsentStatus.Given))));

        // Privacy of deficits: a teacher sees only their own; curators and administrators see the school's; a mentor sees a mentee's
        // need in the topic of their live pair (approved or active, not ended), in that pair's program (the need's round belongs to it)
        // and while the program runs (ADR-004).
        b.Entity<Need>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager || x.PersonId == ViewerPersonId
            || Set<MentoringPair>().Any(p => p.MenteeId == x.PersonId && p.TopicId == x.TopicId && p.MentorId == ViewerPersonId
                && (p.Status == PairStatus.Approved || p.Status == PairStatus.Active)
                && Set<DiagnosticsRound>().Any(r => r.Id == x.RoundId && r.ProgramId == p.ProgramId)
                && Set<MentoringProgram>().Any(g => g.Id == p.ProgramId && g.Status == ProgramStatus.Active)));

        // Runs and decisions name each mentee's deficits: like Need, only the school's curators and administrators see them.
        b.Entity<MatchingRun>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager);
        b.Entity<MatchDecision>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager);

        // A choice names the mentee's need: the same rule as Need (the mentee, the school's curators and administrators).
        b.Entity<Choice>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager || x.MenteeId == ViewerPersonId);

        // A notification and a person's e-mail settings are their own; curators and administrators see the school's (who read an
        // announcement). Their text never holds deficits or answers (Notifier), so this guards the inbox, not personal data.
        b.Entity<Notification>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager || x.UserId == ViewerUserId);
        b.Entity<NotificationSetting>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager || x.UserId == ViewerUserId);

        // A draft program is the managers' work in progress: teachers and psychologists see neither it nor its roadmap.
        b.Entity<MentoringProgram>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager || x.Status != ProgramStatus.Draft);

        ApplyPairWorkFilters(b);

        // A registered order and its files: the managers, and, once it is signed, the people it concerns (those with an
        // acknowledgement of it): a draft may still change, so nobody is asked to read it. An acknowledgement: the managers and its
        // own person; the sheet of who confirmed is the managers'.
        b.Entity<OrderAcknowledgement>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager || x.PersonId == ViewerPersonId);
        b.Entity<RegisteredOrder>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager
            || (x.Status == RegisteredOrderStatus.Signed && Set<OrderAcknowledgement>().Any(a => a.OrderId == x.Id && a.PersonId == ViewerPersonId)));
        b.Entity<RegisteredOrderFile>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager
            || (Set<RegisteredOrder>().Any(o => o.Id == x.OrderId && o.Status == RegisteredOrderStatus.Signed)
                && Set<OrderAcknowledgement>().Any(a => a.OrderId == x.OrderId && a.PersonId == ViewerPersonId)));
        ApplySurveyFilters(b);

        // A contact the teacher keeps for the administration is not shown to colleagues, nor any contact of someone who is not a
        // colleague (archived, without consent).
        b.Entity<PortfolioContact>().HasQueryFilter(PrivacyFilter, x => TenantId == null || IsSchoolManager || x.PersonId == ViewerPersonId
            || (x.Visibility == ContactVisibility.School && Set<Person>().Any(p => p.Id == x.PersonId && !p.IsArchived && p.Consent == ConsentStatus.Given)));
    }

    /// <summary>
    /// What the psychologist may know of needs (ADR-004): who, among the colleagues with a need in a program's rounds, is without a live
    /// pair (none approved, or theirs ended) once pairs were approved. Ids only; the needs themselves (topics, comments) stay behind the Need filter.
    /// </summary>
    public IQueryable<int> MenteesWithoutPair(int programId)
    {
        var pairs = MentoringPairs.IgnoreQueryFilters([PrivacyFilter]);
        return Needs.IgnoreQueryFilters([PrivacyFilter])
            .Where(n => DiagnosticsRounds.Any(r => r.Id == n.RoundId && r.ProgramId == programId))
            .Where(n => !pairs.Any(p => p.ProgramId == programId && p.MenteeId == n.PersonId
                && (p.Status == PairStatus.Approved || p.Status == PairStatus.Active)))
            .Where(n => pairs.Any(p => p.ProgramId == programId))
            .Select(n => n.PersonId).Distinct();
    }
}
