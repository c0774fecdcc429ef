using Heard.Application.Cases;
using Heard.Application.Identity;
using Heard.Application.Intake;
using Heard.Domain.Cases;
using Heard.Web.Govuk;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Heard.Web.Pages.Staff.Records;

/// <summary>
/// What every "log a record" page shares: how and when it arrived (the date starts the clock), a submission key so
/// a double-click makes one record, and the case page to go to once it is saved.
/// </summary>
public abstract class RecordLogModel(UserManager<HeardUser> users, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? SubmissionKey { get; set; }

    [BindProperty]
    public Channel? ReceivedBy { get; set; }

    [BindProperty]
    public DateParts ReceivedOn { get; set; } = new();

    public static readonly IReadOnlyList<Choice> ChannelChoices =
    [
        new(nameof(Channel.Letter), "Letter"),
        new(nameof(Channel.Email), "Email"),
        new(nameof(Channel.Phone), "Phone"),
        new(nameof(Channel.InPerson), "In person"),
    ];

    protected virtual Task LoadChoicesAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        SubmissionKey = Guid.NewGuid().ToString("N");
        ReceivedOn = DateParts.From(UkTime.Today(clock));
        await LoadChoicesAsync(cancellationToken);
    }

    /// <summary>Checks how and when it arrived, then saves through <paramref name="submit"/>; errors go back to the form under <paramref name="prefix"/>.</summary>
    protected async Task<IActionResult> SaveAsync(Func<Actor, Channel, DateOnly, string, Task<IntakeResult>> submit, string? prefix, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? outside = null)
    {
        ArgumentNullException.ThrowIfNull(submit);
        if (ReceivedBy is null)
        {
            ModelState.AddModelError(nameof(ReceivedBy), "Select how it was received");
        }

        var receivedOn = ModelState.ReadDate(ReceivedOn, nameof(ReceivedOn), "The date it was received");
        if (receivedOn is null && !ModelState.ContainsKey(nameof(ReceivedOn)))
        {
            ModelState.AddModelError(nameof(ReceivedOn), "Enter the date it was received");
        }

        if (ModelState.IsValid)
        {
            try
            {
                SubmissionKey ??= Guid.NewGuid().ToString("N");
                var result = await submit(await StaffActor.OfAsync(User, users), ReceivedBy!.Value, receivedOn!.Value, $"staff:{SubmissionKey}");
                return Redirect($"/staff/cases/{result.CaseId}");
            }
            catch (ValidationFailedException invalid)
            {
                foreach (var error in invalid.Errors)
                {
                    var field = error.Field == "receivedOn" ? nameof(ReceivedOn)
                        : outside is not null && outside.TryGetValue(error.Field, out var named) ? named
                        : prefix is null ? error.Field : $"{prefix}.{error.Field}";
                    ModelState.AddModelError(field, error.Message);
                }
            }
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }
}
