using Heard.Application.Equality;
using Heard.Application.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Heard.Application.Data.Configurations;

/// <summary>Equality answers: deliberately no relationship to cases (see <see cref="EqualityResponse"/>).</summary>
internal sealed class EqualityResponseConfiguration : IEntityTypeConfiguration<EqualityResponse>
{
    public void Configure(EntityTypeBuilder<EqualityResponse> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Source).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.LawType).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<ServiceArea>().WithMany().HasForeignKey(r => r.ServiceAreaId).OnDelete(DeleteBehavior.Restrict);
        foreach (var answer in new[] { nameof(EqualityResponse.Ethnicity), nameof(EqualityResponse.Disability), nameof(EqualityResponse.Sex), nameof(EqualityResponse.AgeBand) })
        {
            builder.Property<string?>(answer).HasMaxLength(EqualityAnswers.CodeLength);
        }

        builder.HasIndex(r => new { r.Source, r.ReceivedMonth });
    }
}

internal sealed class ServedPersonConfiguration : IEntityTypeConfiguration<ServedPerson>
{
    public void Configure(EntityTypeBuilder<ServedPerson> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.CourtCaseNumber).HasMaxLength(Limits.CourtCaseNumber);
        builder.Property(p => p.LawType).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<ServiceArea>().WithMany().HasForeignKey(p => p.ServiceAreaId).OnDelete(DeleteBehavior.Restrict);
        foreach (var answer in new[] { nameof(ServedPerson.Ethnicity), nameof(ServedPerson.Disability), nameof(ServedPerson.Sex), nameof(ServedPerson.AgeBand) })
        {
            builder.Property<string?>(answer).HasMaxLength(EqualityAnswers.CodeLength);
        }

        builder.HasIndex(p => p.CourtCaseNumber);
        builder.HasIndex(p => new { p.StartedOn, p.EndedOn });
    }
}
