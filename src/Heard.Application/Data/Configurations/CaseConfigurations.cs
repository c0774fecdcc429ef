using Heard.Application.Cases;
using Heard.Application.Identity;
using Heard.Application.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heard.Application.Data.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.Property(c => c.Reference).HasMaxLength(20);
        builder.HasIndex(c => c.Reference).IsUnique();
        // The search index is kept by triggers (Search/SearchIndex.cs); EF must not use RETURNING on a table with triggers.
        builder.ToTable(t => t.HasTrigger("CaseSearch_CaseUpdated"));
        builder.Property(c => c.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Audience).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.State).HasMaxLength(40);
        builder.Property(c => c.PolicyCode).HasMaxLength(40);
        builder.Property(c => c.LawType).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.CourtCaseNumber).HasMaxLength(40);
        builder.Property(c => c.PractitionerName).HasMaxLength(200);
        builder.Property(c => c.OutcomeWanted).HasMaxLength(Limits.OutcomeWanted);
        builder.Property(c => c.Adjustments).HasMaxLength(Limits.Adjustments);
        builder.Property(c => c.IdempotencyKey).HasMaxLength(100);
        builder.HasIndex(c => c.IdempotencyKey).IsUnique();
        builder.Property(c => c.Version).IsConcurrencyToken();

        builder.OwnsOne(c => c.Person, person =>
        {
            person.Property(p => p.FullName).HasColumnName("PersonName").HasMaxLength(Limits.Name);
            person.Property(p => p.Role).HasColumnName("PersonRole").HasConversion<string>().HasMaxLength(20);
            person.Property(p => p.Email).HasColumnName("PersonEmail").HasMaxLength(Limits.Email);
            person.Property(p => p.Phone).HasColumnName("PersonPhone").HasMaxLength(Limits.Phone);
            person.Property(p => p.Address).HasColumnName("PersonAddress").HasMaxLength(Limits.Address);
            person.Property(p => p.ContactPreference).HasColumnName("PersonContactPreference").HasConversion<string>().HasMaxLength(10);
            person.Property(p => p.OnBehalfOf).HasColumnName("PersonOnBehalfOf").HasMaxLength(Limits.Name);
            person.Property(p => p.ConsentConfirmed).HasColumnName("PersonConsentConfirmed");
            person.Property(p => p.HelpedBy).HasColumnName("PersonHelpedBy").HasMaxLength(Limits.Name);
        });
        builder.Navigation(c => c.Person).IsRequired();

        builder.HasOne(c => c.FamilyCourtCase).WithMany().HasForeignKey(c => c.FamilyCourtCaseId);
        builder.HasOne<ServiceArea>().WithMany().HasForeignKey(c => c.ServiceAreaId);
        builder.HasOne<Team>().WithMany().HasForeignKey(c => c.TeamId);
        builder.HasOne<HeardUser>().WithMany().HasForeignKey(c => c.AssignedToId);
        builder.HasOne<HeardUser>().WithMany().HasForeignKey(c => c.PractitionerId);
        builder.HasMany(c => c.Issues).WithOne().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);

        // The queues and reports filter on these.
        builder.HasIndex(c => new { c.Type, c.State });
        builder.HasIndex(c => c.ReceivedOn);
        builder.HasIndex(c => c.ServiceAreaId);
        builder.HasIndex(c => c.AssignedToId);

        // The board report reads every case of a period by these columns only (Reporting/BoardReport): a covering
        // index lets both databases answer its grouped queries from the index without visiting the wide case rows.
        builder.HasIndex(c => new { c.ReceivedOn, c.Type, c.Audience, c.ServiceAreaId, c.LawType, c.State, c.Id }).HasDatabaseName("IX_Cases_Report");
    }
}

internal sealed class ComplaintIssueConfiguration : IEntityTypeConfiguration<ComplaintIssue>
{
    public void Configure(EntityTypeBuilder<ComplaintIssue> builder)
    {
        builder.Property(i => i.Description).HasMaxLength(Limits.IssueDescription);
        builder.ToTable(t => t.HasTrigger("CaseSearch_IssueUpdated"));
        builder.Property(i => i.ThemeCode).HasMaxLength(40);
        builder.Property(i => i.Finding).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.FindingSummary).HasMaxLength(Limits.LongText);
        builder.Property(i => i.WhatHappened).HasMaxLength(Limits.LongText);
        builder.Property(i => i.WhatShouldHaveHappened).HasMaxLength(Limits.LongText);
        builder.Property(i => i.Standard).HasMaxLength(Limits.Name);
        builder.HasIndex(i => new { i.CaseId, i.Number }).IsUnique();
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.Property(e => e.Kind).HasMaxLength(40);
        builder.Property(e => e.ActorName).HasMaxLength(200);
        builder.Property(e => e.ActorRole).HasMaxLength(40);
        builder.Property(e => e.FromState).HasMaxLength(40);
        builder.Property(e => e.ToState).HasMaxLength(40);
        builder.Property(e => e.Reason).HasMaxLength(Limits.LongText);
        builder.Property(e => e.Summary).HasMaxLength(500);
        builder.HasIndex(e => new { e.CaseId, e.At });
    }
}

