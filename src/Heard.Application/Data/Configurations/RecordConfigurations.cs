using Heard.Application.Cases;
using Heard.Application.Compliments;
using Heard.Application.Feedback;
using Heard.Application.Identity;
using Heard.Application.MpEnquiries;
using Heard.Application.Notifications;
using Heard.Application.Ombudsman;
using Heard.Application.Organisation;
using Heard.Application.Records;
using Heard.Application.SubjectAccess;
using Heard.Application.Themes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heard.Application.Data.Configurations;

// The record types beside complaints: each hangs off the case spine by the case's id (one row per case), so the
// case keeps one reference, one history, one set of deadlines.

internal sealed class CaseLinkConfiguration : IEntityTypeConfiguration<CaseLink>
{
    public void Configure(EntityTypeBuilder<CaseLink> builder)
    {
        builder.Property(l => l.CreatedBy).HasMaxLength(Limits.Name);
        builder.HasOne<Case>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Case>().WithMany().HasForeignKey(l => l.LinkedCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.CaseId, l.LinkedCaseId }).IsUnique();
        builder.HasIndex(l => l.LinkedCaseId);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Kind).HasMaxLength(40);
        builder.Property(n => n.Title).HasMaxLength(300);
        builder.Property(n => n.Body).HasMaxLength(Limits.LongText);
        builder.HasOne<HeardUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Case>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
    }
}

internal sealed class ComplimentConfiguration : IEntityTypeConfiguration<Compliment>
{
    public void Configure(EntityTypeBuilder<Compliment> builder)
    {
        builder.HasKey(c => c.CaseId);
        builder.Property(c => c.Text).HasMaxLength(Limits.LongText);
        builder.Property(c => c.StaffNameGiven).HasMaxLength(Limits.Name);
        builder.HasOne<Case>().WithOne().HasForeignKey<Compliment>(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<HeardUser>().WithMany().HasForeignKey(c => c.StaffMemberId);
        builder.HasMany(c => c.Themes).WithOne().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.StaffMemberId);
    }
}

internal sealed class ComplimentThemeConfiguration : IEntityTypeConfiguration<ComplimentTheme>
{
    public void Configure(EntityTypeBuilder<ComplimentTheme> builder)
    {
        builder.HasKey(t => new { t.CaseId, t.ThemeCode });
        builder.Property(t => t.ThemeCode).HasMaxLength(40);
        builder.HasOne<Theme>().WithMany().HasForeignKey(t => t.ThemeCode);
        builder.HasIndex(t => t.ThemeCode);
    }
}

