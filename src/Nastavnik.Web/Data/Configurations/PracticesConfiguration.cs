using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nastavnik.Web.Data.Configurations;

/// <summary>The practice bank: materials and their files.</summary>
public sealed class PracticesConfiguration : IEntityTypeConfiguration<PracticeMaterial>, IEntityTypeConfiguration<PracticeFile>
{
    public void Configure(EntityTypeBuilder<PracticeMaterial> e)
    {
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Description).HasMaxLength(8000);
        e.Property(x => x.Links).HasMaxLength(4000);
        e.Property(x => x.Tags).HasMaxLength(1000);
        e.Property(x => x.SearchText).HasMaxLength(20000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Author).WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Topic).WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<MentoringPair>().WithMany().HasForeignKey(x => x.PairId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.Files).WithOne().HasForeignKey(x => x.MaterialId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.SchoolId, x.UpdatedAt });
        e.HasIndex(x => new { x.SharedWithDistrict, x.SchoolId });
    }

    public void Configure(EntityTypeBuilder<PracticeFile> e)
    {
        e.Property(x => x.FileName).HasMaxLength(260);
        e.Property(x => x.ContentType).HasMaxLength(200);
    }
}
