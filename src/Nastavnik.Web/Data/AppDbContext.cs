using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Nastavnik.Web.Data.Configurations;

namespace Nastavnik.Web.Data;

public partial class AppDbContext(DbContextOptions options, CurrentSchool school, TimeProvider clock) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Direction> Directions => Set<Direction>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ImportUpload> ImportUploads => Set<ImportUpload>();
    public DbSet<MentoringProgram> Programs => Set<MentoringProgram>();
    public DbSet<ProgramCurator> ProgramCurators => Set<ProgramCurator>();
    public DbSet<ProgramIndicator> ProgramIndicators => Set<ProgramIndicator>();
    public DbSet<IndicatorTarget> IndicatorTargets => Set<IndicatorTarget>();
    public DbSet<RoadmapStage> RoadmapStages => Set<RoadmapStage>();
    public DbSet<RoadmapEvent> RoadmapEvents => Set<RoadmapEvent>();
    public DbSet<DiagnosticsRound> DiagnosticsRounds => Set<DiagnosticsRound>();
    public DbSet<RoundResponse> RoundResponses => Set<RoundResponse>();
    public DbSet<Offer> Offers => Set<Offer>();
    public DbSet<Need> Needs => Set<Need>();
    public DbSet<FormsImportMapping> FormsImportMappings => Set<FormsImportMapping>();
    public DbSet<PortfolioItem> PortfolioItems => Set<PortfolioItem>();
    public DbSet<PortfolioFile> PortfolioFiles => Set<PortfolioFile>();
    public DbSet<PortfolioContact> PortfolioContacts => Set<PortfolioContact>();
    public DbSet<MatchingRun> MatchingRuns => Set<MatchingRun>();
    public DbSet<MatchDecision> MatchDecisions => Set<MatchDecision>();
    public DbSet<MentoringPair> MentoringPairs => Set<MentoringPair>();
    public DbSet<ChoiceStage> ChoiceStages => Set<ChoiceStage>();
    public DbSet<Choice> Choices => Set<Choice>();
    public DbSet<MentorAvailability> MentorAvailabilities => Set<MentorAvailability>();
    public DbSet<DeclinedOffer> DeclinedOffers => Set<DeclinedOffer>();
    public DbSet<SignInCode> SignInCodes => Set<SignInCode>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationSetting> NotificationSettings => Set<NotificationSetting>();
    public DbSet<Announcement> Announcements => Set<Announcement>();
    public DbSet<OutboxLetter> OutboxLetters => Set<OutboxLetter>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<PairChange> PairChanges => Set<PairChange>();
    public DbSet<PairAgreement> PairAgreements => Set<PairAgreement>();
    public DbSet<SchoolTemplate> SchoolTemplates => Set<SchoolTemplate>();
    public DbSet<ProgramPartner> ProgramPartners => Set<ProgramPartner>();
    public DbSet<PairReport> PairReports => Set<PairReport>();
    public DbSet<Consultation> Consultations => Set<Consultation>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<EventParticipant> EventParticipants => Set<EventParticipant>();
    public DbSet<DevelopmentPlan> DevelopmentPlans => Set<DevelopmentPlan>();
    public DbSet<PlanGoal> PlanGoals => Set<PlanGoal>();
    public DbSet<PlanTask> PlanTasks => Set<PlanTask>();
    public DbSet<PlanTaskFile> PlanTaskFiles => Set<PlanTaskFile>();
    public DbSet<PlanCorrection> PlanCorrections => Set<PlanCorrection>();
    public DbSet<PlanTemplate> PlanTemplates => Set<PlanTemplate>();
    public DbSet<PlanTemplateTask> PlanTemplateTasks => Set<PlanTemplateTask>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingParticipant> MeetingParticipants => Set<MeetingParticipant>();
    public DbSet<MeetingNote> MeetingNotes => Set<MeetingNote>();
    public DbSet<MeetingFeedback> MeetingFeedback => Set<MeetingFeedback>();
    public DbSet<JointActivity> JointActivities => Set<JointActivity>();
    public DbSet<ActivityParticipant> ActivityParticipants => Set<ActivityParticipant>();
    public DbSet<ActivityFile> ActivityFiles => Set<ActivityFile>();
    public DbSet<ObservationCard> ObservationCards => Set<ObservationCard>();
    public DbSet<ObservationCriterion> ObservationCriteria => Set<ObservationCriterion>();
    public DbSet<LessonObservation> LessonObservations => Set<LessonObservation>();
    public DbSet<ObservationScore> ObservationScores => Set<ObservationScore>();
    public DbSet<DataStamp> DataStamps => Set<DataStamp>();
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<SurveyQuestion> SurveyQuestions => Set<SurveyQuestion>();
    public DbSet<SurveyRecipient> SurveyRecipients => Set<SurveyRecipient>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<IndicatorSnapshot> IndicatorSnapshots => Set<IndicatorSnapshot>();
    public DbSet<SwotItem> SwotItems => Set<SwotItem>();
    public DbSet<RegisteredOrder> RegisteredOrders => Set<RegisteredOrder>();
    public DbSet<RegisteredOrderFile> RegisteredOrderFiles => Set<RegisteredOrderFile>();
    public DbSet<OrderAcknowledgement> OrderAcknowledgements => Set<OrderAcknowledgement>();
    public DbSet<RegulationVersion> RegulationVersions => Set<RegulationVersion>();
    public DbSet<PracticeMaterial> PracticeMaterials => Set<PracticeMaterial>();
    public DbSet<PracticeFile> PracticeFiles => Set<PracticeFile>();
    /// <summary>The keys that protect sign-in cookies, antiforgery tokens and links, shared by every web node (Hosting/Services).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public CurrentSchool School => school;

    /// <summary>The application's clock, for code that is handed the context (static rules, importers).</summary>
    public TimeProvider Clock => clock;

    // Read by the query filters on every query: EF parameterizes context members, so each context filters by its own school.
    internal int? TenantId => school.SchoolId;
    internal bool IsSchoolManager => school.IsSchoolManager;
    internal int ViewerPersonId => school.PersonId;
    internal string ViewerUserId => school.UserId;

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(DataStampInterceptor.Instance);

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        var npgsql = Database.IsNpgsql();
        if (npgsql) b.HasPostgresExtension("pg_trgm");
        Text.NameOrder.Register(b);

        // Organization and people
        b.ApplyConfiguration(new OrganizationConfiguration());
        b.ApplyConfiguration(new PersonConfiguration(npgsql));
        // Catalog
        b.ApplyConfiguration(new DirectionConfiguration());
        b.ApplyConfiguration(new TopicConfiguration());
        // Identity and audit
        b.ApplyConfiguration(new AuditEntryConfiguration());
        b.ApplyConfiguration(new ImportUploadConfiguration());
        // Programs
        b.ApplyConfiguration(new MentoringProgramConfiguration());
        b.ApplyConfiguration(new ProgramCuratorConfiguration());
        b.ApplyConfiguration(new ProgramIndicatorConfiguration());
        b.ApplyConfiguration(new IndicatorTargetConfiguration());
        b.ApplyConfiguration(new RoadmapStageConfiguration());
        b.ApplyConfiguration(new RoadmapEventConfiguration());
        // Diagnostics
        b.ApplyConfiguration(new DiagnosticsRoundConfiguration());
        b.ApplyConfiguration(new RoundResponseConfiguration());
        b.ApplyConfiguration(new OfferConfiguration());
        b.ApplyConfiguration(new NeedConfiguration());
        b.ApplyConfiguration(new FormsImportMappingConfiguration());
        // Portfolio
        b.ApplyConfiguration(new PortfolioItemConfiguration(npgsql));
        b.ApplyConfiguration(new PortfolioFileConfiguration());
        b.ApplyConfiguration(new PortfolioContactConfiguration());
        // Matching
        b.ApplyConfiguration(new MatchingRunConfiguration());
        b.ApplyConfiguration(new MatchDecisionConfiguration());
        b.ApplyConfiguration(new MentoringPairConfiguration());
        b.ApplyConfiguration(new ChoiceStageConfiguration());
        b.ApplyConfiguration(new ChoiceConfiguration());
        b.ApplyConfiguration(new MentorAvailabilityConfiguration());
        b.ApplyConfiguration(new DeclinedOfferConfiguration());
        // Accounts
        b.ApplyConfiguration(new AppUserConfiguration());
        b.ApplyConfiguration(new SignInCodeConfiguration());
        // Notifications, letters and jobs
        b.ApplyConfiguration(new NotificationConfiguration());
        b.ApplyConfiguration(new NotificationSettingConfiguration());
        b.ApplyConfiguration(new AnnouncementConfiguration());
        b.ApplyConfiguration(new OutboxLetterConfiguration());
        b.ApplyConfiguration(new JobLeaseConfiguration());
        // Pairs at work
        var pairWork = new PairWorkConfiguration();
        b.ApplyConfiguration<PairChange>(pairWork);
        b.ApplyConfiguration<PairAgreement>(pairWork);
        b.ApplyConfiguration<PairReport>(pairWork);
        b.ApplyConfiguration<Consultation>(pairWork);
        b.ApplyConfiguration<CalendarFeed>(pairWork);
        b.ApplyConfiguration<EventParticipant>(pairWork);
        var plans = new PlansConfiguration();
        b.ApplyConfiguration<DevelopmentPlan>(plans);
        b.ApplyConfiguration<PlanGoal>(plans);
        b.ApplyConfiguration<PlanTask>(plans);
        b.ApplyConfiguration<PlanTaskFile>(plans);
        b.ApplyConfiguration<PlanCorrection>(plans);
        b.ApplyConfiguration<PlanTemplate>(plans);
        b.ApplyConfiguration<PlanTemplateTask>(plans);
        var meetings = new MeetingsConfiguration();
        b.ApplyConfiguration<Meeting>(meetings);
        b.ApplyConfiguration<MeetingParticipant>(meetings);
        b.ApplyConfiguration<MeetingNote>(meetings);
        b.ApplyConfiguration<MeetingFeedback>(meetings);
        var activities = new ActivitiesConfiguration();
        b.ApplyConfiguration<JointActivity>(activities);
        b.ApplyConfiguration<ActivityParticipant>(activities);
        b.ApplyConfiguration<ActivityFile>(activities);
        b.ApplyConfiguration<ObservationCard>(activities);
        b.ApplyConfiguration<ObservationCriterion>(activities);
        b.ApplyConfiguration<LessonObservation>(activities);
        b.ApplyConfiguration<ObservationScore>(activities);
        // Monitoring
        var monitoring = new MonitoringConfiguration();
        b.ApplyConfiguration<Survey>(monitoring);
        b.ApplyConfiguration<SurveyQuestion>(monitoring);
        b.ApplyConfiguration<SurveyRecipient>(monitoring);
        b.ApplyConfiguration<SurveyResponse>(monitoring);
        b.ApplyConfiguration<SurveyAnswer>(monitoring);
        b.ApplyConfiguration<IndicatorValue>(monitoring);
        b.ApplyConfiguration<IndicatorSnapshot>(monitoring);
        b.ApplyConfiguration<SwotItem>(monitoring);
        // Documents
        var documents = new DocumentsConfiguration();
        b.ApplyConfiguration<RegisteredOrder>(documents);
        b.ApplyConfiguration<RegisteredOrderFile>(documents);
        b.ApplyConfiguration<OrderAcknowledgement>(documents);
        b.ApplyConfiguration<RegulationVersion>(documents);
        b.ApplyConfiguration<SchoolTemplate>(documents);
        b.ApplyConfiguration<ProgramPartner>(documents);
        // The practice bank
        var practices = new PracticesConfiguration();
        b.ApplyConfiguration<PracticeMaterial>(practices);
        b.ApplyConfiguration<PracticeFile>(practices);
        // The version of each school's data (DataStamps.cs): infrastructure, written by its interceptor only.
        b.Entity<DataStamp>().HasKey(x => x.Scope);
        b.Entity<DataStamp>().Property(x => x.Scope).ValueGeneratedNever();

        Tenancy.ApplyFilters(b, this);
        ApplyPrivacyFilters(b);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// The one place where tenant stamping, row stamps (times, versions, search text) and the audit trail happen.
    /// Audit rows are written in the same transaction as the change they describe.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        var now = clock.UtcTime();
        Tenancy.Stamp(ChangeTracker, TenantId);
        RowStamps.Apply(ChangeTracker, now);
        SearchTextMaintenance.Apply(ChangeTracker);
        var audit = AuditTrail.Collect(ChangeTracker);
        if (!ChangeTracker.HasChanges()) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);

        try
        {
            // Always in a transaction, even a single row: the data stamp (DataStamps.cs) is bumped as its commit's last statement.
            await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
            var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            if (!audit.IsEmpty)
            {
                AuditEntries.AddRange(audit.Entries(now, school.UserName));
                await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            }
            if (own is not null) await own.CommitAsync(ct);
            return result;
        }
        // A database that cannot be reached or a full disk is no conflict of the data: not a DbUpdateException, which commands
        // read as someone else's write (DbErrors.cs), but the fault the web answers with 503 or 507 (Hosting/DatabaseFaults.cs).
        catch (DbUpdateException e) when (e.FaultOf() is { } fault)
        {
            throw new DatabaseFaultException(fault, e);
        }
    }
}
