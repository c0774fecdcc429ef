using Heard.Application.Identity;
using Heard.Application.Ombudsman;
using Heard.Web.Pages.Staff.Records;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Heard.Web.Pages.Staff.Ombudsman;

/// <summary>Log the Ombudsman's first contact about a complaint; the case is linked to the complaint.</summary>
public sealed class LogModel(UserManager<HeardUser> users, TimeProvider clock, OmbudsmanIntake intake) : RecordLogModel(users, clock)
{
    [BindProperty]
    public OmbudsmanSubmission Phso { get; set; } = new();

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        SaveAsync((actor, channel, on, key) => intake.SubmitAsync(Phso, channel, actor, key, on, cancellationToken), nameof(Phso), cancellationToken);
}
