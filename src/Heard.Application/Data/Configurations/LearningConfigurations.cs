using Heard.Application.Cases;
using Heard.Application.Identity;
using Heard.Application.Learning;
using Heard.Application.Organisation;
using Heard.Application.Procedure;
using Heard.Application.Themes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heard.Application.Data.Configurations;

internal sealed class LearningActionConfiguration : IEntityTypeConfiguration<LearningAction>
{
    public void Configure(EntityTypeBuilder<LearningAction> builder)
    {
        builder.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<LearningPoint>().WithMany().HasForeignKey(a => a.LearningPointId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<HeardUser>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServiceArea>().WithMany().HasForeignKey(a => a.ServiceAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Theme>().WithMany().HasForeignKey(a => a.ThemeCode).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Description).HasMaxLength(Limits.Adjustments);
        builder.Property(a => a.OwnerName).HasMaxLength(Limits.Name);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(a => a.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Evidence).HasMaxLength(Limits.Adjustments);
        builder.Property(a => a.CancelledReason).HasMaxLength(Limits.Adjustments);
        builder.Property(a => a.CreatedByName).HasMaxLength(Limits.Name);
        builder.HasIndex(a => a.CaseId);
        builder.HasIndex(a => new { a.OwnerId, a.Status });
        builder.HasIndex(a => new { a.Status, a.DueOn });
    }
}

internal sealed class ThemeChangeConfiguration : IEntityTypeConfiguration<ThemeChange>
{
    public void Configure(EntityTypeBuilder<ThemeChange> builder)
    {
        builder.Property(c => c.ThemeCode).HasMaxLength(40);
        builder.Property(c => c.Kind).HasMaxLength(20);
        builder.Property(c => c.Summary).HasMaxLength(1000);
        builder.Property(c => c.Before).HasMaxLength(2000);
        builder.Property(c => c.After).HasMaxLength(2000);
        builder.Property(c => c.ByName).HasMaxLength(Limits.Name);
        builder.HasIndex(c => c.ThemeCode);
    }
}
