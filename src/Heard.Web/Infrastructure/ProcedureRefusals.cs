using Heard.Application.Intake;
using Heard.Application.Procedure;
using Heard.Web.Pages.Staff.Records;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Heard.Web.Infrastructure;

/// <summary>
/// How a staff page runs a change to a case's procedure (a step, a finding, a remedy, a letter, a learning
/// action): a refusal the person can act on — invalid input, a step the procedure does not allow now, a form made
/// stale by someone else's change — becomes a message on the form instead of an error page.
/// </summary>
internal static class ProcedureRefusals
{
    /// <summary>
    /// Runs <paramref name="change"/> and returns what it returns; on a refusal adds the messages to
    /// <paramref name="modelState"/> (field errors keyed under <paramref name="prefix"/>) and returns null, meaning
    /// "show the form again".
    /// </summary>
    public static async Task<IActionResult?> TryAsync(ModelStateDictionary modelState, Func<Task<IActionResult?>> change, string prefix = "")
    {
        try
        {
            return await change();
        }
        catch (ValidationFailedException invalid)
        {
            modelState.AddErrors(invalid.Errors, prefix.Length == 0 ? null : prefix);
        }
        catch (TransitionRefusedException refused)
        {
            modelState.AddModelError(string.Empty, refused.Message);
        }
        catch (StaleCaseException stale)
        {
            modelState.AddModelError(string.Empty, stale.Message);
        }

        return null;
    }
}
