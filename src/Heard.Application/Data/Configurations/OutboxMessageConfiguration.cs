using Heard.Application.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heard.Application.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.Property(m => m.ToAddress).HasMaxLength(Limits.Email);
        builder.Property(m => m.ToName).HasMaxLength(Limits.Name);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Purpose).HasMaxLength(40);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => m.CaseId);
        builder.Property(m => m.LeaseOwner).HasMaxLength(100);
    }
}