internal sealed class FamilyCourtCaseConfiguration : IEntityTypeConfiguration<FamilyCourtCase>
{
    public void Configure(EntityTypeBuilder<FamilyCourtCase> builder)
    {
        builder.Property(c => c.CaseNumber).HasMaxLength(40);
        builder.HasIndex(c => c.CaseNumber).IsUnique();
        // The board report's denominators: cases open on any day of a period, by area and law type.
        builder.HasIndex(c => new { c.StartedOn, c.InvolvementEndedOn, c.ServiceAreaId, c.LawType }).HasDatabaseName("IX_FamilyCourtCases_Report");
        builder.Property(c => c.LawType).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<ServiceArea>().WithMany().HasForeignKey(c => c.ServiceAreaId);
        builder.HasOne<HeardUser>().WithMany().HasForeignKey(c => c.PractitionerId);
    }
}

internal sealed class HeardUserConfiguration : IEntityTypeConfiguration<HeardUser>
{
    public void Configure(EntityTypeBuilder<HeardUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.JobTitle).HasMaxLength(200);
        builder.HasOne<ServiceArea>().WithMany().HasForeignKey(u => u.ServiceAreaId);
        builder.HasOne<Team>().WithMany().HasForeignKey(u => u.TeamId);
        builder.HasOne<HeardUser>().WithMany().HasForeignKey(u => u.ManagerId);
    }
}

internal sealed class ReportFactConfiguration : IEntityTypeConfiguration<Reporting.ReportFact>
{
    public void Configure(EntityTypeBuilder<Reporting.ReportFact> builder)
    {
        builder.HasKey(f => f.CaseId);
        builder.HasOne<Case>().WithOne().HasForeignKey<Reporting.ReportFact>(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(f => f.Audience).HasConversion<string>().HasMaxLength(10);
        builder.Property(f => f.LawType).HasConversion<string>().HasMaxLength(10);
        builder.Property(f => f.State).HasMaxLength(40);
        builder.Property(f => f.WithdrawnFrom).HasMaxLength(40);

        // Every column the board report reads, led by the day of receipt: a period's figures come from one range
        // scan of this index without visiting the table.
        builder.HasIndex(f => new
        {
            f.ReceivedOn, f.Type, f.Audience, f.ServiceAreaId, f.LawType, f.State, f.WithdrawnFrom,
            f.AcknowledgementDueOn, f.AcknowledgementMetOn, f.ResponseStartsOn, f.ResponseDueOn, f.ResponseMetOn,
            f.Decided, f.Upheld, f.CaseId,
        }).HasDatabaseName("IX_ReportFacts_Report");

        // Deadlines not yet met become late as days pass, so the report counts them from the facts each time:
        // these partial indexes hold only the cases with such a deadline (few: the open ones).
        builder.HasIndex(f => new { f.ReceivedOn, f.Type, f.Audience, f.ServiceAreaId, f.LawType, f.WithdrawnFrom, f.AcknowledgementDueOn })
            .HasFilter("\"AcknowledgementDueOn\" IS NOT NULL AND \"AcknowledgementMetOn\" IS NULL")
            .HasDatabaseName("IX_ReportFacts_AcknowledgementOpen");
        builder.HasIndex(f => new { f.ReceivedOn, f.Type, f.Audience, f.ServiceAreaId, f.LawType, f.WithdrawnFrom, f.ResponseDueOn })
            .HasFilter("\"ResponseDueOn\" IS NOT NULL AND \"ResponseMetOn\" IS NULL")
            .HasDatabaseName("IX_ReportFacts_ResponseOpen");
    }
}

internal sealed class ReportMonthCellConfiguration : IEntityTypeConfiguration<Reporting.ReportMonthCell>
{
    public void Configure(EntityTypeBuilder<Reporting.ReportMonthCell> builder)
    {
        // The key is the upsert's conflict target: one row per month and breakdown.
        builder.HasKey(c => new { c.Month, c.Type, c.Audience, c.ServiceAreaId, c.LawType, c.WithdrawnFrom });
        builder.Property(c => c.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Audience).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.LawType).HasMaxLength(10);
        builder.Property(c => c.WithdrawnFrom).HasMaxLength(40);
    }
}

internal sealed class ReportThemeFactConfiguration : IEntityTypeConfiguration<Reporting.ReportThemeFact>
{
    public void Configure(EntityTypeBuilder<Reporting.ReportThemeFact> builder)
    {
        builder.HasKey(t => new { t.CaseId, t.IssueNumber });
        builder.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.ThemeCode).HasMaxLength(40);
        builder.HasIndex(t => new { t.ReceivedOn, t.ThemeCode }).HasDatabaseName("IX_ReportThemeFacts_Report");
    }
}
