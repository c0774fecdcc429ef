using Heard.Application.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heard.Application.Data.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.HasIndex(r => r.Name).IsUnique();
    }
}

internal sealed class ServiceAreaConfiguration : IEntityTypeConfiguration<ServiceArea>
{
    public void Configure(EntityTypeBuilder<ServiceArea> builder)
    {
        builder.Property(a => a.Code).HasMaxLength(10);
        builder.Property(a => a.Name).HasMaxLength(100);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.HasOne(a => a.Region).WithMany(r => r.ServiceAreas).HasForeignKey(a => a.RegionId);
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.HasOne(t => t.ServiceArea).WithMany(a => a.Teams).HasForeignKey(t => t.ServiceAreaId);
    }
}
