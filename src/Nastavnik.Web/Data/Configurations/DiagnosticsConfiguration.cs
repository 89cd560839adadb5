using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nastavnik.Web.Data.Configurations;

// Diagnostics: self-assessment rounds, answer sheets, offers, needs and saved Forms column mappings.
// Who may read a need is a privacy rule: see PrivacyFilters.

public sealed class DiagnosticsRoundConfiguration : IEntityTypeConfiguration<DiagnosticsRound>
{
    public void Configure(EntityTypeBuilder<DiagnosticsRound> e)
    {
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Program).WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RoundResponseConfiguration : IEntityTypeConfiguration<RoundResponse>
{
    public void Configure(EntityTypeBuilder<RoundResponse> e)
    {
        e.Property(x => x.UpdatedBy).HasMaxLength(256);
        e.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<DiagnosticsRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.RoundId, x.PersonId }).IsUnique();
    }
}

public sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> e)
    {
        e.Property(x => x.Experience).HasMaxLength(1000);
        e.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
        e.HasOne<DiagnosticsRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Topic).WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.RoundId, x.PersonId, x.TopicId }).IsUnique();
        e.HasIndex(x => new { x.RoundId, x.TopicId });
    }
}

public sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> e)
    {
        e.Property(x => x.Comment).HasMaxLength(1000);
        e.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
        e.HasOne<DiagnosticsRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Topic).WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.RoundId, x.PersonId, x.TopicId }).IsUnique();
        e.HasIndex(x => new { x.RoundId, x.TopicId });
    }
}

public sealed class FormsImportMappingConfiguration : IEntityTypeConfiguration<FormsImportMapping>
{
    public void Configure(EntityTypeBuilder<FormsImportMapping> e)
    {
        e.Property(x => x.HeaderKey).HasMaxLength(64);
        e.Property(x => x.UpdatedBy).HasMaxLength(256);
        e.HasOne<Organization>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.SchoolId, x.HeaderKey }).IsUnique();
    }
}
