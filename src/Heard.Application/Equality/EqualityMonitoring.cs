using Heard.Application.Data;
using Heard.Domain.Cases;

namespace Heard.Application.Equality;

/// <summary>
/// Keeps the equality answers given with a public form. The caller adds them to its unit of work and saves once, so
/// the answers are written in the same transaction as the submission — but the row holds nothing that leads back
/// to it (see <see cref="EqualityResponse"/>).
/// </summary>
public static class EqualityMonitoring
{
    /// <summary>Adds the answers (if any were given) to <paramref name="db"/>'s unit of work; the caller saves.</summary>
    public static void Add(HeardDbContext db, EqualitySource source, EqualityAnswers? answers, DateOnly receivedOn, Guid? serviceAreaId = null, LawType? lawType = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (answers is null || !answers.AnyAnswered)
        {
            return;
        }

        var clean = answers.Clean();
        db.EqualityResponses.Add(new EqualityResponse
        {
            Id = Guid.NewGuid(), // random on purpose: a time-ordered id would give away the instant
            Source = source,
            ServiceAreaId = serviceAreaId,
            LawType = lawType,
            ReceivedMonth = MonthOf(receivedOn),
            Ethnicity = clean.Ethnicity,
            Disability = clean.Disability,
            Sex = clean.Sex,
            AgeBand = clean.AgeBand,
        });
    }

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);
}
