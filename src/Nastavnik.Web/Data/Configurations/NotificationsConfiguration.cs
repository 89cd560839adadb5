using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nastavnik.Web.Data.Configurations;

// Sign-in codes, notifications, announcements, the outbox of letters and the leases of background jobs.

public sealed class SignInCodeConfiguration : IEntityTypeConfiguration<SignInCode>
{
    public void Configure(EntityTypeBuilder<SignInCode> e)
    {
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.Property(x => x.IssuedBy).HasMaxLength(256);
        e.HasIndex(x => x.Hash).IsUnique();
        e.HasIndex(x => x.UserId);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Organization>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.Kind).HasMaxLength(48);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Text).HasMaxLength(2000);
        e.Property(x => x.Link).HasMaxLength(500);
        e.Property(x => x.DedupKey).HasMaxLength(200);
        e.HasIndex(x => new { x.UserId, x.DedupKey }).IsUnique();
        e.HasIndex(x => new { x.UserId, x.ReadAt });
        e.HasIndex(x => x.MailedAt);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Announcement>().WithMany().HasForeignKey(x => x.AnnouncementId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Organization>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class NotificationSettingConfiguration : IEntityTypeConfiguration<NotificationSetting>
{
    public void Configure(EntityTypeBuilder<NotificationSetting> e)
    {
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.Kind).HasMaxLength(48);
        e.HasIndex(x => new { x.UserId, x.Kind }).IsUnique();
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Organization>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> e)
    {
        e.Property(x => x.AuthorUserName).HasMaxLength(256);
        e.Property(x => x.AuthorName).HasMaxLength(300);
        e.Property(x => x.Audience).HasMaxLength(300);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Text).HasMaxLength(4000);
        e.HasIndex(x => new { x.SchoolId, x.CreatedAt });
        e.HasOne<Organization>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class OutboxLetterConfiguration : IEntityTypeConfiguration<OutboxLetter>
{
    public void Configure(EntityTypeBuilder<OutboxLetter> e)
    {
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.Kind).HasMaxLength(48);
        e.Property(x => x.ToAddress).HasMaxLength(320);
        e.Property(x => x.Subject).HasMaxLength(300);
        e.Property(x => x.DedupKey).HasMaxLength(200);
        e.Property(x => x.ClaimedBy).HasMaxLength(100);
        e.Property(x => x.LastError).HasMaxLength(1000);
        e.HasIndex(x => new { x.UserId, x.DedupKey }).IsUnique();
        e.HasIndex(x => new { x.SentAt, x.FailedAt, x.NotBefore });
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Organization>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> e)
    {
        e.HasKey(x => x.Name);
        e.Property(x => x.Name).HasMaxLength(64);
        e.Property(x => x.Holder).HasMaxLength(100);
    }
}
