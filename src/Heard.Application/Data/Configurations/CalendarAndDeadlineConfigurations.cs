using Heard.Application.Calendar;
using Heard.Application.Cases;
using Heard.Application.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heard.Application.Data.Configurations;

internal sealed class CalendarChangeRowConfiguration : IEntityTypeConfiguration<CalendarChangeRow>
{
    public void Configure(EntityTypeBuilder<CalendarChangeRow> builder)
    {
        builder.ToTable("CalendarChanges");
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Reason).HasMaxLength(1000);
        builder.Property(c => c.ChangedBy).HasMaxLength(200);
    }
}

internal sealed class CaseDeadlineConfiguration : IEntityTypeConfiguration<CaseDeadline>
{
    public void Configure(EntityTypeBuilder<CaseDeadline> builder)
    {
        builder.Property(d => d.Kind).HasMaxLength(40);
        builder.Property(d => d.Rule).HasMaxLength(40);
        builder.Property(d => d.Explanation).HasMaxLength(2000);
        builder.HasOne<Case>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.CaseId, d.Kind }).IsUnique();
        // The queues ask "what is due by when" across all open deadlines.
        builder.HasIndex(d => new { d.MetOn, d.DueOn });
        builder.OwnsMany(d => d.Pauses, p => p.ToJson());
        builder.OwnsMany(d => d.Extensions, e => e.ToJson());
    }
}
