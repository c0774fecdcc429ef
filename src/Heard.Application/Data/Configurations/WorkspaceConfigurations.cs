using Heard.Application.Access;
using Heard.Application.Api;
using Heard.Application.Cases;
using Heard.Application.Identity;
using Heard.Application.Organisation;
using Heard.Application.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heard.Application.Data.Configurations;

internal sealed class CaseAccessGrantConfiguration : IEntityTypeConfiguration<CaseAccessGrant>
{
    public void Configure(EntityTypeBuilder<CaseAccessGrant> builder)
    {
        builder.HasIndex(g => new { g.CaseId, g.UserId }).IsUnique();
        builder.HasOne<Case>().WithMany().HasForeignKey(g => g.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<HeardUser>().WithMany().HasForeignKey(g => g.UserId);
    }
}

internal sealed class CaseAccessLogConfiguration : IEntityTypeConfiguration<CaseAccessLog>
{
    public void Configure(EntityTypeBuilder<CaseAccessLog> builder)
    {
        builder.Property(l => l.ViewerName).HasMaxLength(200);
        builder.Property(l => l.ViewerRole).HasMaxLength(40);
        builder.Property(l => l.Via).HasMaxLength(40);
        builder.HasIndex(l => new { l.CaseId, l.At });
        builder.HasIndex(l => l.At);
        builder.HasOne<Case>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TrackingLinkConfiguration : IEntityTypeConfiguration<TrackingLink>
{
    public void Configure(EntityTypeBuilder<TrackingLink> builder)
    {
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.CaseId);
        builder.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServiceAccountConfiguration : IEntityTypeConfiguration<ServiceAccount>
{
    public void Configure(EntityTypeBuilder<ServiceAccount> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(Limits.ServiceAccountName);
        builder.Property(a => a.Role).HasMaxLength(40);
        builder.Property(a => a.KeyPrefix).HasMaxLength(16);
        builder.Property(a => a.KeyHash).HasMaxLength(64);
        builder.Property(a => a.CreatedBy).HasMaxLength(200);
        builder.HasIndex(a => a.KeyHash).IsUnique();
        builder.HasOne<ServiceArea>().WithMany().HasForeignKey(a => a.ServiceAreaId);
    }
}

internal sealed class ApiSubmissionConfiguration : IEntityTypeConfiguration<ApiSubmission>
{
    public void Configure(EntityTypeBuilder<ApiSubmission> builder)
    {
        builder.Property(s => s.IdempotencyKey).HasMaxLength(100);
        builder.Property(s => s.RequestHash).HasMaxLength(64);
        builder.HasIndex(s => new { s.ServiceAccountId, s.IdempotencyKey }).IsUnique();
        builder.HasOne<ServiceAccount>().WithMany().HasForeignKey(s => s.ServiceAccountId);
        builder.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId);
    }
}
