using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nastavnik.Web.Data.Configurations;

// Programs: a school's mentorship program with its curators, target indicators and roadmap.

public sealed class MentoringProgramConfiguration : IEntityTypeConfiguration<MentoringProgram>
{
    public void Configure(EntityTypeBuilder<MentoringProgram> e)
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
    }
}

public sealed class ProgramCuratorConfiguration : IEntityTypeConfiguration<ProgramCurator>
{
    public void Configure(EntityTypeBuilder<ProgramCurator> e)
    {
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ProgramId, x.PersonId }).IsUnique();
    }
}

public sealed class ProgramIndicatorConfiguration : IEntityTypeConfiguration<ProgramIndicator>
{
    public void Configure(EntityTypeBuilder<ProgramIndicator> e)
    {
        e.Property(x => x.Code).HasMaxLength(32);
        e.Property(x => x.Name).HasMaxLength(300);
        e.Property(x => x.Unit).HasMaxLength(32);
        e.HasMany(x => x.Targets).WithOne().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class IndicatorTargetConfiguration : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> e)
    {
        e.Property(x => x.Value).HasPrecision(9, 2);
        e.HasIndex(x => new { x.IndicatorId, x.Year }).IsUnique();
    }
}

public sealed class RoadmapStageConfiguration : IEntityTypeConfiguration<RoadmapStage>
{
    public void Configure(EntityTypeBuilder<RoadmapStage> e)
    {
        e.Property(x => x.Title).HasMaxLength(300);
        e.HasMany(x => x.Events).WithOne(x => x.Stage).HasForeignKey(x => x.StageId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RoadmapEventConfiguration : IEntityTypeConfiguration<RoadmapEvent>
{
    public void Configure(EntityTypeBuilder<RoadmapEvent> e)
    {
        e.Property(x => x.Title).HasMaxLength(1000);
        e.Property(x => x.Timing).HasMaxLength(200);
        e.Property(x => x.ResponsibleText).HasMaxLength(300);
        e.Property(x => x.Result).HasMaxLength(4000);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.ResponsiblePerson).WithMany().HasForeignKey(x => x.ResponsiblePersonId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(x => new { x.ProgramId, x.StageId, x.SortOrder });
    }
}
