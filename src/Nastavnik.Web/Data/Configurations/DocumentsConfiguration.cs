using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nastavnik.Web.Data.Configurations;

/// <summary>
/// The documents' data: the register of orders with its files and acknowledgements, the versions of the regulation on mentoring, the
/// schools' own templates and the programs' social partners.
/// </summary>
public sealed class DocumentsConfiguration : IEntityTypeConfiguration<RegisteredOrder>, IEntityTypeConfiguration<RegisteredOrderFile>,
    IEntityTypeConfiguration<OrderAcknowledgement>, IEntityTypeConfiguration<RegulationVersion>, IEntityTypeConfiguration<SchoolTemplate>,
    IEntityTypeConfiguration<ProgramPartner>
{
    public void Configure(EntityTypeBuilder<RegisteredOrder> e)
    {
        e.Property(x => x.Code).HasMaxLength(50);
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Number).HasMaxLength(40);
        e.Property(x => x.SignerName).HasMaxLength(300);
        e.Property(x => x.SignerPosition).HasMaxLength(200);
        e.Property(x => x.RegisteredBy).HasMaxLength(200);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<MentoringProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
        // The school's numbering: one number once in a calendar year (the command says so in Russian; the index holds under a race).
        e.HasIndex(x => new { x.SchoolId, x.Year, x.Number }).IsUnique();
        e.HasIndex(x => x.ProgramId);
    }

    public void Configure(EntityTypeBuilder<RegisteredOrderFile> e)
    {
        e.Property(x => x.FileName).HasMaxLength(260);
        e.Property(x => x.ContentType).HasMaxLength(200);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.HasOne<RegisteredOrder>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.OrderId, x.Kind });
    }

    public void Configure(EntityTypeBuilder<OrderAcknowledgement> e)
    {
        e.HasOne<RegisteredOrder>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.OrderId, x.PersonId }).IsUnique();
        e.HasIndex(x => x.PersonId);
    }

    public void Configure(EntityTypeBuilder<RegulationVersion> e)
    {
        e.Property(x => x.Author).HasMaxLength(200);
        e.Property(x => x.ApprovingOrder).HasMaxLength(100);
        // Two saves from the same version: the second breaks this index and is refused as stale.
        e.HasIndex(x => new { x.SchoolId, x.Number }).IsUnique();
    }

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
