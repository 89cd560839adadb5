using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nastavnik.Web.Data.Configurations;

// Identity and audit: accounts, the audit trail and uploads kept between an import's preview and its commit.

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> e)
    {
        e.Property(x => x.DisplayName).HasMaxLength(300);
        e.HasOne<Organization>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(x => x.PersonId);
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.Property(x => x.UserName).HasMaxLength(256);
        e.Property(x => x.EntityType).HasMaxLength(64);
        e.Property(x => x.Action).HasMaxLength(16);
        e.HasIndex(x => new { x.SchoolId, x.EntityType, x.EntityId });
    }
}

public sealed class ImportUploadConfiguration : IEntityTypeConfiguration<ImportUpload>
{
    public void Configure(EntityTypeBuilder<ImportUpload> e)
    {
        e.Property(x => x.Kind).HasMaxLength(32);
        e.Property(x => x.UserName).HasMaxLength(256);
        e.Property(x => x.FileName).HasMaxLength(260);
        e.HasOne<Organization>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}
