using Heard.Application.Access;
using Heard.Application.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Heard.Web.Pages.Staff.Cases;

/// <summary>How the case pages turn a refused change into a response: not found, forbidden, or a message on the form.</summary>
internal static class CaseChangeResponses
{
    /// <summary>Null when the change was done; otherwise what the page should return (null page result means "show the form again").</summary>
    public static IActionResult? Refusal(CaseChange change, ModelStateDictionary modelState, Func<IActionResult> showForm)
    {
        switch (change.Outcome)
        {
            case CaseChangeOutcome.Done:
                return null;
            case CaseChangeOutcome.NotFound:
                return new NotFoundResult();
            case CaseChangeOutcome.Forbidden:
                return new ForbidResult();
            case CaseChangeOutcome.Stale:
                modelState.AddModelError(string.Empty, change.Message!);
                return showForm();
            default:
                modelState.AddModelError(change.Field ?? string.Empty, change.Message!);
                return showForm();
        }
    }
}
