using Heard.Application.Data;
using Heard.Application.Procedure;
using Microsoft.EntityFrameworkCore;

namespace Heard.Testing;

/// <summary>
/// Makes the <see cref="WorkspaceWorld"/>'s adult complaint in area A a closed complaint under the 2023 adult
/// policy with a themed, upheld issue and a learning point, so that learning actions may be set on it and the
/// learning pages have something to count.
/// </summary>
public static class LearningWorld
{
    public const string LearningPointText = "Check with the family that their views are recorded before the report is filed.";

    public static async Task PrepareAsync(HeardDbContext db, WorkspaceWorld world)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(world);
        var @case = await db.Cases.Include(c => c.Issues).SingleAsync(c => c.Id == world.AdultComplaintA.Id);
        @case.State = "closed";
        @case.PolicyCode = "adult-2023@1";
        @case.Issues[0].ThemeCode = "not-listened-to";
        @case.Issues[0].Finding = Heard.Domain.Cases.Finding.Upheld;
        db.LearningPoints.Add(new LearningPoint
        {
            Id = Guid.CreateVersion7(),
            CaseId = @case.Id,
            Text = LearningPointText,
            RecordedById = world.ComplaintsOfficer.Id,
            RecordedByName = world.ComplaintsOfficer.DisplayName,
            RecordedAt = @case.ReceivedAt.AddDays(10),
        });
        await db.SaveChangesAsync();
    }
}
