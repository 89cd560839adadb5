using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nastavnik.Web.Data.Configurations;

// Portfolio («Супервизор»): items of a teacher's experience, their files and the teacher's contacts.
// Who may read a contact is a privacy rule: see PrivacyFilters.

public sealed class PortfolioItemConfiguration(bool npgsql) : IEntityTypeConfiguration<PortfolioItem>
{
    public void Configure(EntityTypeBuilder<PortfolioItem> e)
    {
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Description).HasMaxLength(8000);
        e.Property(x => x.Achievements).HasMaxLength(4000);
        e.Property(x => x.Links).HasMaxLength(4000);
        e.Property(x => x.SearchText).HasMaxLength(20000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Topic).WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.Files).WithOne().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.SchoolId, x.TopicId });
        e.HasIndex(x => new { x.SchoolId, x.PersonId });
        // On PostgreSQL the «Супервизор» search uses Russian full-text search over a stored, weighted vector (title A,
        // achievements B, description C); SQLite uses SearchText (stems written by RussianStemmer on save).
        if (npgsql)
        {
            e.Property<NpgsqlTypes.NpgsqlTsVector>(PortfolioItem.SearchVectorColumn).HasComputedColumnSql(
                "setweight(to_tsvector('russian', coalesce(\"Title\", '')), 'A') || setweight(to_tsvector('russian', coalesce(\"Achievements\", '')), 'B') || setweight(to_tsvector('russian', coalesce(\"Description\", '')), 'C')",
                stored: true);
            e.HasIndex(PortfolioItem.SearchVectorColumn).HasMethod("gin");
        }
    }
}

public sealed class PortfolioFileConfiguration : IEntityTypeConfiguration<PortfolioFile>
{
    public void Configure(EntityTypeBuilder<PortfolioFile> e)
    {
        e.Property(x => x.FileName).HasMaxLength(260);
        e.Property(x => x.ContentType).HasMaxLength(200);
    }
}

public sealed class PortfolioContactConfiguration : IEntityTypeConfiguration<PortfolioContact>
{
    public void Configure(EntityTypeBuilder<PortfolioContact> e)
    {
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Visibility).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Value).HasMaxLength(300);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.SchoolId, x.PersonId });
    }
}
