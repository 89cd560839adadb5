using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nastavnik.Web.Data.Configurations;

/// <summary>Meetings of pairs and groups, their participants, private notes and feedback.</summary>
public sealed class MeetingsConfiguration :
    IEntityTypeConfiguration<Meeting>, IEntityTypeConfiguration<MeetingParticipant>, IEntityTypeConfiguration<MeetingNote>,
    IEntityTypeConfiguration<MeetingFeedback>
{
    public void Configure(EntityTypeBuilder<Meeting> e)
    {
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Place).HasMaxLength(300);
        e.Property(x => x.OnlineLink).HasMaxLength(2000);
        e.Property(x => x.Agenda).HasMaxLength(4000);
        e.Property(x => x.SharedNotes).HasMaxLength(8000);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<MentoringProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Mentor).WithMany().HasForeignKey(x => x.MentorId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.MentorId, x.StartsAt });
        e.HasIndex(x => new { x.ProgramId, x.StartsAt });
    }

    public void Configure(EntityTypeBuilder<MeetingParticipant> e)
    {
        e.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<MentoringPair>().WithMany().HasForeignKey(x => x.PairId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.MeetingId, x.PersonId }).IsUnique();
        e.HasIndex(x => x.PersonId);
        e.HasIndex(x => x.PairId);
    }

    public void Configure(EntityTypeBuilder<MeetingNote> e)
    {
        e.Property(x => x.Text).HasMaxLength(8000);
        e.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.MeetingId, x.AuthorId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<MeetingFeedback> e)
    {
        e.Property(x => x.Comment).HasMaxLength(2000);
        e.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.MeetingId, x.AuthorId }).IsUnique();
    }
}
