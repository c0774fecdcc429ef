using Heard.Application.Cases;
using Heard.Application.Data;
using Heard.Application.Equality;
using Heard.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace Heard.Application.Demo;

/// <summary>
/// Demo people served (two adults and the children of each demo family court case) and demo equality answers for
/// about half the complaints made online, in plausible proportions. It has its own fixed seed so that adding it
/// leaves every other demo figure as it was. Black and Asian families complain a little less often than they are
/// served, so the "who is not complaining" table has something to show.
/// </summary>
internal static class EqualityDemoData
{
    private const int Seed = 7_2023;

    private static readonly (string Code, double Weight)[] ServedEthnicity =
        [("white", 0.72), ("asian", 0.09), ("black", 0.07), ("mixed", 0.08), ("other", 0.02), ("", 0.02)];

    private static readonly (string Code, double Weight)[] ComplainantEthnicity =
        [("white", 0.80), ("asian", 0.05), ("black", 0.03), ("mixed", 0.07), ("other", 0.02), ("prefer-not-to-say", 0.03)];

    public static async Task LoadAsync(HeardDbContext db, CancellationToken cancellationToken)
    {
        var random = new Random(Seed);
        var courtCases = await db.FamilyCourtCases.AsNoTracking()
            .OrderBy(c => c.CaseNumber)
            .Select(c => new { c.CaseNumber, c.ServiceAreaId, c.LawType, c.StartedOn, c.InvolvementEndedOn, c.ChildrenCount })
            .ToListAsync(cancellationToken);
        var served = new BulkRows<ServedPerson>(db);
        foreach (var court in courtCases)
        {
            for (var person = 0; person < 2 + court.ChildrenCount; person++)
            {
                var adult = person < 2;
                served.Add(new ServedPerson
                {
                    Id = Guid.NewGuid(),
                    CourtCaseNumber = court.CaseNumber,
                    ServiceAreaId = court.ServiceAreaId,
                    LawType = court.LawType,
                    StartedOn = court.StartedOn,
                    EndedOn = court.InvolvementEndedOn,
                    Ethnicity = Pick(random, ServedEthnicity),
                    Disability = random.NextDouble() < (adult ? 0.14 : 0.07) ? "yes" : random.NextDouble() < 0.05 ? null : "no",
                    Sex = random.NextDouble() < 0.5 ? "female" : "male",
                    AgeBand = adult
                        ? Heard.Domain.Equality.EqualityCategories.AgeBandOf(20 + (int)(random.NextDouble() * random.NextDouble() * 45))
                        : Heard.Domain.Equality.EqualityCategories.AgeBandOf(random.Next(18)),
                });
            }
        }

        await served.FlushAsync(cancellationToken);

        var complaints = await db.Cases.AsNoTracking()
            .Where(c => c.Type == CaseType.Complaint && c.Channel == Channel.Web)
            .OrderBy(c => c.Reference)
            .Select(c => new { c.ReceivedOn, c.ServiceAreaId, c.LawType, c.Audience })
            .ToListAsync(cancellationToken);
        var responses = new BulkRows<EqualityResponse>(db);
        foreach (var complaint in complaints.Where(_ => random.NextDouble() < 0.55))
        {
            var child = complaint.Audience == Audience.Child;
            responses.Add(new EqualityResponse
            {
                Id = Guid.NewGuid(),
                Source = child ? EqualitySource.ChildComplaint : EqualitySource.AdultComplaint,
                ServiceAreaId = complaint.ServiceAreaId,
                LawType = complaint.LawType,
                ReceivedMonth = EqualityMonitoring.MonthOf(complaint.ReceivedOn),
                Ethnicity = random.NextDouble() < 0.9 ? Pick(random, ComplainantEthnicity) : null,
                Disability = random.NextDouble() switch { < 0.2 => "yes", < 0.85 => "no", < 0.92 => "prefer-not-to-say", _ => null },
                Sex = random.NextDouble() switch { < 0.58 => "female", < 0.95 => "male", _ => "prefer-not-to-say" },
                AgeBand = child
                    ? Heard.Domain.Equality.EqualityCategories.AgeBandOf(8 + random.Next(10))
                    : Heard.Domain.Equality.EqualityCategories.AgeBandOf(22 + (int)(random.NextDouble() * 40)),
            });
        }

        await responses.FlushAsync(cancellationToken);
    }

    private static string? Pick(Random random, (string Code, double Weight)[] weights)
    {
        var roll = random.NextDouble();
        foreach (var (code, weight) in weights)
        {
            roll -= weight;
            if (roll < 0)
            {
                return code.Length == 0 ? null : code;
            }
        }

        return weights[^1].Code.Length == 0 ? null : weights[^1].Code;
    }
}
