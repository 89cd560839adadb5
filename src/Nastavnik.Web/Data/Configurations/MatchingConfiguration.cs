using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nastavnik.Web.Data.Configurations;

// Matching: runs, the curator's decisions, approved pairs and the choice stage (preference rounds, choices, availability).
// Who may read runs, decisions and choices is a privacy rule: see PrivacyFilters.

public sealed class MatchingRunConfiguration : IEntityTypeConfiguration<MatchingRun>
{
    public void Configure(EntityTypeBuilder<MatchingRun> e)
    {
        e.Property(x => x.Mode).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.HasOne<MentoringProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<DiagnosticsRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.ProgramId, x.Id });
    }
}

public sealed class MatchDecisionConfiguration : IEntityTypeConfiguration<MatchDecision>
{
    public void Configure(EntityTypeBuilder<MatchDecision> e)
    {
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.HasOne<MentoringProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.MenteeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.MentorId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ProgramId, x.MenteeId, x.TopicId, x.MentorId }).IsUnique();
    }
}

public sealed class MentoringPairConfiguration : IEntityTypeConfiguration<MentoringPair>
{
    public void Configure(EntityTypeBuilder<MentoringPair> e)
    {
        e.Property(x => x.ApprovedBy).HasMaxLength(256);
        e.HasOne<MentoringProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Mentee).WithMany().HasForeignKey(x => x.MenteeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Mentor).WithMany().HasForeignKey(x => x.MentorId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Topic).WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.EndReason).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.EndComment).HasMaxLength(2000);
        e.Property(x => x.Version).IsConcurrencyToken();
        // One live mentor per need of a program: a double approval cannot duplicate a pair; an ended pair's need may get a new one.
        e.HasIndex(x => new { x.ProgramId, x.MenteeId, x.TopicId }).IsUnique().HasFilter("\"Status\" IN ('Approved', 'Active')");
        e.HasIndex(x => x.MenteeId);
        e.HasIndex(x => new { x.ProgramId, x.MentorId });
    }
}

public sealed class ChoiceStageConfiguration : IEntityTypeConfiguration<ChoiceStage>
{
    public void Configure(EntityTypeBuilder<ChoiceStage> e)
    {
        // The table keeps the name of release 0008 (the entity was PreferenceRound): renaming it would buy nothing but a migration.
        e.ToTable("PreferenceRounds");
        e.Property(x => x.OpenedBy).HasMaxLength(256);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<MentoringProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<DiagnosticsRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.RoundId).IsUnique();
    }
}

public sealed class ChoiceConfiguration : IEntityTypeConfiguration<Choice>
{
    public void Configure(EntityTypeBuilder<Choice> e)
    {
        // The table keeps the name of release 0008 (the entity was MentorChoice).
        e.ToTable("MentorChoices");
        e.Property(x => x.UpdatedBy).HasMaxLength(256);
        e.HasOne<DiagnosticsRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.MenteeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.MentorId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.RoundId, x.MenteeId, x.TopicId, x.Rank }).IsUnique();
        e.HasIndex(x => new { x.RoundId, x.MenteeId, x.TopicId, x.MentorId }).IsUnique();
    }
}

public sealed class MentorAvailabilityConfiguration : IEntityTypeConfiguration<MentorAvailability>
{
    public void Configure(EntityTypeBuilder<MentorAvailability> e)
    {
        e.Property(x => x.UpdatedBy).HasMaxLength(256);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<DiagnosticsRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.RoundId, x.PersonId }).IsUnique();
    }
}

public sealed class DeclinedOfferConfiguration : IEntityTypeConfiguration<DeclinedOffer>
{
    public void Configure(EntityTypeBuilder<DeclinedOffer> e)
    {
        e.HasOne<DiagnosticsRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.RoundId, x.PersonId, x.TopicId }).IsUnique();
    }
}
