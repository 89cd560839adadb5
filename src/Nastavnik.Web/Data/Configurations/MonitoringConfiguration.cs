using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nastavnik.Web.Data.Configurations;

/// <summary>Monitoring: surveys, their recipients and answers, indicator values from outside, snapshots, SWOT.</summary>
public sealed class MonitoringConfiguration :
    IEntityTypeConfiguration<Survey>, IEntityTypeConfiguration<SurveyQuestion>, IEntityTypeConfiguration<SurveyRecipient>,
    IEntityTypeConfiguration<SurveyResponse>, IEntityTypeConfiguration<SurveyAnswer>, IEntityTypeConfiguration<IndicatorValue>,
    IEntityTypeConfiguration<IndicatorSnapshot>, IEntityTypeConfiguration<SwotItem>
{
    public void Configure(EntityTypeBuilder<Survey> e)
    {
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Description).HasMaxLength(4000);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        e.Property(x => x.Audience).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Department).HasMaxLength(200);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<MentoringProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<MentoringPair>().WithMany().HasForeignKey(x => x.PairId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Questions).WithOne().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.ProgramId, x.Kind });
        e.HasIndex(x => new { x.PairId, x.PulseNumber }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<SurveyQuestion> e)
    {
        e.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Measure).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Text).HasMaxLength(1000);
        e.Property(x => x.Options).HasMaxLength(4000);
        e.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.SurveyId, x.SortOrder });
    }

    public void Configure(EntityTypeBuilder<SurveyRecipient> e)
    {
        e.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.SurveyId, x.PersonId }).IsUnique();
        e.HasIndex(x => new { x.PersonId, x.Answered });
    }

    public void Configure(EntityTypeBuilder<SurveyResponse> e)
    {
        e.Property(x => x.Id).ValueGeneratedNever();
        e.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Answers).WithOne().HasForeignKey(x => x.ResponseId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.SurveyId);
        // One named response per person and survey; anonymous ones (PersonId null) are not limited by the index but by the recipient row.
        e.HasIndex(x => new { x.SurveyId, x.PersonId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<SurveyAnswer> e)
    {
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Text).HasMaxLength(4000);
        e.HasOne<SurveyQuestion>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.QuestionId);
        e.HasIndex(x => x.ResponseId);
    }

    public void Configure(EntityTypeBuilder<IndicatorValue> e)
    {
        e.Property(x => x.Value).HasPrecision(18, 4);
        e.Property(x => x.Source).HasMaxLength(500);
        e.Property(x => x.Comment).HasMaxLength(2000);
        e.Property(x => x.ProofFileName).HasMaxLength(260);
        e.Property(x => x.ProofContentType).HasMaxLength(200);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<ProgramIndicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.IndicatorId, x.Date });
    }

    public void Configure(EntityTypeBuilder<IndicatorSnapshot> e)
    {
        e.Property(x => x.TakenBy).HasMaxLength(256);
        e.HasOne<MentoringProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.ProgramId).IsUnique();
    }

    public void Configure(EntityTypeBuilder<SwotItem> e)
    {
        e.Property(x => x.Quadrant).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Text).HasMaxLength(1000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<MentoringProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.ProgramId, x.Quadrant, x.SortOrder });
    }
}
