using Heard.Application.Cases;
using Heard.Application.Children;
using Heard.Application.Identity;
using Heard.Application.Letters;
using Heard.Application.Procedure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heard.Application.Data.Configurations;

internal sealed class PolicyVersionConfiguration : IEntityTypeConfiguration<PolicyVersion>
{
    public void Configure(EntityTypeBuilder<PolicyVersion> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(30);
        builder.Property(p => p.Key).HasMaxLength(40);
        builder.HasIndex(p => p.Key).IsUnique();
        builder.HasIndex(p => new { p.Code, p.Version }).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Audience).HasMaxLength(10);
        builder.Property(p => p.Origin).HasMaxLength(20);
        builder.Property(p => p.CreatedBy).HasMaxLength(200);
        builder.Property(p => p.Reason).HasMaxLength(Limits.LongText);
    }
}

internal sealed class ComplaintProgressConfiguration : IEntityTypeConfiguration<ComplaintProgress>
{
    public void Configure(EntityTypeBuilder<ComplaintProgress> builder)
    {
        builder.ToTable("ComplaintProgress");
        builder.HasKey(p => p.CaseId);
        builder.HasOne<Case>().WithOne().HasForeignKey<ComplaintProgress>(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.EligibilityDecision).HasMaxLength(40);
        builder.Property(p => p.DiscretionCriterion).HasMaxLength(40);
        builder.Property(p => p.Route).HasMaxLength(40);
        builder.Property(p => p.ConflictDetails).HasMaxLength(Limits.LongText);
        builder.Property(p => p.WithdrawnReason).HasMaxLength(Limits.LongText);
        builder.HasOne<HeardUser>().WithMany().HasForeignKey(p => p.ResponsibleManagerId);
        builder.HasOne<HeardUser>().WithMany().HasForeignKey(p => p.LocalServiceManagerId);
        builder.HasIndex(p => p.ResponsibleManagerId);
    }
}

internal sealed class RemedyConfiguration : IEntityTypeConfiguration<Remedy>
{
    public void Configure(EntityTypeBuilder<Remedy> builder)
    {
        builder.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Reason).HasMaxLength(Limits.LongText);
        builder.Property(r => r.Amount).HasPrecision(10, 2);
        builder.Property(r => r.ApprovedByName).HasMaxLength(200);
        builder.Property(r => r.ApproverRole).HasMaxLength(40);
        builder.Property(r => r.RecordedByName).HasMaxLength(200);
        builder.HasIndex(r => r.CaseId);
    }
}

internal sealed class LearningPointConfiguration : IEntityTypeConfiguration<LearningPoint>
{
    public void Configure(EntityTypeBuilder<LearningPoint> builder)
    {
        builder.HasOne<Case>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.Text).HasMaxLength(Limits.Adjustments);
        builder.Property(l => l.RecordedByName).HasMaxLength(200);
        builder.HasIndex(l => l.CaseId);
    }
}

internal sealed class LetterConfiguration : IEntityTypeConfiguration<Letter>
{
    public void Configure(EntityTypeBuilder<Letter> builder)
    {
        builder.HasOne<Case>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.Template).HasMaxLength(60);
        builder.Property(l => l.Audience).HasConversion<string>().HasMaxLength(10);
        builder.Property(l => l.PolicyCode).HasMaxLength(40);
        builder.Property(l => l.TransitionCode).HasMaxLength(40);
        builder.Property(l => l.Subject).HasMaxLength(Limits.LetterSubject);
        builder.Property(l => l.Body).HasMaxLength(Limits.Letter);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(l => l.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(l => l.RecipientName).HasMaxLength(Limits.Name);
        builder.Property(l => l.RecipientAddress).HasMaxLength(Limits.Address);
        builder.Property(l => l.CreatedByName).HasMaxLength(200);
        builder.Property(l => l.SentByName).HasMaxLength(200);
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.HasIndex(l => new { l.CaseId, l.CreatedAt });
    }
}

internal sealed class CaseShareConfiguration : IEntityTypeConfiguration<CaseShare>
{
    public void Configure(EntityTypeBuilder<CaseShare> builder)
    {
        builder.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<HeardUser>().WithMany().HasForeignKey(s => s.UserId);
        builder.Property(s => s.Reason).HasMaxLength(Limits.Adjustments);
        builder.Property(s => s.SharedByName).HasMaxLength(200);
        builder.Property(s => s.EndedByName).HasMaxLength(200);
        builder.HasIndex(s => new { s.UserId, s.CaseId });
    }
}
