using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nastavnik.Web.Data.Configurations;

/// <summary>The pairs at work: history, agreements, quarterly reports, consultations, calendar feeds, event attendance, plans, meetings, activities.</summary>
public sealed class PairWorkConfiguration :
    IEntityTypeConfiguration<PairChange>, IEntityTypeConfiguration<PairAgreement>, IEntityTypeConfiguration<PairReport>,
    IEntityTypeConfiguration<Consultation>, IEntityTypeConfiguration<CalendarFeed>, IEntityTypeConfiguration<EventParticipant>
{
    public void Configure(EntityTypeBuilder<PairChange> e)
    {
        e.Property(x => x.By).HasMaxLength(256);
        e.Property(x => x.From).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.To).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Reason).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Comment).HasMaxLength(2000);
        e.HasOne<MentoringPair>().WithMany().HasForeignKey(x => x.PairId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.PairId);
    }

    public void Configure(EntityTypeBuilder<PairAgreement> e)
    {
        e.Property(x => x.Number).HasMaxLength(40);
        e.Property(x => x.Subject).HasMaxLength(2000);
        e.Property(x => x.Form).HasMaxLength(200);
        e.Property(x => x.MentorDuties).HasMaxLength(4000);
        e.Property(x => x.MenteeDuties).HasMaxLength(4000);
        e.Property(x => x.MeetingTerms).HasMaxLength(1000);
        e.Property(x => x.ExtraTerms).HasMaxLength(4000);
        e.Property(x => x.MentorAcceptedBy).HasMaxLength(256);
        e.Property(x => x.MenteeAcceptedBy).HasMaxLength(256);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<MentoringPair>().WithMany().HasForeignKey(x => x.PairId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.PairId).IsUnique();
    }

    public void Configure(EntityTypeBuilder<PairReport> e)
    {
        e.Property(x => x.Done).HasMaxLength(4000);
        e.Property(x => x.Changed).HasMaxLength(4000);
        e.Property(x => x.SubmittedBy).HasMaxLength(256);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<MentoringPair>().WithMany().HasForeignKey(x => x.PairId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.PairId, x.Year, x.Quarter }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Consultation> e)
    {
        e.Property(x => x.Question).HasMaxLength(2000);
        e.Property(x => x.Answer).HasMaxLength(2000);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Requester).WithMany().HasForeignKey(x => x.RequesterId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Consultant).WithMany().HasForeignKey(x => x.ConsultantId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Topic).WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ConsultantId, x.Status });
        e.HasIndex(x => x.RequesterId);
    }

    public void Configure(EntityTypeBuilder<CalendarFeed> e)
    {
        e.Property(x => x.Token).HasMaxLength(64);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.Token).IsUnique();
        e.HasIndex(x => x.PersonId).IsUnique();
    }

    public void Configure(EntityTypeBuilder<EventParticipant> e)
    {
        e.HasOne<RoadmapEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.EventId, x.PersonId }).IsUnique();
        e.HasIndex(x => x.PersonId);
    }
}
