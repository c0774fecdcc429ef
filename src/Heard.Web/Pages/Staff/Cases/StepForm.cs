using Heard.Domain.Procedure;
using Heard.Web.Govuk;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Heard.Web.Pages.Staff.Cases;

/// <summary>The fields a step can ask for, as posted from its form on the case page.</summary>
public sealed class StepForm
{
    public string? Reason { get; set; }
    public string? Criterion { get; set; }
    public Guid? ManagerId { get; set; }
    public DateParts On { get; set; } = new();
    public bool? ConflictDeclared { get; set; }
    public string? ConflictDetails { get; set; }
    public string? Route { get; set; }
    public DateParts NewDueOn { get; set; } = new();
    public string? AgreedBy { get; set; }
    public bool? CopyToCourt { get; set; }

    /// <summary>The input for the step, adding any problem with a date to <paramref name="modelState"/> under <paramref name="prefix"/>.</summary>
    public TransitionInput ToInput(ModelStateDictionary modelState, string prefix)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var (on, onError) = On.Read("The date");
        if (onError is not null)
        {
            modelState.AddModelError($"{prefix}.{nameof(On)}", onError);
        }

        var (newDue, newDueError) = NewDueOn.Read("The new date");
        if (newDueError is not null)
        {
            modelState.AddModelError($"{prefix}.{nameof(NewDueOn)}", newDueError);
        }

        return new TransitionInput
        {
            Reason = Reason,
            Criterion = Criterion,
            ManagerId = ManagerId,
            On = on,
            ConflictDeclared = ConflictDeclared,
            ConflictDetails = ConflictDetails,
            Route = Route,
            NewDueOn = newDue,
            AgreedBy = AgreedBy,
            CopyToCourt = CopyToCourt,
        };
    }

    public static readonly IReadOnlyList<Choice> YesNo = [new("true", "Yes"), new("false", "No")];
}
