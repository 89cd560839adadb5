using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nastavnik.Web.Data.Configurations;

// Catalog: directions and the topics that are mentored, per school.

public sealed class DirectionConfiguration : IEntityTypeConfiguration<Direction>
{
    public void Configure(EntityTypeBuilder<Direction> e)
    {
        e.Property(x => x.Code).HasMaxLength(32);
        e.Property(x => x.Name).HasMaxLength(200);
        e.HasOne<Organization>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.SchoolId, x.Code }).IsUnique();
    }
}

public sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> e)
    {
        e.Property(x => x.Code).HasMaxLength(32);
        e.Property(x => x.Name).HasMaxLength(300);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Direction).WithMany(x => x.Topics).HasForeignKey(x => x.DirectionId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.SchoolId, x.Code }).IsUnique();
    }
}
