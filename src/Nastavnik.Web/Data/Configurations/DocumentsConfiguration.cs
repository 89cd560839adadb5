using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nastavnik.Web.Data.Configurations;

/// <summary>The documents' data: the schools' own templates and the programs' social partners.</summary>
public sealed class DocumentsConfiguration : IEntityTypeConfiguration<SchoolTemplate>, IEntityTypeConfiguration<ProgramPartner>
{
    public void Configure(EntityTypeBuilder<SchoolTemplate> e)
    {
        e.Property(x => x.Code).HasMaxLength(64);
        e.Property(x => x.FileName).HasMaxLength(260);
        e.Property(x => x.UploadedBy).HasMaxLength(256);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Organization>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.SchoolId, x.Code }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ProgramPartner> e)
    {
        e.Property(x => x.Organization).HasMaxLength(300);
        e.Property(x => x.HeadLastName).HasMaxLength(100);
        e.Property(x => x.HeadFirstName).HasMaxLength(100);
        e.Property(x => x.HeadMiddleName).HasMaxLength(100);
        e.Property(x => x.HeadPosition).HasMaxLength(200);
        e.Property(x => x.Contribution).HasMaxLength(2000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<MentoringProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.ProgramId);
    }
}