internal sealed class MpEnquiryConfiguration : IEntityTypeConfiguration<MpEnquiry>
{
    public void Configure(EntityTypeBuilder<MpEnquiry> builder)
    {
        builder.HasKey(m => m.CaseId);
        builder.Property(m => m.MpName).HasMaxLength(Limits.Name);
        builder.Property(m => m.Constituency).HasMaxLength(Limits.Name);
        builder.Property(m => m.MpEmail).HasMaxLength(Limits.Email);
        builder.Property(m => m.MpAddress).HasMaxLength(Limits.Address);
        builder.Property(m => m.Enquiry).HasMaxLength(Limits.LongText);
        builder.Property(m => m.ConsentHow).HasConversion<string>().HasMaxLength(40);
        builder.Property(m => m.ConsentNote).HasMaxLength(Limits.Adjustments);
        builder.Property(m => m.ConsentRecordedBy).HasMaxLength(Limits.Name);
        builder.Property(m => m.ResponseSummary).HasMaxLength(Limits.LongText);
        builder.Ignore(m => m.ConsentRecorded);
        builder.HasOne<Case>().WithOne().HasForeignKey<MpEnquiry>(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OmbudsmanCaseConfiguration : IEntityTypeConfiguration<OmbudsmanCase>
{
    public void Configure(EntityTypeBuilder<OmbudsmanCase> builder)
    {
        builder.HasKey(o => o.CaseId);
        builder.Property(o => o.PhsoReference).HasMaxLength(40);
        builder.Property(o => o.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.OutcomeSummary).HasMaxLength(Limits.LongText);
        builder.HasOne<Case>().WithOne().HasForeignKey<OmbudsmanCase>(o => o.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.InformationRequests).WithOne().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Recommendations).WithOne().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OmbudsmanInformationRequestConfiguration : IEntityTypeConfiguration<OmbudsmanInformationRequest>
{
    public void Configure(EntityTypeBuilder<OmbudsmanInformationRequest> builder)
    {
        builder.Property(r => r.Request).HasMaxLength(Limits.LongText);
        builder.HasIndex(r => new { r.CaseId, r.Number }).IsUnique();
        builder.HasIndex(r => new { r.SentOn, r.DueOn });
    }
}

internal sealed class OmbudsmanRecommendationConfiguration : IEntityTypeConfiguration<OmbudsmanRecommendation>
{
    public void Configure(EntityTypeBuilder<OmbudsmanRecommendation> builder)
    {
        builder.Property(r => r.Text).HasMaxLength(Limits.LongText);
        builder.Property(r => r.Evidence).HasMaxLength(Limits.LongText);
        builder.HasIndex(r => new { r.CaseId, r.Number }).IsUnique();
        builder.HasIndex(r => new { r.CompliedOn, r.ComplianceDueOn });
    }
}

internal sealed class SubjectAccessRequestConfiguration : IEntityTypeConfiguration<SubjectAccessRequest>
{
    public void Configure(EntityTypeBuilder<SubjectAccessRequest> builder)
    {
        builder.HasKey(s => s.CaseId);
        builder.Property(s => s.Relationship).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.SubjectName).HasMaxLength(Limits.Name);
        builder.Property(s => s.SubjectEmail).HasMaxLength(Limits.Email);
        builder.Property(s => s.RequestDetails).HasMaxLength(Limits.LongText);
        builder.Property(s => s.AuthorityEvidence).HasMaxLength(Limits.Adjustments);
        builder.Property(s => s.IdentityEvidence).HasMaxLength(Limits.Adjustments);
        builder.Property(s => s.DisclosureNote).HasMaxLength(Limits.LongText);
        builder.Property(s => s.IcoReference).HasMaxLength(40);
        builder.Property(s => s.IcoOutcome).HasMaxLength(Limits.LongText);
        builder.HasOne<Case>().WithOne().HasForeignKey<SubjectAccessRequest>(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> builder)
    {
        builder.HasKey(s => s.Code);
        builder.Property(s => s.Code).HasMaxLength(40);
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.Introduction).HasMaxLength(1000);
        builder.Property(s => s.Audience).HasConversion<string>().HasMaxLength(10);
        builder.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SurveyCode).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> builder)
    {
        builder.HasKey(q => new { q.SurveyCode, q.Key });
        builder.Property(q => q.Key).HasMaxLength(40);
        builder.Property(q => q.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(q => q.Text).HasMaxLength(500);
        builder.Property(q => q.Hint).HasMaxLength(500);
        builder.Property(q => q.ScaleLabels).HasMaxLength(500);
        builder.Ignore(q => q.Labels);
    }
}

internal sealed class FeedbackResponseConfiguration : IEntityTypeConfiguration<FeedbackResponse>
{
    public void Configure(EntityTypeBuilder<FeedbackResponse> builder)
    {
        builder.Property(r => r.SurveyCode).HasMaxLength(40);
        builder.Property(r => r.Audience).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.LinkCode).HasMaxLength(20);
        builder.Property(r => r.ThemedBy).HasMaxLength(Limits.Name);
        builder.Property(r => r.ContactName).HasMaxLength(Limits.Name);
        builder.Property(r => r.ContactEmail).HasMaxLength(Limits.Email);
        builder.Property(r => r.EnteredBy).HasMaxLength(Limits.Name);
        builder.Property(r => r.IdempotencyKey).HasMaxLength(100);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.HasIndex(r => r.IdempotencyKey).IsUnique();
        builder.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyCode);
        builder.HasOne<ServiceArea>().WithMany().HasForeignKey(r => r.ServiceAreaId);
        builder.HasOne<Team>().WithMany().HasForeignKey(r => r.TeamId);
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Themes).WithOne().HasForeignKey(t => t.ResponseId).OnDelete(DeleteBehavior.Cascade);
        // Reports count by period, area and audience; the theming queue asks for untreated free text.
        // The board report's feedback figures come from this index alone.
        builder.HasIndex(r => new { r.GivenOn, r.Audience, r.Score });
        builder.HasIndex(r => r.ServiceAreaId);
        builder.HasIndex(r => new { r.HasText, r.ThemedAt });
        builder.HasIndex(r => r.ContactEmail);
    }
}

internal sealed class FeedbackAnswerConfiguration : IEntityTypeConfiguration<FeedbackAnswer>
{
    public void Configure(EntityTypeBuilder<FeedbackAnswer> builder)
    {
        builder.HasKey(a => new { a.ResponseId, a.QuestionKey });
        builder.Property(a => a.QuestionKey).HasMaxLength(40);
        builder.Property(a => a.Text).HasMaxLength(Limits.OutcomeWanted);
    }
}

internal sealed class FeedbackThemeConfiguration : IEntityTypeConfiguration<FeedbackTheme>
{
    public void Configure(EntityTypeBuilder<FeedbackTheme> builder)
    {
        builder.HasKey(t => new { t.ResponseId, t.ThemeCode });
        builder.Property(t => t.ThemeCode).HasMaxLength(40);
        builder.HasOne<Theme>().WithMany().HasForeignKey(t => t.ThemeCode);
        builder.HasIndex(t => t.ThemeCode);
    }
}

internal sealed class FeedbackLinkConfiguration : IEntityTypeConfiguration<FeedbackLink>
{
    public void Configure(EntityTypeBuilder<FeedbackLink> builder)
    {
        builder.HasKey(l => l.Code);
        builder.Property(l => l.Code).HasMaxLength(20);
        builder.Property(l => l.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.SurveyCode).HasMaxLength(40);
        builder.Property(l => l.CreatedBy).HasMaxLength(Limits.Name);
        builder.HasOne<Survey>().WithMany().HasForeignKey(l => l.SurveyCode);
        builder.HasOne<ServiceArea>().WithMany().HasForeignKey(l => l.ServiceAreaId);
        builder.HasOne<Team>().WithMany().HasForeignKey(l => l.TeamId);
        builder.HasIndex(l => new { l.ServiceAreaId, l.TeamId, l.Stage, l.SurveyCode });
    }
}
