using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nastavnik.Web.Data.Configurations;

// Organization and People: the region → district → school tree and the members of a school.

public sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> e)
    {
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Name).HasMaxLength(300);
        e.Property(x => x.ShortName).HasMaxLength(100);
        e.Property(x => x.Address).HasMaxLength(300);
        e.Property(x => x.Phone).HasMaxLength(50);
        e.Property(x => x.Email).HasMaxLength(200);
        e.Property(x => x.Inn).HasMaxLength(10);
        e.Property(x => x.Ogrn).HasMaxLength(13);
        e.Property(x => x.DirectorName).HasMaxLength(300);
        e.Property(x => x.DirectorPosition).HasMaxLength(200);
        // The default fills the schools that exist when the column is added, and stays in the model so the migrated schema equals it.
        e.Property(x => x.Version).IsConcurrencyToken().HasDefaultValue(0);
        e.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PersonConfiguration(bool npgsql) : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> e)
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
        // The default fills the schools that exist when the column is added, and stays in the model so the migrated schema equals it.
        e.Property(x => x.Version).IsConcurrencyToken().HasDefaultValue(0);
        e.HasOne<Organization>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        // The registry's default order, so a page of a big school is read from the index, not sorted.
        e.HasIndex(x => new { x.SchoolId, x.IsArchived, x.LastName, x.FirstName, x.MiddleName, x.Id }, "IX_People_RegistryOrder");
        e.HasIndex(x => new { x.SchoolId, x.Department });
        // Registry search is LIKE '%word%' on the folded text; on PostgreSQL a trigram index keeps it fast for a city.
        if (npgsql) e.HasIndex(x => x.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
