using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nastavnik.Web.Data.Configurations;

/// <summary>Individual plans (ИОМ): plans, goals, tasks with files, corrections, and the curator's templates.</summary>
public sealed class PlansConfiguration :
    IEntityTypeConfiguration<DevelopmentPlan>, IEntityTypeConfiguration<PlanGoal>, IEntityTypeConfiguration<PlanTask>,
    IEntityTypeConfiguration<PlanTaskFile>, IEntityTypeConfiguration<PlanCorrection>, IEntityTypeConfiguration<PlanTemplate>,
    IEntityTypeConfiguration<PlanTemplateTask>
{
    public void Configure(EntityTypeBuilder<DevelopmentPlan> e)
    {
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<MentoringProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Mentee).WithMany().HasForeignKey(x => x.MenteeId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ProgramId, x.MenteeId }).IsUnique();
        e.HasIndex(x => x.MenteeId);
    }

    public void Configure(EntityTypeBuilder<PlanGoal> e)
    {
        e.Property(x => x.Text).HasMaxLength(2000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<DevelopmentPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<MentoringPair>().WithMany().HasForeignKey(x => x.PairId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.PlanId);
        e.HasIndex(x => x.PairId);
    }

    public void Configure(EntityTypeBuilder<PlanTask> e)
    {
        e.Property(x => x.Title).HasMaxLength(500);
        e.Property(x => x.Description).HasMaxLength(4000);
        e.Property(x => x.Owner).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.ResultText).HasMaxLength(4000);
        e.Property(x => x.ResultLink).HasMaxLength(2000);
        e.Property(x => x.AcceptedBy).HasMaxLength(256);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<DevelopmentPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<MentoringPair>().WithMany().HasForeignKey(x => x.PairId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PlanGoal>().WithMany().HasForeignKey(x => x.GoalId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(x => x.PlanId);
        e.HasIndex(x => new { x.PairId, x.Status, x.DueOn });
    }

    public void Configure(EntityTypeBuilder<PlanTaskFile> e)
    {
        e.Property(x => x.FileName).HasMaxLength(260);
        e.Property(x => x.ContentType).HasMaxLength(200);
        e.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.TaskId);
    }

    public void Configure(EntityTypeBuilder<PlanCorrection> e)
    {
        e.Property(x => x.By).HasMaxLength(256);
        e.Property(x => x.What).HasMaxLength(4000);
        e.HasOne<DevelopmentPlan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<MentoringPair>().WithMany().HasForeignKey(x => x.PairId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.PlanId);
    }

    public void Configure(EntityTypeBuilder<PlanTemplate> e)
    {
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.TopicId);
    }

    public void Configure(EntityTypeBuilder<PlanTemplateTask> e)
    {
        e.Property(x => x.Title).HasMaxLength(500);
        e.Property(x => x.Owner).HasConversion<string>().HasMaxLength(16);
        e.HasOne<PlanTemplate>().WithMany().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.TemplateId);
    }
}
