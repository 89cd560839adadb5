using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nastavnik.Web.Data.Configurations;

/// <summary>Joint activities with participants and files; lesson-observation cards, their criteria, and the analyses of visited lessons.</summary>
public sealed class ActivitiesConfiguration :
    IEntityTypeConfiguration<JointActivity>, IEntityTypeConfiguration<ActivityParticipant>, IEntityTypeConfiguration<ActivityFile>,
    IEntityTypeConfiguration<ObservationCard>, IEntityTypeConfiguration<ObservationCriterion>,
    IEntityTypeConfiguration<LessonObservation>, IEntityTypeConfiguration<ObservationScore>
{
    public void Configure(EntityTypeBuilder<JointActivity> e)
    {
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Title).HasMaxLength(500);
        e.Property(x => x.Result).HasMaxLength(4000);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<MentoringProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<MentoringPair>().WithMany().HasForeignKey(x => x.PairId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.OrganizerId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ProgramId, x.Date });
    }

    public void Configure(EntityTypeBuilder<ActivityParticipant> e)
    {
        e.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
        e.HasOne<JointActivity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ActivityId, x.PersonId }).IsUnique();
        e.HasIndex(x => x.PersonId);
    }

    public void Configure(EntityTypeBuilder<ActivityFile> e)
    {
        e.Property(x => x.FileName).HasMaxLength(260);
        e.Property(x => x.ContentType).HasMaxLength(200);
        e.HasOne<JointActivity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.ActivityId);
    }

    public void Configure(EntityTypeBuilder<ObservationCard> e)
    {
        e.Property(x => x.Name).HasMaxLength(300);
        e.Property(x => x.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<ObservationCriterion> e)
    {
        e.Property(x => x.Text).HasMaxLength(1000);
        e.HasOne<ObservationCard>().WithMany().HasForeignKey(x => x.CardId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.CardId, x.Order });
    }

    public void Configure(EntityTypeBuilder<LessonObservation> e)
    {
        e.Property(x => x.ClassName).HasMaxLength(40);
        e.Property(x => x.Subject).HasMaxLength(200);
        e.Property(x => x.LessonTopic).HasMaxLength(500);
        e.Property(x => x.Summary).HasMaxLength(8000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<JointActivity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<ObservationCard>().WithMany().HasForeignKey(x => x.CardId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.ObserverId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.ObservedId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.ActivityId);
        e.HasIndex(x => x.ObservedId);
    }

    public void Configure(EntityTypeBuilder<ObservationScore> e)
    {
        e.Property(x => x.Comment).HasMaxLength(2000);
        e.HasOne<LessonObservation>().WithMany().HasForeignKey(x => x.ObservationId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<ObservationCriterion>().WithMany().HasForeignKey(x => x.CriterionId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ObservationId, x.CriterionId }).IsUnique();
    }
}
