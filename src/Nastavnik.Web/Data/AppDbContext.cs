using System.Text.Json;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Nastavnik.Web.Data;

public class AppDbContext(DbContextOptions options, CurrentSchool school) : IdentityDbContext<AppUser>(options)
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
    public DbSet<PreferenceRound> PreferenceRounds => Set<PreferenceRound>();
    public DbSet<MentorChoice> MentorChoices => Set<MentorChoice>();
    public DbSet<MentorAvailability> MentorAvailabilities => Set<MentorAvailability>();
    public DbSet<DeclinedOffer> DeclinedOffers => Set<DeclinedOffer>();

    public CurrentSchool School => school;

    // Read by the query filters on every query: EF parameterizes context members.
    private int? TenantId => school.SchoolId;
    private bool IsSchoolManager => school.IsSchoolManager;
    private int ViewerPersonId => school.PersonId;

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        if (Database.IsNpgsql()) b.HasPostgresExtension("pg_trgm");

        b.Entity<Organization>(e =>
        {
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.ShortName).HasMaxLength(100);
            e.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        b.Entity<Person>(e =>
        {
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Category).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Consent).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.LastName).HasMaxLength(100);
            e.Property(x => x.FirstName).HasMaxLength(100);
            e.Property(x => x.MiddleName).HasMaxLength(100);
            e.Property(x => x.Position).HasMaxLength(200);
            e.Property(x => x.Subjects).HasMaxLength(500);
            e.Property(x => x.Department).HasMaxLength(200);
            e.Property(x => x.Email).HasMaxLength(200);
            e.Property(x => x.Phone).HasMaxLength(50);
            e.Property(x => x.ConsentRecordedBy).HasMaxLength(200);
            e.Property(x => x.SearchText).HasMaxLength(1200);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
            // The registry's default order, so a page of a big school is read from the index, not sorted.
            e.HasIndex(x => new { x.SchoolId, x.IsArchived, x.LastName, x.FirstName, x.MiddleName, x.Id }, "IX_People_RegistryOrder");
            e.HasIndex(x => new { x.SchoolId, x.Department });
            // Registry search is LIKE '%word%' on the folded text; on PostgreSQL a trigram index keeps it fast for a city.
            if (Database.IsNpgsql()) e.HasIndex(x => x.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
            e.HasQueryFilter(x => TenantId == null || x.SchoolId == TenantId);
        });

        b.Entity<Direction>(e =>
        {
            e.Property(x => x.Code).HasMaxLength(32);
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.SchoolId, x.Code }).IsUnique();
            e.HasQueryFilter(x => TenantId == null || x.SchoolId == TenantId);
        });

        b.Entity<Topic>(e =>
        {
            e.Property(x => x.Code).HasMaxLength(32);
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne(x => x.Direction).WithMany(x => x.Topics).HasForeignKey(x => x.DirectionId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.SchoolId, x.Code }).IsUnique();
            e.HasQueryFilter(x => TenantId == null || x.SchoolId == TenantId);
        });

        b.Entity<AuditEntry>(e =>
        {
            e.Property(x => x.UserName).HasMaxLength(256);
            e.Property(x => x.EntityType).HasMaxLength(64);
            e.Property(x => x.Action).HasMaxLength(16);
            e.HasIndex(x => new { x.SchoolId, x.EntityType, x.EntityId });
            e.HasQueryFilter(x => TenantId == null || x.SchoolId == TenantId);
        });

        b.Entity<ImportUpload>(e =>
        {
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.UserName).HasMaxLength(256);
            e.Property(x => x.FileName).HasMaxLength(260);
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(x => TenantId == null || x.SchoolId == TenantId);
        });

        ConfigurePrograms(b);
        ConfigureDiagnostics(b);
        ConfigurePortfolio(b);
        ConfigureMatching(b);

        b.Entity<AppUser>(e =>
        {
            e.Property(x => x.DisplayName).HasMaxLength(300);
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(x => x.PersonId);
        });
    }

    private void ConfigurePrograms(ModelBuilder b)
    {
        b.Entity<MentoringProgram>(e =>
        {
            e.ToTable("Programs");
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.Goal).HasMaxLength(2000);
            e.Property(x => x.Description).HasMaxLength(8000);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Curators).WithOne().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Indicators).WithOne().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Stages).WithOne().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.SchoolId, x.Status });
            // One active program per school, guaranteed by the database even when two curators activate at the same moment.
            e.HasIndex(x => x.SchoolId, "IX_Programs_OneActive").IsUnique().HasFilter("\"Status\" = 'Active'");
            e.HasQueryFilter(x => TenantId == null || x.SchoolId == TenantId);
        });
        b.Entity<ProgramCurator>(e =>
        {
            e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.ProgramId, x.PersonId }).IsUnique();
            e.HasQueryFilter(x => TenantId == null || x.SchoolId == TenantId);
        });
        b.Entity<ProgramIndicator>(e =>
        {
            e.Property(x => x.Code).HasMaxLength(32);
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.Unit).HasMaxLength(32);
            e.HasMany(x => x.Targets).WithOne().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(x => TenantId == null || x.SchoolId == TenantId);
        });
        b.Entity<IndicatorTarget>(e =>
        {
            e.Property(x => x.Value).HasPrecision(9, 2);
            e.HasIndex(x => new { x.IndicatorId, x.Year }).IsUnique();
            e.HasQueryFilter(x => TenantId == null || x.SchoolId == TenantId);
        });
        b.Entity<RoadmapStage>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(300);
            e.HasMany(x => x.Events).WithOne(x => x.Stage).HasForeignKey(x => x.StageId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(x => TenantId == null || x.SchoolId == TenantId);
        });
        b.Entity<RoadmapEvent>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(1000);
            e.Property(x => x.Timing).HasMaxLength(200);
            e.Property(x => x.ResponsibleText).HasMaxLength(300);
            e.Property(x => x.Result).HasMaxLength(4000);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne(x => x.ResponsiblePerson).WithMany().HasForeignKey(x => x.ResponsiblePersonId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(x => new { x.ProgramId, x.StageId, x.SortOrder });
            e.HasQueryFilter(x => TenantId == null || x.SchoolId == TenantId);
        });
    }

    private void ConfigureDiagnostics(ModelBuilder b)
    {
        b.Entity<DiagnosticsRound>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne(x => x.Program).WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(x => TenantId == null || x.SchoolId == TenantId);
        });
        b.Entity<RoundResponse>(e =>
        {
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
            e.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne<DiagnosticsRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.RoundId, x.PersonId }).IsUnique();
            e.HasQueryFilter(x => TenantId == null || x.SchoolId == TenantId);
        });
        b.Entity<Offer>(e =>
        {
            e.Property(x => x.Experience).HasMaxLength(1000);
            e.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
            e.HasOne<DiagnosticsRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Topic).WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.RoundId, x.PersonId, x.TopicId }).IsUnique();
            e.HasIndex(x => new { x.RoundId, x.TopicId });
            e.HasQueryFilter(x => TenantId == null || x.SchoolId == TenantId);
        });
        b.Entity<Need>(e =>
        {
            e.Property(x => x.Comment).HasMaxLength(1000);
            e.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
            e.HasOne<DiagnosticsRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Topic).WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.RoundId, x.PersonId, x.TopicId }).IsUnique();
            e.HasIndex(x => new { x.RoundId, x.TopicId });
            // Privacy of deficits, in this one place: a teacher sees only their own; curators and administrators see the school's;
            // a mentor sees a mentee's need in the topic of their approved pair (ADR-004).
            e.HasQueryFilter(x => TenantId == null || (x.SchoolId == TenantId && (IsSchoolManager || x.PersonId == ViewerPersonId
                || Set<MentoringPair>().Any(p => p.MenteeId == x.PersonId && p.TopicId == x.TopicId && p.MentorId == ViewerPersonId))));
        });
        b.Entity<FormsImportMapping>(e =>
        {
            e.Property(x => x.HeaderKey).HasMaxLength(64);
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
            e.HasOne<Organization>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.SchoolId, x.HeaderKey }).IsUnique();
            e.HasQueryFilter(x => TenantId == null || x.SchoolId == TenantId);
        });
    }

    private void ConfigureMatching(ModelBuilder b)
    {
        b.Entity<MatchingRun>(e =>
        {
            e.Property(x => x.Mode).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.HasOne<MentoringProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<DiagnosticsRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ProgramId, x.Id });
            // Runs and decisions name each mentee's deficits: like Need, only the school's curators and administrators see them.
            e.HasQueryFilter(x => TenantId == null || (x.SchoolId == TenantId && IsSchoolManager));
        });
        b.Entity<MatchDecision>(e =>
        {
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.HasOne<MentoringProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Person>().WithMany().HasForeignKey(x => x.MenteeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Person>().WithMany().HasForeignKey(x => x.MentorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.ProgramId, x.MenteeId, x.TopicId, x.MentorId }).IsUnique();
            // Runs and decisions name each mentee's deficits: like Need, only the school's curators and administrators see them.
            e.HasQueryFilter(x => TenantId == null || (x.SchoolId == TenantId && IsSchoolManager));
        });
        b.Entity<MentoringPair>(e =>
        {
            e.Property(x => x.ApprovedBy).HasMaxLength(256);
            e.HasOne<MentoringProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Mentee).WithMany().HasForeignKey(x => x.MenteeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Mentor).WithMany().HasForeignKey(x => x.MentorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Topic).WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
            // One mentor per need of a program: a double approval cannot duplicate a pair.
            e.HasIndex(x => new { x.ProgramId, x.MenteeId, x.TopicId }).IsUnique();
            e.HasIndex(x => new { x.ProgramId, x.MentorId });
            e.HasQueryFilter(x => TenantId == null || x.SchoolId == TenantId);
        });
        b.Entity<PreferenceRound>(e =>
        {
            e.Property(x => x.OpenedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne<MentoringProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<DiagnosticsRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.RoundId).IsUnique();
            e.HasQueryFilter(x => TenantId == null || x.SchoolId == TenantId);
        });
        b.Entity<MentorChoice>(e =>
        {
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
            e.HasOne<DiagnosticsRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Person>().WithMany().HasForeignKey(x => x.MenteeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Person>().WithMany().HasForeignKey(x => x.MentorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.RoundId, x.MenteeId, x.TopicId, x.Rank }).IsUnique();
            e.HasIndex(x => new { x.RoundId, x.MenteeId, x.TopicId, x.MentorId }).IsUnique();
            // A choice names the mentee's need: the same rule as Need (the mentee, the school's curators and administrators).
            e.HasQueryFilter(x => TenantId == null || (x.SchoolId == TenantId && (IsSchoolManager || x.MenteeId == ViewerPersonId)));
        });
        b.Entity<MentorAvailability>(e =>
        {
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne<DiagnosticsRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.RoundId, x.PersonId }).IsUnique();
            e.HasQueryFilter(x => TenantId == null || x.SchoolId == TenantId);
        });
        b.Entity<DeclinedOffer>(e =>
        {
            e.HasOne<DiagnosticsRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.RoundId, x.PersonId, x.TopicId }).IsUnique();
            e.HasQueryFilter(x => TenantId == null || x.SchoolId == TenantId);
        });
    }

    private void ConfigurePortfolio(ModelBuilder b)
    {
        b.Entity<PortfolioItem>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.Description).HasMaxLength(8000);
            e.Property(x => x.Achievements).HasMaxLength(4000);
            e.Property(x => x.Links).HasMaxLength(4000);
            e.Property(x => x.SearchText).HasMaxLength(20000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Topic).WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(x => x.Files).WithOne().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.SchoolId, x.TopicId });
            e.HasIndex(x => new { x.SchoolId, x.PersonId });
            // On PostgreSQL the «Супервизор» search uses Russian full-text search over a stored, weighted vector (title A,
            // achievements B, description C); SQLite uses SearchText (stems written by RussianStemmer on save).
            if (Database.IsNpgsql())
            {
                e.Property<NpgsqlTypes.NpgsqlTsVector>(PortfolioItem.SearchVectorColumn).HasComputedColumnSql(
                    "setweight(to_tsvector('russian', coalesce(\"Title\", '')), 'A') || setweight(to_tsvector('russian', coalesce(\"Achievements\", '')), 'B') || setweight(to_tsvector('russian', coalesce(\"Description\", '')), 'C')",
                    stored: true);
                e.HasIndex(PortfolioItem.SearchVectorColumn).HasMethod("gin");
            }
            e.HasQueryFilter(x => TenantId == null || x.SchoolId == TenantId);
        });
        b.Entity<PortfolioFile>(e =>
        {
            e.Property(x => x.FileName).HasMaxLength(260);
            e.Property(x => x.ContentType).HasMaxLength(200);
            e.HasQueryFilter(x => TenantId == null || x.SchoolId == TenantId);
        });
        b.Entity<PortfolioContact>(e =>
        {
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Visibility).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Value).HasMaxLength(300);
            e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.SchoolId, x.PersonId });
            // A contact the teacher keeps for the administration is not shown to colleagues, in this one place.
            e.HasQueryFilter(x => TenantId == null
                || (x.SchoolId == TenantId && (x.Visibility == ContactVisibility.School || IsSchoolManager || x.PersonId == ViewerPersonId)));
        });
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// The one place where tenant stamping, version bumps and the audit trail happen.
    /// Audit rows are written in the same transaction as the change they describe.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        StampTenant();
        var pending = CollectAudit();
        if (pending.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        try
        {
            var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            var now = DateTime.UtcNow;
            foreach (var p in pending)
            {
                AuditEntries.Add(new AuditEntry
                {
                    SchoolId = p.SchoolId, At = now, UserName = school.UserName, EntityType = p.Entry.Metadata.ClrType.Name,
                    EntityId = ((IAudited)p.Entry.Entity).Id, Action = p.Action, Changes = p.Changes(),
                });
            }
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            if (own is not null) await own.CommitAsync(ct);
            return result;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    private void StampTenant()
    {
        foreach (var entry in ChangeTracker.Entries<ISchoolOwned>())
        {
            if (entry.State == EntityState.Added && entry.Entity.SchoolId == 0 && TenantId is > 0)
                entry.Entity.SchoolId = TenantId.Value;
            if (entry.State is EntityState.Added or EntityState.Modified && TenantId is not null && entry.Entity.SchoolId != TenantId)
                throw new InvalidOperationException("A record of another school cannot be written.");
        }
        var now = DateTime.UtcNow;
        foreach (var entry in ChangeTracker.Entries<Person>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified) entry.Entity.RefreshSearchText();
            if (entry.State == EntityState.Modified) entry.Entity.UpdatedAt = now;
        }
        foreach (var entry in ChangeTracker.Entries<PortfolioItem>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified) entry.Entity.RefreshSearchText();
            if (entry.State == EntityState.Modified) entry.Entity.UpdatedAt = now;
        }
        foreach (var entry in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
            entry.Entity.Version++;
    }

    private static readonly JsonSerializerOptions AuditJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed record PendingAudit(EntityEntry Entry, string Action, int? SchoolId, Func<string> Changes);

    private List<PendingAudit> CollectAudit()
    {
        var list = new List<PendingAudit>();
        foreach (var entry in ChangeTracker.Entries<IAudited>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var action = entry.State switch { EntityState.Added => "create", EntityState.Deleted => "delete", _ => "update" };
            var schoolId = (entry.Entity as ISchoolOwned)?.SchoolId;
            var props = entry.Properties.Where(p => !p.Metadata.IsPrimaryKey() && p.Metadata.Name is not ("SearchText" or "Version" or "UpdatedAt" or "CreatedAt")).ToList();
            var changed = entry.State == EntityState.Modified ? props.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList() : props;
            if (entry.State == EntityState.Modified && changed.Count == 0) continue;
            // Old values must be read now, before SaveChanges accepts them; new values after (ids of added rows).
            var deleted = entry.State == EntityState.Deleted;
            var old = changed.ToDictionary(p => p.Metadata.Name, p => entry.State == EntityState.Added ? null : p.OriginalValue);
            list.Add(new PendingAudit(entry, action, schoolId, () => JsonSerializer.Serialize(
                changed.ToDictionary(p => p.Metadata.Name, p => new { old = old[p.Metadata.Name], @new = deleted ? null : p.CurrentValue }), AuditJson)));
        }
        return list;
    }
}
